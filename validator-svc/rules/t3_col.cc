#include "validator-svc/rules/t3_col.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {

void T3ColRule::Check(const RuleContext& ctx,
                      std::vector<v1::Finding>& out) const {
  if (!ctx.HasStandardTables() || !ctx.TablePresent(3)) return;
  const ReportCells& cells = ctx.cells();
  for (int row = 0; row < t3::kRows; ++row) {
    std::vector<int> idx;
    bool checkable = true;
    for (int col = 0; col < t3::kCols; ++col) {
      idx.push_back(T3Index(row, col));
      checkable &= cells.Kind(idx.back()) != CellKind::kUnknown;
    }
    if (!checkable) continue;
    double sum = 0;
    std::string parts;
    for (int col = 0; col < t3::kTotalCol; ++col) {
      sum += cells.Value(idx[col]);
      if (cells.Value(idx[col]) != 0) {
        absl::StrAppend(&parts, parts.empty() ? "" : " + ", T3ColumnName(col),
                        " ", FormatFigure(cells.Value(idx[col])));
      }
    }
    double total = cells.Value(idx[t3::kTotalCol]);
    if (std::fabs(sum - total) < 1e-9) continue;
    // The total first: it is the cell the reviewer looks at.
    std::vector<int> ordered = {idx[t3::kTotalCol]};
    ordered.insert(ordered.end(), idx.begin(), idx.begin() + t3::kTotalCol);
    v1::Finding f = CellFinding(
        ctx, ordered,
        absl::StrCat("第三张表“", T3RowName(row), "”行：总计 ",
                     CellFigure(cells, idx[t3::kTotalCol]),
                     " ≠ 六类申请人之和 ", FormatFigure(sum), " 件",
                     parts.empty() ? "" : absl::StrCat("（", parts, "）")));
    f.set_expected(sum);
    f.set_actual(total);
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
