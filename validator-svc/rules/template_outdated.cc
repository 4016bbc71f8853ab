#include "validator-svc/rules/template_outdated.h"

#include "absl/strings/str_cat.h"

namespace govreport::validator {

void TemplateOutdatedRule::Check(const RuleContext& ctx,
                                 std::vector<v1::Finding>& out) const {
  const v1::Report& report = ctx.report();
  if (!report.has_year() || report.year() < 2021) return;
  const char* what = nullptr;
  switch (report.template_()) {
    case v1::TEMPLATE_V2019:
      what = "仍使用2019年试行格式（国办公开办函〔2019〕60号）的表格";
      break;
    case v1::TEMPLATE_HYBRID:
      what =
          "的表格混用了2019年试行格式与2021年格式（如第三张表“（六）其他处理”只"
          "有一行）";
      break;
    case v1::TEMPLATE_E2014:
    case v1::TEMPLATE_E2008:
      what = "仍使用2019年以前的统计表，没有规定的三张表";
      break;
    default:
      return;
  }
  v1::Finding f;
  f.set_message(absl::StrCat(report.year(), " 年度报告", what,
                             "，应使用国办公开办函〔2021〕30号规定的格式"));
  f.set_expected(2021);
  f.set_actual(report.year());
  out.push_back(std::move(f));
}

}  // namespace govreport::validator
