#include "common/regions/footer_code.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::regions {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;

TEST(FooterCode, ReadsTheDivisionFromAFilingNumber) {
  const auto codes =
      FindFooterCodes("版权所有 陕公网安备 61011502000007号 ICP备");
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(codes[0].division, "610115");
  EXPECT_EQ(codes[0].filing, "61011502000007");
}

TEST(FooterCode, AcceptsColonsFullWidthDigitsAndNoGap) {
  EXPECT_THAT(FindFooterCodes("京公网安备：１１０１０５０２０３００００号"),
              ElementsAre(Field(&FooterCode::division, "110105")));
  EXPECT_THAT(FindFooterCodes("豫公网安备41030602000123号"),
              ElementsAre(Field(&FooterCode::division, "410306")));
}

TEST(FooterCode, ListsDistinctNumbersInTextOrder) {
  EXPECT_THAT(
      FindFooterCodes("公网安备 32080002000001号 … 公网安备 32081302000002号 "
                      "公网安备 32080002000001号"),
      ElementsAre(Field(&FooterCode::division, "320800"),
                  Field(&FooterCode::division, "320813")));
}

TEST(FooterCode, IgnoresTextThatIsNotAFilingNumber) {
  EXPECT_THAT(FindFooterCodes("公网安备号码见下方 61011502000007"), IsEmpty());
  EXPECT_THAT(FindFooterCodes("公网安备 61011号"), IsEmpty());
  EXPECT_THAT(FindFooterCodes("61011502000007"), IsEmpty());
  EXPECT_THAT(FindFooterCodes("公网安备"), IsEmpty());
}

}  // namespace
}  // namespace govreport::regions
