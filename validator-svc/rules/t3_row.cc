#include "validator-svc/rules/t3_row.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {

void T3RowRule::Check(const RuleContext& ctx,
                      std::vector<v1::Finding>& out) const {
  if (!ctx.HasStandardTables() || !ctx.TablePresent(3)) return;
  const ReportCells& cells = ctx.cells();
  for (int col = 0; col < t3::kCols; ++col) {
    const std::vector<int> idx = {
        T3Index(t3::kNew, col), T3Index(t3::kCarriedIn, col),
        T3Index(t3::kTotalDone, col), T3Index(t3::kCarryOut, col)};
    bool checkable = true;
    for (int i : idx) checkable &= cells.Kind(i) != CellKind::kUnknown;
    if (!checkable) continue;
    double in = cells.Value(idx[0]) + cells.Value(idx[1]);
    double done = cells.Value(idx[2]) + cells.Value(idx[3]);
    if (std::fabs(in - done) < 1e-9) continue;
    v1::Finding f = CellFinding(
        ctx, idx,
        absl::StrCat(
            "第三张表“", T3ColumnName(col), "”列：本年新收 ",
            CellFigure(cells, idx[0]), " + 上年结转 ",
            CellFigure(cells, idx[1]), " ≠ 办理结果总计 ",
            CellFigure(cells, idx[2]), " + 结转下年度 ",
            CellFigure(cells, idx[3]),
            "（模板勾稽关系：第一项加第二项之和应等于第三项加第四项之和）"));
    f.set_expected(in);
    f.set_actual(done);
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
