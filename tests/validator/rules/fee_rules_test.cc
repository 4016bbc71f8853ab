// FEE-UNIT, FEE-NOTICE.

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

TEST(FeeUnit, YuanWrittenIntoTheWanYuanCellOfATownship) {
  v1::Report r = BalancedReport();
  testing::SetAmount(r, "t2.fees.amount_wan", 251000);
  std::vector<v1::Finding> f = Validator().Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("FEE-UNIT"));
  EXPECT_THAT(f[0].cells(), ElementsAre("t2.fees.amount_wan"));
  EXPECT_EQ(f[0].expected(), 10000);
  EXPECT_EQ(f[0].actual(), 251000);
  EXPECT_EQ(f[0].message(),
            "第二张表“行政事业性收费”本年收费金额为 251000 万元（即 25.1 "
            "亿元），超过此类单位的合理上限 "
            "10000 万元，疑似把以“元”计的金额填入了以“万元”计的单元格");
}

TEST(FeeUnit, LargeCityAmountsArePlausible) {
  v1::Report r = BalancedReport();
  r.set_agency_kind(v1::AGENCY_KIND_GOVERNMENT);
  r.set_agency("淮安市人民政府");
  testing::SetAmount(r, "t2.fees.amount_wan", 316441);
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
  testing::SetAmount(r, "t2.fees.amount_wan", 2.5e6);
  EXPECT_THAT(Rules(Validator().Validate(r)), ElementsAre("FEE-UNIT"));
  r.set_region_code("44");  // a province-wide report may reach 258.5 亿元
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

TEST(FeeUnit, ThresholdComesFromTheConfig) {
  v1::Report r = BalancedReport();
  ValidatorConfig config;
  config.thresholds["fee_unit_max_wan_township"] = 10;
  EXPECT_THAT(Rules(Validator(config).Validate(r)), ElementsAre("FEE-UNIT"));
}

v1::Report WithUnpaidFees(const std::string& section_six) {
  v1::Report r = BalancedReport();
  // Move the one 逾期不补正 case to 逾期未缴费.
  testing::SetCount(r, "t3.other.no_correction.natural", 0);
  testing::SetCount(r, "t3.other.no_correction.total", 0);
  testing::SetCount(r, "t3.other.unpaid_fee.natural", 1);
  testing::SetCount(r, "t3.other.unpaid_fee.total", 1);
  r.mutable_sections(5)->set_text(section_six);
  r.set_text(r.sections(0).text() + "\n六、其他需要报告的事项\n" + section_six);
  return r;
}

TEST(FeeNotice, UnpaidFeesWithoutAnyNotice) {
  std::vector<v1::Finding> f =
      Validator().Validate(WithUnpaidFees("实际收取信息处理费共计400元。"));
  ASSERT_THAT(Rules(f), ElementsAre("FEE-NOTICE"));
  EXPECT_THAT(f[0].cells(), ElementsAre("t3.other.unpaid_fee.total"));
  EXPECT_EQ(f[0].expected(), 1);
  EXPECT_FALSE(f[0].has_actual());
  EXPECT_EQ(f[0].message(),
            "第三张表“其他处理·逾期未缴费”总计为 1 "
            "件，但报告（第六部分）没有说明发出收费通知的件数和总金额");
}

TEST(FeeNotice, NegatedNoticesCountAsZero) {
  std::vector<v1::Finding> f =
      Validator().Validate(WithUnpaidFees("本年度未发出收费通知。"));
  ASSERT_THAT(Rules(f), ElementsAre("FEE-NOTICE"));
  EXPECT_EQ(f[0].actual(), 0);
}

TEST(FeeNotice, StatedNoticesInArabicOrChineseNumeralsSatisfyIt) {
  EXPECT_THAT(Validator().Validate(WithUnpaidFees(
                  "本年度发出收费通知2件，金额200元，实际收取100元。")),
              IsEmpty());
  EXPECT_THAT(Validator().Validate(WithUnpaidFees(
                  "全年共发出收费通知书两份，申请人均逾期未缴费。")),
              IsEmpty());
}

TEST(FeeNotice, NoUnpaidFeesNoFinding) {
  v1::Report r = BalancedReport();
  r.mutable_sections(5)->set_text("无。");
  EXPECT_THAT(Validator().Validate(r), IsEmpty());
}

}  // namespace
}  // namespace govreport::validator
