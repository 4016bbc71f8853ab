#include "validator-svc/rules/t4_sum.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {

void T4SumRule::Check(const RuleContext& ctx,
                      std::vector<v1::Finding>& out) const {
  if (!ctx.HasStandardTables() || !ctx.TablePresent(4)) return;
  const ReportCells& cells = ctx.cells();
  for (int group = 0; group < t4::kGroups; ++group) {
    // Sums first: the message is built only for a group that does not add up.
    bool checkable =
        cells.Kind(T4Index(group, t4::kTotalCol)) != CellKind::kUnknown;
    double sum = 0;
    for (int col = 0; col < t4::kTotalCol; ++col) {
      int i = T4Index(group, col);
      checkable &= cells.Kind(i) != CellKind::kUnknown;
      sum += cells.Value(i);
    }
    if (!checkable) continue;
    std::vector<int> idx = {T4Index(group, t4::kTotalCol)};
    double total = cells.Value(idx[0]);
    if (std::fabs(sum - total) < 1e-9) continue;
    std::string parts;
    for (int col = 0; col < t4::kTotalCol; ++col) {
      int i = T4Index(group, col);
      idx.push_back(i);
      absl::StrAppend(&parts, parts.empty() ? "" : " + ", T4ColumnName(col),
                      " ", FormatFigure(cells.Value(i)));
    }
    v1::Finding f =
        CellFinding(ctx, idx,
                    absl::StrCat("第四张表“", T4GroupName(group), "”：总计 ",
                                 CellFigure(cells, idx[0]), " ≠ ", parts, " = ",
                                 FormatFigure(sum), " 件"));
    f.set_expected(sum);
    f.set_actual(total);
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
