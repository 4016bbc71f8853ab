#include "validator-svc/narrative/chinese_numeral.h"

#include "gtest/gtest.h"

namespace govreport::validator::narrative {
namespace {

TEST(ChineseNumeral, ReadsTheFormsReportsUse) {
  EXPECT_EQ(ParseChineseNumeral(U"两"), 2);
  EXPECT_EQ(ParseChineseNumeral(U"十二"), 12);
  EXPECT_EQ(ParseChineseNumeral(U"二十"), 20);
  EXPECT_EQ(ParseChineseNumeral(U"一百零五"), 105);
  EXPECT_EQ(ParseChineseNumeral(U"三千二百万"), 32000000);
  EXPECT_EQ(ParseChineseNumeral(U"一万零五"), 10005);
  EXPECT_EQ(ParseChineseNumeral(U"零"), 0);
  EXPECT_EQ(ParseChineseNumeral(U"〇"), 0);
  EXPECT_EQ(ParseChineseNumeral(U"二〇二三"), 2023);
}

TEST(ChineseNumeral, RefusesMalformedRuns) {
  EXPECT_FALSE(ParseChineseNumeral(U"").has_value());
  EXPECT_FALSE(ParseChineseNumeral(U"十十").has_value());
  EXPECT_FALSE(ParseChineseNumeral(U"十零十").has_value());
  EXPECT_FALSE(ParseChineseNumeral(U"一二三四五").has_value());
  EXPECT_FALSE(ParseChineseNumeral(U"万万").has_value());
}

}  // namespace
}  // namespace govreport::validator::narrative
