#include "parser-svc/tables/label_matcher.h"

#include "common/text/normalize.h"
#include "gtest/gtest.h"

namespace govreport::parser {
namespace {

T3LabelMatch T3(const char* utf8, int group = 0) {
  return MatchT3Label(text::FoldText(utf8), group);
}

TEST(LabelMatcher, SplitsOrdinals) {
  LabelParts p = SplitOrdinals(text::FoldText("（三）1. 属于国家秘密"));
  EXPECT_EQ(p.group, 3);
  EXPECT_EQ(p.item, 1);
  EXPECT_EQ(p.key, U"属于国家秘密");
  EXPECT_EQ(SplitOrdinals(text::FoldText("四、结转下年度继续办理")).top, 4);
}

TEST(LabelMatcher, MatchesTableThreeRowsAcrossSpellings) {
  EXPECT_EQ(T3("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)").row,
            3);
  EXPECT_EQ(T3("3.危及\"三安全一稳定\"").row, 6);
  EXPECT_EQ(T3("3. 其他", 6).row, 22);
  EXPECT_EQ(T3("(七) 总计").row, 23);
  EXPECT_EQ(T3("1.本机关不掌握相关政").row, 12);  // wrapped
  EXPECT_EQ(T3("自 然 人").row, -1);
  T3LabelMatch six = T3("（六）其他处理");
  EXPECT_TRUE(six.single_six);
  EXPECT_EQ(six.group, 6);
}

TEST(LabelMatcher, MatchesTraditionalAndFullWidthLabels) {
  EXPECT_EQ(T3("（三）１．屬於國家秘密").row, 4);
  EXPECT_EQ(T3("四、結轉下年度繼續辦理").row, 24);
}

TEST(LabelMatcher, RecordsTyposAsTolerant) {
  T3LabelMatch m = T3("2.其他法律行政止公开");
  EXPECT_EQ(m.row, 5);
  EXPECT_EQ(m.quality, MatchQuality::kTolerant);
  EXPECT_EQ(m.expected, "其他法律行政法规禁止公开");
  T2HeaderMatch h = MatchT2Header(text::FoldText("本年度止件数"));
  EXPECT_EQ(h.quality, MatchQuality::kTolerant);
  EXPECT_EQ(h.expected, "本年废止件数");
  EXPECT_EQ(h.version, T2Version::kV2021);
}

TEST(LabelMatcher, TellsTableTwoVersionsApart) {
  EXPECT_EQ(MatchT2Header(text::FoldText("本年新制作数量")).version,
            T2Version::kV2019);
  EXPECT_EQ(MatchT2Header(text::FoldText("本年收费金额（单位：万元）")).version,
            T2Version::kV2021);
  T2LabelMatch normative = MatchT2Label(text::FoldText("规范性文件"));
  EXPECT_EQ(normative.row, T2Row::kNormative);
  EXPECT_TRUE(normative.v2019_normative);
  EXPECT_EQ(MatchT2Label(text::FoldText("行政 许可")).row, T2Row::kLicensing);
}

TEST(LabelMatcher, EditDistanceCountsCodePoints) {
  EXPECT_EQ(EditDistance(U"本年度止件数", U"本年废止件数"), 1u);
  EXPECT_EQ(EditDistance(U"", U"abc"), 3u);
}

}  // namespace
}  // namespace govreport::parser
