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
    // Sums first: the message is built only for a row that does not add up.
    bool checkable = true;
    double sum = 0;
    for (int col = 0; col < t3::kCols; ++col) {
      checkable &= cells.Kind(T3Index(row, col)) != CellKind::kUnknown;
      if (col < t3::kTotalCol) sum += cells.Value(T3Index(row, col));
    }
    if (!checkable) continue;
    const int total_index = T3Index(row, t3::kTotalCol);
    double total = cells.Value(total_index);
    if (std::fabs(sum - total) < 1e-9) continue;
    std::string parts;
    // The total first: it is the cell the reviewer looks at.
    std::vector<int> ordered = {total_index};
    for (int col = 0; col < t3::kTotalCol; ++col) {
      const int i = T3Index(row, col);
      ordered.push_back(i);
      if (cells.Value(i) != 0) {
        absl::StrAppend(&parts, parts.empty() ? "" : " + ", T3ColumnName(col),
                        " ", FormatFigure(cells.Value(i)));
      }
    }
    v1::Finding f = CellFinding(
        ctx, ordered,
        absl::StrCat("第三张表“", T3RowName(row), "”行：总计 ",
                     CellFigure(cells, total_index), " ≠ 六类申请人之和 ",
                     FormatFigure(sum), " 件",
                     parts.empty() ? "" : absl::StrCat("（", parts, "）")));
    f.set_expected(sum);
    f.set_actual(total);
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
