// SECTION-MISSING, TEMPLATE-OUTDATED, YEAR-MISMATCH, ZERO-REPORT,
// LABEL-MODIFIED.

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/validator/report_builder.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

using testing::BalancedReport;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::Rules;

TEST(SectionMissing, OneFindingPerAbsentSection) {
  v1::Report r = BalancedReport();
  r.mutable_sections()->erase(r.mutable_sections()->begin() + 4);  // 五
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("SECTION-MISSING"));
  EXPECT_EQ(f[0].message(),
            "报告缺少规定的第5部分“五、存在的主要问题及改进情况”（年度报告格式"
            "要求六个部分）");
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_WARNING);
}

TEST(TemplateOutdated, V2019TablesInA2023Report) {
  v1::Report r = BalancedReport();
  r.set_template_(v1::TEMPLATE_V2019);
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("TEMPLATE-OUTDATED"));
  EXPECT_EQ(f[0].actual(), 2023);
  EXPECT_EQ(f[0].message(),
            "2023 "
            "年度报告仍使用2019年试行格式（国办公开办函〔2019〕60号）的表格，应"
            "使用国办公开办函〔2021〕"
            "30号规定的格式");
}

TEST(TemplateOutdated, HybridIsOutdatedButV2019In2020IsNot) {
  v1::Report r = BalancedReport();
  r.set_template_(v1::TEMPLATE_HYBRID);
  EXPECT_THAT(Rules(Validator().Validate(r)), ElementsAre("TEMPLATE-OUTDATED"));
  r.set_template_(v1::TEMPLATE_V2019);
  r.set_year(2020);
  r.set_title_year(2020);
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

TEST(YearMismatch, TitleYearDiffersFromStatisticsYear) {
  v1::Report r = BalancedReport();
  r.set_title_year(2022);
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("YEAR-MISMATCH"));
  EXPECT_EQ(f[0].expected(), 2023);
  EXPECT_EQ(f[0].actual(), 2022);
  EXPECT_EQ(f[0].message(),
            "标题年份为 2022 年，但报告的统计期为 2023 年，二者不一致");
  r.clear_title_year();
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

TEST(ZeroReport, AllZeroTablesAreInformational) {
  std::vector<v1::Finding> f = Validator().Validate(testing::ZeroReport());
  ASSERT_THAT(Rules(f), ElementsAre("ZERO-REPORT"));
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_INFO);
}

TEST(ZeroReport, OneNonZeroOrUnreadableCellIsEnough) {
  v1::Report r = testing::ZeroReport();
  testing::SetAmbiguous(r, "t4.review.total");
  EXPECT_THAT(Rules(Validator().Validate(r)), IsEmpty());
  EXPECT_THAT(Validator().Validate(BalancedReport()), IsEmpty());
}

TEST(ZeroReport, AllBlankTablesAreNotZero) {
  v1::Report r = testing::ZeroReport();
  for (v1::Cell& cell : *r.mutable_cells()) {
    if (cell.key().rfind("t2.", 0) != 0) {
      cell.clear_value();
      cell.set_state(v1::CELL_STATE_BLANK);
    }
  }
  EXPECT_THAT(Rules(Validator().Validate(r)),
              ElementsAre("CELL-BLANK", "CELL-BLANK"));
}

TEST(LabelModified, ReportsWordingChangesOnly) {
  v1::Report r = BalancedReport();
  v1::LabelDeviation* punct = r.add_label_deviations();
  punct->set_table(3);
  punct->set_expected(
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
  punct->set_found(
      "1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请");
  v1::LabelDeviation* spacing = r.add_label_deviations();
  spacing->set_table(3);
  spacing->set_expected("3.危及“三安全一稳定”");
  spacing->set_found("3. 危及\"三安全一稳定\"");
  v1::LabelDeviation* typo = r.add_label_deviations();
  typo->set_table(2);
  typo->set_expected("本年废止件数");
  typo->set_found("本年度止件数");
  typo->mutable_location()->set_line(31);
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("LABEL-MODIFIED"));
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_INFO);
  EXPECT_EQ(f[0].location().line(), 31u);
  EXPECT_EQ(f[0].message(),
            "第二张表标签“本年度止件数”与模板“本年废止件数”不一致（不只是空格或"
            "标点的差别）");
}

TEST(Validator, NotAnAnnualReportGetsNoFindings) {
  v1::Report r = BalancedReport();
  r.set_is_annual_report(false);
  r.clear_sections();
  testing::SetCount(r, "t3.new.total", 99);
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

TEST(Validator, EmptyReportDoesNotCrash) {
  v1::Report r;
  r.set_is_annual_report(true);
  std::vector<v1::Finding> f = Validator().Validate(r);
  // Every table and section is missing; nothing else can be said.
  EXPECT_THAT(
      Rules(f),
      ElementsAre("TABLE-MISSING", "TABLE-MISSING", "TABLE-MISSING",
                  "SECTION-MISSING", "SECTION-MISSING", "SECTION-MISSING",
                  "SECTION-MISSING", "SECTION-MISSING", "SECTION-MISSING"));
}

}  // namespace
}  // namespace govreport::validator
