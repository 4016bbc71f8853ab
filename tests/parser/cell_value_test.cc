#include "parser-svc/tables/cell_value.h"

#include "common/text/normalize.h"
#include "gtest/gtest.h"

namespace govreport::parser {
namespace {

CellValue Read(const char* utf8) {
  return ParseCellValue(text::FoldText(utf8));
}

v1::Cell Cell(const char* key, const char* utf8) {
  v1::Cell c;
  c.set_key(key);
  SetCellValue(Read(utf8), &c);
  return c;
}

TEST(CellValue, ReadsNumbersWithUnitsSeparatorsAndNotes) {
  EXPECT_EQ(Read("3件").number, 3);
  EXPECT_EQ(Read("1,234").number, 1234);
  CellValue note = Read("22（其中修订16件）");
  EXPECT_EQ(note.kind, ValueKind::kNumber);
  EXPECT_EQ(note.number, 22);
  EXPECT_EQ(Read("１２").number, 12);  // full-width digits
  EXPECT_DOUBLE_EQ(Read("5949.088667").number, 5949.088667);
  EXPECT_EQ(Read("减4").number, -4);
}

TEST(CellValue, BlankMarkersAreBlankNeverZero) {
  for (const char* s : {"", " ", "—", "/", "无", "-", "——", "－"}) {
    EXPECT_EQ(Read(s).kind, ValueKind::kBlank) << s;
    EXPECT_EQ(Cell("t3.new.total", s).state(), v1::CELL_STATE_BLANK) << s;
    EXPECT_FALSE(Cell("t3.new.total", s).has_count()) << s;
  }
}

TEST(CellValue, LabelsAreText) {
  EXPECT_EQ(Read("1. 属于国家秘密").kind, ValueKind::kText);
  EXPECT_EQ(Read("2024 年").kind, ValueKind::kText);
  EXPECT_EQ(Read("- 3 -").kind, ValueKind::kText);
}

TEST(CellValue, DigitsSeparatedBySpacesAreARun) {
  EXPECT_EQ(Read("0 0 0 0 0 00").kind, ValueKind::kDigitRun);
}

TEST(CellValue, CountsMustBeNonNegativeIntegers) {
  v1::Cell fraction = Cell("t3.new.total", "2.5");
  EXPECT_EQ(fraction.state(), v1::CELL_STATE_INVALID);
  EXPECT_EQ(fraction.invalid_number(), 2.5);
  EXPECT_EQ(Cell("t3.new.total", "-3").state(), v1::CELL_STATE_INVALID);
  EXPECT_EQ(Cell("t2v19.licensing.delta", "-3").count(), -3);
  EXPECT_DOUBLE_EQ(Cell("t2.fees.amount_wan", "0.35").amount(), 0.35);
}

}  // namespace
}  // namespace govreport::parser
