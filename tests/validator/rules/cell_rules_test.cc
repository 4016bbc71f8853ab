// CELL-INVALID, CELL-BLANK, TABLE-MISSING.

#include "common/report/cell_keys.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/validator/report_builder.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

using testing::BalancedReport;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::Only;
using testing::Rules;

TEST(CellInvalid, ReportsTextWhereANumberBelongsAndSkipsItsIdentities) {
  v1::Report r = BalancedReport();
  testing::SetInvalid(r, "t3.granted.natural", "若干");
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("CELL-INVALID"));
  EXPECT_EQ(f[0].cells(0), "t3.granted.natural");
  EXPECT_FALSE(f[0].has_actual());
  EXPECT_EQ(
      f[0].message(),
      "第三张表“予以公开”行“自然人”列应填非负整数，实际填写“若干”不是数字");
}

TEST(CellInvalid, ReportsNegativeAndFractionalCounts) {
  v1::Report r = BalancedReport();
  v1::Cell* negative = testing::FindCell(r, "t4.review.upheld");
  negative->clear_value();
  negative->set_raw("-1");
  negative->set_state(v1::CELL_STATE_INVALID);
  negative->set_invalid_number(-1);
  testing::SetAmount(r, "t2.penalty.decisions", 2.5);
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("CELL-INVALID", "CELL-INVALID"));
  EXPECT_EQ(f[0].cells(0), "t2.penalty.decisions");
  EXPECT_EQ(f[0].actual(), 2.5);
  EXPECT_EQ(f[1].cells(0), "t4.review.upheld");
  EXPECT_EQ(f[1].actual(), -1);
  EXPECT_THAT(f[1].message(), ::testing::EndsWith("为负数"));
}

TEST(CellInvalid, AcceptsDecimalFeesAndNegativeV2019Deltas) {
  v1::Report r = BalancedReport();
  testing::SetAmount(r, "t2.fees.amount_wan", 5949.088667);
  testing::SetCount(r, "t2v19.penalty.delta", -4);
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

TEST(CellBlank, OneFindingPerTableListingItsBlanks) {
  v1::Report r = BalancedReport();
  testing::SetBlank(r, "t2.rules.repealed");
  testing::SetBlank(r, "t3.deny.state_secret.research");
  testing::SetBlank(r, "t3.noproc.repeat.social");
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("CELL-BLANK", "CELL-BLANK"));
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_WARNING);
  EXPECT_THAT(f[0].cells(), ElementsAre("t2.rules.repealed"));
  EXPECT_THAT(f[1].cells(), ElementsAre("t3.deny.state_secret.research",
                                        "t3.noproc.repeat.social"));
  EXPECT_EQ(f[1].actual(), 2);
  EXPECT_EQ(f[1].message(),
            "第三张表有 2 "
            "个应填数字的单元格为空白或“/"
            "”（按缺失计，勾稽核对时按0计）：第三张表“不予公开·"
            "属于国家秘密”行“科研机构”列、第三张表“不予处理·重复申请”行“社会公"
            "益组织”列");
}

TEST(CellBlank, AbsentAndAmbiguousCellsAreNotBlanks) {
  v1::Report r = BalancedReport();
  r.set_template_(v1::TEMPLATE_V2019);
  r.set_year(2019);
  r.set_title_year(2019);
  for (const char* key :
       {"t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force"}) {
    testing::SetAbsent(r, key);
  }
  testing::SetAmbiguous(r, "t2.licensing.decisions");
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

TEST(TableMissing, HeadingWithoutCells) {
  v1::Report r = BalancedReport();
  for (int i = 185; i < 200; ++i) testing::SetAbsent(r, V2021CellKeys()[i]);
  r.mutable_tables(2)->set_cells_found(false);
  std::vector<v1::Finding> f = Validator().Validate(r);
  // The narrative's 行政复议 2 件 can no longer be compared: no other finding.
  ASSERT_THAT(Rules(f), ElementsAre("TABLE-MISSING"));
  EXPECT_EQ(
      f[0].message(),
      "第四张表（政府信息公开行政复议、行政诉讼情况）：有标题但没有表格数据");
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_ERROR);
}

TEST(TableMissing, AbsentTableAndNoHeading) {
  v1::Report r = BalancedReport();
  for (int i = 0; i < 10; ++i) testing::SetAbsent(r, V2021CellKeys()[i]);
  r.clear_tables();
  r.mutable_sections(1)->set_ordinal(7);  // no section 二 either
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("TABLE-MISSING", "SECTION-MISSING"));
  EXPECT_EQ(f[0].message(), "报告缺少第二张表（主动公开政府信息情况）");
}

TEST(TableMissing, NotReportedForPreNineteenReports) {
  v1::Report r = BalancedReport();
  r.set_template_(v1::TEMPLATE_E2008);
  r.set_year(2012);
  r.set_title_year(2012);
  for (const std::string& key : V2021CellKeys()) testing::SetAbsent(r, key);
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

}  // namespace
}  // namespace govreport::validator

namespace govreport::validator {
namespace {

TEST(CellInvalid, MessagesStayValidUtf8WhateverTheRawText) {
  v1::Report r = testing::BalancedReport();
  testing::SetInvalid(r, "t3.granted.natural",
                      std::string("\xE4\xB8", 2) + "x\xFF");
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message(), std::string("第三张表“予以公开”行“自然人”列应填非负整数，实际填写“") +
                                "\xEF\xBF\xBD\xEF\xBF\xBDx\xEF\xBF\xBD" + "”不是数字");
}

}  // namespace
}  // namespace govreport::validator
