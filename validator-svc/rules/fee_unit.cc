#include "validator-svc/rules/fee_unit.h"

#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {

void FeeUnitRule::Check(const RuleContext& ctx,
                        std::vector<v1::Finding>& out) const {
  const ReportCells& cells = ctx.cells();
  if (cells.Kind(kFeesAmountWan) != CellKind::kValue) return;
  const v1::Report& report = ctx.report();
  double limit =
      ctx.Threshold("fee_unit_max_wan", DefaultThreshold("fee_unit_max_wan"));
  if (report.agency_kind() == v1::AGENCY_KIND_TOWNSHIP) {
    limit = ctx.Threshold("fee_unit_max_wan_township",
                          DefaultThreshold("fee_unit_max_wan_township"));
  } else if (report.agency_kind() == v1::AGENCY_KIND_GOVERNMENT &&
             report.region_code().size() == 2) {
    limit = ctx.Threshold("fee_unit_max_wan_province",
                          DefaultThreshold("fee_unit_max_wan_province"));
  }
  double wan = cells.Value(kFeesAmountWan);
  if (wan <= limit) return;
  v1::Finding f = CellFinding(
      ctx, {kFeesAmountWan},
      absl::StrCat("第二张表“行政事业性收费”本年收费金额为 ", FormatFigure(wan),
                   " 万元（即 ", FormatFigure(wan / 10000),
                   " 亿元），超过此类单位的合理上限 ", FormatFigure(limit),
                   " 万元，疑似把以“元”计的金额填入了以“万元”计的单元格"));
  f.set_expected(limit);
  f.set_actual(wan);
  out.push_back(std::move(f));
}

}  // namespace govreport::validator
