#include "validator-svc/rules/zero_report.h"

namespace govreport::validator {

void ZeroReportRule::Check(const RuleContext& ctx,
                           std::vector<v1::Finding>& out) const {
  const ReportCells& cells = ctx.cells();
  int values = 0;
  for (int i = kT3Begin; i < kV2021Cells; ++i) {
    switch (cells.Kind(i)) {
      case CellKind::kUnknown:
        return;
      case CellKind::kValue:
        if (cells.Value(i) != 0) return;
        ++values;
        break;
      default:
        break;
    }
  }
  if (values == 0) return;
  v1::Finding f;
  f.set_message(
      "第三、四张表全部为0：本年度没有政府信息公开申请，也没有相关行政复议、行"
      "政诉讼（信息性提示）");
  f.set_actual(0);
  out.push_back(std::move(f));
}

}  // namespace govreport::validator
