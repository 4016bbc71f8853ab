#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/validator/report_builder.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::Rules;

v1::Report WithNarrative(v1::Report r, const std::string& prose) {
  r.mutable_sections(0)->set_text(prose);
  r.set_text(r.title() + "\n一、总体情况\n" + prose);
  return r;
}

TEST(NarrativeMismatch, AgreeingNarrativePasses) {
  EXPECT_THAT(Validator().Validate(testing::BalancedReport()), IsEmpty());
  EXPECT_THAT(Validator().Validate(
                  WithNarrative(testing::BalancedReport(),
                                "本年度收到政府信息公开申请十二件，予以公开五件"
                                "，部分公开两件，上年结转一件。")),
              IsEmpty());
}

TEST(NarrativeMismatch, StatedApplicationsContradictTheTable) {
  v1::Report r = WithNarrative(
      testing::BalancedReport(),
      "2023年，本街道共受理政府信息公开申请 17 件，均已按期答复。");
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("NARRATIVE-MISMATCH"));
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_WARNING);
  EXPECT_THAT(f[0].cells(), ElementsAre("t3.new.total"));
  EXPECT_EQ(f[0].expected(), 12);
  EXPECT_EQ(f[0].actual(), 17);
  EXPECT_EQ(f[0].location().line(), 3u);
  EXPECT_EQ(f[0].message(),
            "正文称“本街道共受理政府信息公开申请17件”（收到政府信息公开申请 17 "
            "件），但第三张表“本年新收”总计为 "
            "12 件");
}

TEST(NarrativeMismatch, ChineseNumeralsAreRead) {
  std::vector<v1::Finding> f = Validator().Validate(WithNarrative(
      testing::BalancedReport(), "全年予以公开一百零五件，行政复议两件。"));
  ASSERT_THAT(Rules(f), ElementsAre("NARRATIVE-MISMATCH"));
  EXPECT_THAT(f[0].cells(), ElementsAre("t3.granted.total"));
  EXPECT_EQ(f[0].actual(), 105);
}

TEST(NarrativeMismatch, NegationContradictsNonZeroTable) {
  std::vector<v1::Finding> f = Validator().Validate(WithNarrative(
      testing::BalancedReport(),
      "本年度我街道未收到政府信息公开申请，无行政复议和行政诉讼案件。"));
  ASSERT_THAT(Rules(f), ElementsAre("NARRATIVE-MISMATCH", "NARRATIVE-MISMATCH",
                                    "NARRATIVE-MISMATCH"));
  EXPECT_THAT(f[0].cells(), ElementsAre("t3.new.total"));
  EXPECT_EQ(f[0].actual(), 0);
  EXPECT_EQ(f[0].expected(), 12);
  EXPECT_THAT(f[1].cells(), ElementsAre("t4.review.total"));
  EXPECT_THAT(f[2].cells(),
              ElementsAre("t4.lit_direct.total", "t4.lit_after_review.total"));
}

TEST(NarrativeMismatch, NegationAgreesWithZeroTables) {
  EXPECT_THAT(Rules(Validator().Validate(testing::ZeroReport())),
              ElementsAre("ZERO-REPORT"));
}

TEST(NarrativeMismatch, StatedTotalWhosePartsDoNotAddUp) {
  std::vector<v1::Finding> f = Validator().Validate(
      WithNarrative(testing::BalancedReport(),
                    "本年主动公开各类政府信息 94 条。其中，涉街道工作动态 45 "
                    "条，涉民生热点信息 15 "
                    "条，涉政务服务事项 40 条。"));
  ASSERT_THAT(Rules(f), ElementsAre("NARRATIVE-MISMATCH"));
  EXPECT_EQ(f[0].expected(), 94);
  EXPECT_EQ(f[0].actual(), 100);
  EXPECT_EQ(f[0].message(),
            "正文称“本年主动公开各类政府信息94条”，但随后列出的分项 45 + 15 + "
            "40 = 100 条，与所述总数 94 条不符");
  EXPECT_THAT(
      Validator().Validate(WithNarrative(testing::BalancedReport(),
                                         "主动公开政府信息九十条。其中，工作动"
                                         "态四十五条，民生信息四十五条。")),
      IsEmpty());
}

TEST(NarrativeMismatch, BlankOrAmbiguousCellsAreNotCompared) {
  v1::Report r =
      WithNarrative(testing::BalancedReport(), "收到政府信息公开申请 40 件。");
  testing::SetAmbiguous(r, "t3.new.total");
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

TEST(NarrativeMismatch, FeeCollectedWhileNoNoticesWereSent) {
  std::vector<v1::Finding> f = Validator().Validate(
      WithNarrative(testing::BalancedReport(),
                    "本年度未发出收费通知，实际收取信息处理费300元。"));
  ASSERT_THAT(Rules(f), ElementsAre("NARRATIVE-MISMATCH"));
  EXPECT_EQ(f[0].actual(), 300);
}

TEST(NarrativeMismatch, CanBeDisabledOrRaised) {
  v1::Report r = WithNarrative(testing::BalancedReport(), "共收到申请 40 件。");
  ValidatorConfig disabled;
  disabled.disabled.insert("NARRATIVE-MISMATCH");
  EXPECT_THAT(Validator(disabled).Validate(r), IsEmpty());
  ValidatorConfig raised;
  raised.severities["NARRATIVE-MISMATCH"] = v1::SEVERITY_ERROR;
  std::vector<v1::Finding> f = Validator(raised).Validate(r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_ERROR);
}

}  // namespace
}  // namespace govreport::validator
