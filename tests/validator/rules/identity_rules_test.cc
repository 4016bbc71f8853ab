// T3-ROW, T3-COL, T3-SUM, T4-SUM.

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
using testing::SetAmbiguous;
using testing::SetBlank;
using testing::SetCount;

TEST(IdentityRules, BalancedReportPassesEveryIdentity) {
  EXPECT_THAT(Validator().Validate(BalancedReport()), IsEmpty());
}

TEST(T3Row, ReportsTheColumnWhoseInflowAndOutcomeDiffer) {
  v1::Report r = BalancedReport();
  // total column: new 12 + carried 1 ≠ done 11 + carry_out 1; keep T3-COL
  // and T3-SUM of the total column balanced by moving one natural case.
  SetCount(r, "t3.total_done.total", 11);
  SetCount(r, "t3.total_done.natural", 9);
  SetCount(r, "t3.granted.natural", 3);
  SetCount(r, "t3.granted.total", 4);
  std::vector<v1::Finding> f = Validator().Validate(r);
  // The natural column breaks T3-ROW too (10 + 1 ≠ 9 + 1).
  std::vector<v1::Finding> rows = Only(f, "T3-ROW");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].cells(0), "t3.new.natural");
  EXPECT_EQ(rows[1].cells(0), "t3.new.total");
  EXPECT_EQ(rows[1].severity(), v1::SEVERITY_ERROR);
  EXPECT_EQ(rows[1].expected(), 13);
  EXPECT_EQ(rows[1].actual(), 12);
  EXPECT_EQ(rows[1].message(),
            "第三张表“总计”列：本年新收 12 件 + 上年结转 1 件 ≠ 办理结果总计 "
            "11 件 + 结转下年度 1 "
            "件（模板勾稽关系：第一项加第二项之和应等于第三项加第四项之和）");
  EXPECT_EQ(rows[1].location().line(),
            testing::FindCell(r, "t3.new.total")->location().line());
}

TEST(T3Row, BlankCountsAsZeroAndIsNamedBlank) {
  v1::Report r = BalancedReport();
  SetBlank(r, "t3.carry_out.total");
  std::vector<v1::Finding> f = Validator().Validate(r);
  std::vector<v1::Finding> rows = Only(f, "T3-ROW");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].actual(), 12);
  EXPECT_THAT(rows[0].message(),
              ::testing::HasSubstr("结转下年度 空白(按0计)"));
  EXPECT_EQ(Only(f, "CELL-BLANK").size(), 1u);
  EXPECT_EQ(Only(f, "T3-COL").size(), 1u);  // carry_out row: blank total ≠ 1
}

TEST(T3Row, AmbiguousCellMakesTheColumnUncheckable) {
  v1::Report r = BalancedReport();
  SetAmbiguous(r, "t3.new.total");
  SetCount(r, "t3.carried_in.total",
           7);  // would break T3-ROW if the column were checked
  SetCount(r, "t3.carried_in.other_org", 6);
  SetCount(r, "t3.new.other_org", 0);
  std::vector<v1::Finding> f = Validator().Validate(r);
  for (const v1::Finding& finding : Only(f, "T3-ROW")) {
    EXPECT_NE(finding.cells(0), "t3.new.total");
  }
  EXPECT_THAT(Only(f, "CELL-BLANK"), IsEmpty());
}

TEST(T3Col, ReportsTheRowWhoseTotalIsNotTheSumOfApplicants) {
  v1::Report r = BalancedReport();
  SetCount(r, "t3.unable.not_held.total", 4);
  SetCount(r, "t3.total_done.total", 13);
  SetCount(r, "t3.carry_out.total", 0);
  std::vector<v1::Finding> f = Validator().Validate(r);
  std::vector<v1::Finding> cols = Only(f, "T3-COL");
  ASSERT_EQ(cols.size(), 3u);  // not_held, total_done and carry_out rows
  EXPECT_EQ(cols[0].cells(0), "t3.unable.not_held.total");
  EXPECT_EQ(cols[0].expected(), 3);
  EXPECT_EQ(cols[0].actual(), 4);
  EXPECT_EQ(cols[0].message(),
            "第三张表“无法提供·本机关不掌握相关政府信息”行：总计 4 件 ≠ "
            "六类申请人之和 3 件（自然人 3）");
  EXPECT_THAT(Only(f, "T3-ROW"), IsEmpty());
  EXPECT_THAT(Only(f, "T3-SUM"), IsEmpty());
}

TEST(T3Sum, ReportsTheColumnWhoseOutcomesDoNotAddUp) {
  v1::Report r = BalancedReport();
  SetCount(r, "t3.noproc.repeat.natural", 2);
  SetCount(r, "t3.noproc.repeat.total", 2);
  std::vector<v1::Finding> f = Validator().Validate(r);
  EXPECT_THAT(Rules(f), ElementsAre("T3-SUM", "T3-SUM"));
  EXPECT_EQ(f[0].cells(0), "t3.total_done.natural");
  EXPECT_EQ(f[0].expected(), 12);
  EXPECT_EQ(f[0].actual(), 10);
  EXPECT_EQ(f[1].message(),
            "第三张表“总计”列：（七）总计 12 件 ≠ 各项办理结果之和 14 "
            "件（予以公开 5 + 部分公开 2 + "
            "不予公开 1 + 无法提供 3 + 不予处理 2 + 其他处理 1）");
  EXPECT_EQ(f[1].cells_size(), 22);
}

TEST(T4Sum, ReportsTheGroupWhoseTotalIsWrong) {
  v1::Report r = BalancedReport();
  SetCount(r, "t4.lit_after_review.total", 3);
  std::vector<v1::Finding> f = Validator().Validate(r);
  // The narrative's 提起行政诉讼1件 now contradicts 1 + 3 as well.
  ASSERT_THAT(Rules(f), ElementsAre("T4-SUM", "NARRATIVE-MISMATCH"));
  EXPECT_EQ(f[0].cells(0), "t4.lit_after_review.total");
  EXPECT_EQ(f[0].expected(), 0);
  EXPECT_EQ(f[0].actual(), 3);
  EXPECT_EQ(f[0].message(),
            "第四张表“行政诉讼（复议后起诉）”：总计 3 件 ≠ 结果维持 0 + "
            "结果纠正 0 + 其他结果 0 + "
            "尚未审结 0 = 0 件");
}

TEST(IdentityRules, PreNineteenTemplatesAreNotChecked) {
  v1::Report r = BalancedReport();
  r.set_template_(v1::TEMPLATE_E2014);
  r.set_year(2016);
  r.set_title_year(2016);
  SetCount(r, "t3.granted.natural",
           9);  // breaks T3-COL and T3-SUM of a V2021 table
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

}  // namespace
}  // namespace govreport::validator
