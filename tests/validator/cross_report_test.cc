#include "validator-svc/cross_report.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/validator/report_builder.h"

namespace govreport::validator {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

v1::Report PreviousYear() {
  v1::Report r = testing::BalancedReport();
  r.set_id("previous");
  r.set_year(2022);
  r.set_title_year(2022);
  testing::SetCount(r, "t2.normative.in_force", 18);
  testing::SetCount(r, "t2.rules.in_force", 4);
  return r;
}

TEST(CarryContinuity, CarriedInMatchesLastYearsCarryOut) {
  // Balanced: carried_in 1 (natural 1); previous carry_out 1 (natural 1).
  EXPECT_THAT(CheckCarryContinuity(testing::BalancedReport(), PreviousYear()),
              IsEmpty());
}

TEST(CarryContinuity, ReportsEachColumnThatDoesNotContinue) {
  v1::Report previous = PreviousYear();
  testing::SetCount(previous, "t3.carry_out.natural", 3);
  testing::SetCount(previous, "t3.carry_out.total", 3);
  std::vector<v1::Finding> f =
      CheckCarryContinuity(testing::BalancedReport(), previous);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].rule(), "CARRY-CONTINUITY");
  EXPECT_EQ(f[1].severity(), v1::SEVERITY_WARNING);
  EXPECT_THAT(f[1].cells(), ElementsAre("t3.carried_in.total"));
  EXPECT_EQ(f[1].expected(), 3);
  EXPECT_EQ(f[1].actual(), 1);
  EXPECT_EQ(f[1].other_report_id(), "previous");
  EXPECT_EQ(f[1].message(),
            "第三张表“总计”列：本年“上年结转” 1 件，但2022 "
            "年度报告的“结转下年度继续办理”为 3 件，前后两年不衔接");
}

TEST(CarryContinuity, OnlyConsecutiveYearsAndEnabledRule) {
  v1::Report previous = PreviousYear();
  testing::SetCount(previous, "t3.carry_out.total", 3);
  previous.set_year(2020);
  EXPECT_THAT(CheckCarryContinuity(testing::BalancedReport(), previous),
              IsEmpty());
  previous.set_year(2022);
  ValidatorConfig config;
  config.disabled.insert("CARRY-CONTINUITY");
  EXPECT_THAT(CheckCarryContinuity(testing::BalancedReport(), previous, config),
              IsEmpty());
}

TEST(StockContinuity, InForceFollowsIssuedAndRepealed) {
  // normative: 18 + 3 − 1 = 20; rules: 4 + 1 − 0 = 5.
  EXPECT_THAT(CheckStockContinuity(testing::BalancedReport(), PreviousYear()),
              IsEmpty());
  v1::Report previous = PreviousYear();
  testing::SetCount(previous, "t2.normative.in_force", 25);
  std::vector<v1::Finding> f =
      CheckStockContinuity(testing::BalancedReport(), previous);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule(), "STOCK-CONTINUITY");
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_INFO);
  EXPECT_THAT(f[0].cells(),
              ElementsAre("t2.normative.in_force", "t2.normative.issued",
                          "t2.normative.repealed"));
  EXPECT_EQ(f[0].expected(), 27);
  EXPECT_EQ(f[0].actual(), 20);
  ValidatorConfig tolerant;
  tolerant.thresholds["stock_continuity_tolerance"] = 10;
  EXPECT_THAT(
      CheckStockContinuity(testing::BalancedReport(), previous, tolerant),
      IsEmpty());
}

std::string Prose(const std::string& agency, int variant) {
  std::string text = agency + "坚持以人民为中心的发展思想，";
  const char* topics[] = {
      "深入推进决策公开和执行公开", "加强政策解读和回应关切",
      "规范依申请公开办理流程",     "完善政府网站和政务新媒体",
      "强化监督考核和培训",         "推进基层政务公开标准化规范化",
      "做好重点领域信息公开",       "健全保密审查机制"};
  for (int i = 0; i < 8; ++i) {
    text += topics[(i + variant) % 8];
    text += variant == 0 ? "，取得了明显成效。" : "，工作有了新的进展和提高。";
    text += "围绕中心工作和群众关切，持续优化公开内容与形式，第" +
            std::to_string(i) + "项工作落实到位。";
  }
  return text;
}

TextFingerprint Fingerprint(const std::string& id, const std::string& agency,
                            int year, const std::string& text) {
  TextFingerprint fp = FingerprintText(text);
  fp.report_id = id;
  fp.agency = agency;
  fp.year = year;
  return fp;
}

TEST(TextReuse, CopiedPreviousYearAndCopiedOtherAgencyAreFound) {
  TextFingerprint current =
      Fingerprint("c", "甲街道办事处", 2023, Prose("我街道", 0));
  std::vector<TextFingerprint> others = {
      Fingerprint("p", "甲街道办事处", 2022, Prose("我街道", 0)),
      Fingerprint("o", "乙街道办事处", 2023,
                  Prose("我街道", 0) + "另有补充说明若干。"),
      Fingerprint("d", "丙镇人民政府", 2023, Prose("本镇", 3)),
  };
  ASSERT_GE(current.shingle_count, 150u);
  ValidatorConfig config;
  config.thresholds["text_reuse_min_shingles"] = 150;
  std::vector<v1::Finding> f = CheckTextReuse(current, others, config);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].rule(), "TEXT-REUSE");
  EXPECT_EQ(f[0].other_report_id(), "p");
  EXPECT_EQ(f[0].actual(), 1);
  EXPECT_EQ(f[0].message(),
            "本报告正文约 100% 与本单位上年报告“甲街道办事处 2022 "
            "年度”相同，疑似照搬");
  EXPECT_EQ(f[1].other_report_id(), "o");
  EXPECT_GE(f[1].actual(), 0.8);
}

TEST(TextReuse, DifferentProseAndTheReportItselfAreNotReuse) {
  TextFingerprint current =
      Fingerprint("c", "甲街道办事处", 2023, Prose("我街道", 0));
  std::vector<TextFingerprint> others = {
      Fingerprint("c", "甲街道办事处", 2023, Prose("我街道", 0)),
      Fingerprint("x", "丙镇人民政府", 2023, Prose("本镇", 3)),
      Fingerprint("old", "甲街道办事处", 2019, Prose("我街道", 0)),
  };
  EXPECT_LT(EstimatedContainment(current, others[1]), 0.8);
  ValidatorConfig config;
  config.thresholds["text_reuse_min_shingles"] = 150;
  EXPECT_THAT(CheckTextReuse(current, others, config), IsEmpty());
}

TEST(TextReuse, TemplateWordingAndFiguresDoNotMakeReportsSimilar) {
  v1::Report a = testing::BalancedReport();
  v1::Report b = testing::ZeroReport();
  TextFingerprint fa = FingerprintReport(a);
  TextFingerprint fb = FingerprintReport(b);
  EXPECT_EQ(fa.report_id, "balanced");
  EXPECT_EQ(fa.year, 2023);
  // Both are short: below the minimum, so never compared.
  EXPECT_THAT(CheckTextReuse(fa, {fb}), IsEmpty());
  EXPECT_EQ(
      FingerprintText("一、总体情况二、主动公开政府信息情况2023").shingle_count,
      0u);
}

}  // namespace
}  // namespace govreport::validator
