#include "validator-svc/rules/year_mismatch.h"

#include "absl/strings/str_cat.h"

namespace govreport::validator {

void YearMismatchRule::Check(const RuleContext& ctx,
                             std::vector<v1::Finding>& out) const {
  const v1::Report& report = ctx.report();
  if (!report.has_year() || !report.has_title_year() ||
      report.year() == report.title_year()) {
    return;
  }
  v1::Finding f;
  f.set_message(absl::StrCat("标题年份为 ", report.title_year(),
                             " 年，但报告的统计期为 ", report.year(),
                             " 年，二者不一致"));
  f.set_expected(report.year());
  f.set_actual(report.title_year());
  out.push_back(std::move(f));
}

}  // namespace govreport::validator
