#include "validator-svc/findings_format.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/validator/report_builder.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

std::vector<v1::Finding> Sample() {
  v1::Report r = testing::BalancedReport();
  testing::SetBlank(r, "t3.carry_out.total");
  testing::FindCell(r, "t3.carry_out.total")->mutable_location()->set_line(63);
  testing::FindCell(r, "t3.carry_out.total")
      ->mutable_location()
      ->set_column_begin(40);
  testing::FindCell(r, "t3.carry_out.total")
      ->mutable_location()
      ->set_column_end(41);
  return Validator().Validate(r);
}

TEST(FindingsFormat, JsonIsTheContractShape) {
  std::vector<v1::Finding> findings = Sample();
  nlohmann::ordered_json json = FileFindingsToJson("a.txt", findings);
  ASSERT_EQ(json["findings"].size(), 3u);
  const auto& first = json["findings"][0];
  EXPECT_EQ(first["rule"], "T3-ROW");
  EXPECT_EQ(first["severity"], "ERROR");
  EXPECT_EQ(first["cells"][0], "t3.new.total");
  EXPECT_EQ(first["expected"], 13);
  EXPECT_EQ(first["actual"], 12);
  EXPECT_EQ(json["file"], "a.txt");
  std::vector<std::string> keys;
  for (auto it = first.begin(); it != first.end(); ++it)
    keys.push_back(it.key());
  EXPECT_THAT(keys, ::testing::ElementsAre("rule", "severity", "cells",
                                           "message", "expected", "actual"));
  EXPECT_TRUE(json["findings"][2]["expected"]
                  .is_null());  // CELL-BLANK has no expected value
}

TEST(FindingsFormat, TextNamesSeverityRulePlaceCellsAndValues) {
  std::vector<v1::Finding> findings = Sample();
  std::string text = FindingsToText({findings[1]});
  EXPECT_EQ(text,
            "  ERROR T3-COL 第63行第40列: 第三张表“结转下年度”行：总计 "
            "空白(按0计) ≠ 六类申请人之和 1 件（自然人 1）\n"
            "    单元格: t3.carry_out.total, t3.carry_out.natural, "
            "t3.carry_out.commercial, "
            "t3.carry_out.research, t3.carry_out.social, "
            "t3.carry_out.legal_svc, t3.carry_out.other_org\n"
            "    应为 1，实为 0\n");
  EXPECT_TRUE(HasError(findings));
  EXPECT_FALSE(HasError({findings[2]}));
  EXPECT_EQ(FindingsToText({}), "");
}

TEST(FindingsFormat, LocationText) {
  v1::SourceLocation loc;
  EXPECT_EQ(LocationText(loc), "");
  loc.set_page(2);
  loc.set_table(3);
  loc.set_row(4);
  loc.set_column(2);
  EXPECT_EQ(LocationText(loc), "第2页 表3第4行第2列");
  v1::SourceLocation span;
  span.set_line(12);
  span.set_column_begin(3);
  span.set_column_end(6);
  EXPECT_EQ(LocationText(span), "第12行第3–5列");
}

}  // namespace
}  // namespace govreport::validator
