#include "parser-svc/tables/digit_segmenter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace govreport::parser {
namespace {

std::vector<std::vector<double>> Values(std::u32string_view run,
                                        const std::vector<Split>& splits) {
  std::vector<std::vector<double>> out;
  for (const Split& s : splits) {
    std::vector<double> v;
    for (const Piece& p : s) v.push_back(PieceValue(run, p));
    out.push_back(v);
  }
  return out;
}

TEST(DigitSegmenter, SplitsATableThreeRowUniquelyUnderItsTotal) {
  std::u32string run = U"801000081";
  auto splits = SegmentDigits(run, {GroupSpec{7, true, -1}}, 16);
  ASSERT_EQ(splits.size(), 1u);
  EXPECT_EQ(Values(run, splits)[0],
            (std::vector<double>{80, 1, 0, 0, 0, 0, 81}));
}

TEST(DigitSegmenter, RefusesToGuessWhenTwoSplitsBalance) {
  std::u32string run = U"220000022";  // 22|0|… and 2|20|… both sum to 22
  auto splits = SegmentDigits(run, {GroupSpec{7, true, -1}}, 16);
  EXPECT_EQ(splits.size(), 2u);
}

TEST(DigitSegmenter, NeverSplitsALeadingZero) {
  std::u32string run = U"000";
  auto splits = SegmentDigits(run, {GroupSpec{3, false, -1}}, 16);
  ASSERT_EQ(splits.size(), 1u);
  EXPECT_EQ(Values(run, splits)[0], (std::vector<double>{0, 0, 0}));
  EXPECT_TRUE(SegmentDigits(U"07", {GroupSpec{1, false, -1}}, 16).empty());
}

TEST(DigitSegmenter, SplitsTableFourUnderEachGroupSum) {
  std::u32string run = U"110024001510102";
  auto splits = SegmentDigits(
      run,
      {GroupSpec{5, true, -1}, GroupSpec{5, true, -1}, GroupSpec{5, true, -1}},
      16);
  ASSERT_EQ(splits.size(), 1u);
  EXPECT_EQ(Values(run, splits)[0],
            (std::vector<double>{1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2}));
}

TEST(DigitSegmenter, AllowsADecimalOnlyInTheMoneyCell) {
  std::u32string run = U"135.5";
  auto money = SegmentDigits(run, {GroupSpec{2, false, 1}}, 16);
  EXPECT_EQ(Values(run, money),
            (std::vector<std::vector<double>>{{1, 35.5}, {13, 5.5}}));
  EXPECT_TRUE(SegmentDigits(run, {GroupSpec{2, false, -1}}, 16).empty());
}

TEST(DigitSegmenter, ReportsOverflowPastTheLimit) {
  auto splits = SegmentDigits(U"123456789123", {GroupSpec{3, false, -1}}, 4);
  EXPECT_EQ(splits.size(), 5u);  // limit + 1 means "more than limit"
}

TEST(DigitSegmenter, RejectsNonDigits) {
  EXPECT_TRUE(SegmentDigits(U"12a4", {GroupSpec{2, false, -1}}, 16).empty());
}

}  // namespace
}  // namespace govreport::parser

namespace govreport::parser {
namespace {

TEST(DigitSegmenter, GivesUpQuicklyOnRunsTooLongForTheCells) {
  std::u32string run(5000, U'7');
  EXPECT_TRUE(SegmentDigits(run, {GroupSpec{7, true, -1}}, 16).empty());
}

}  // namespace
}  // namespace govreport::parser
