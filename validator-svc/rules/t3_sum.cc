#include "validator-svc/rules/t3_sum.h"

#include <cmath>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {
namespace {

struct Group {
  const char* name;
  int begin;
  int end;
};

constexpr Group kGroups[] = {{"予以公开", t3::kGranted, t3::kPartial},
                             {"部分公开", t3::kPartial, t3::kDenyBegin},
                             {"不予公开", t3::kDenyBegin, t3::kUnableBegin},
                             {"无法提供", t3::kUnableBegin, t3::kNoprocBegin},
                             {"不予处理", t3::kNoprocBegin, t3::kOtherBegin},
                             {"其他处理", t3::kOtherBegin, t3::kTotalDone}};

}  // namespace

void T3SumRule::Check(const RuleContext& ctx,
                      std::vector<v1::Finding>& out) const {
  if (!ctx.HasStandardTables() || !ctx.TablePresent(3)) return;
  const ReportCells& cells = ctx.cells();
  for (int col = 0; col < t3::kCols; ++col) {
    // Sums first: the message is built only for a column that does not add
    // up (group by group, as the message states them).
    bool checkable =
        cells.Kind(T3Index(t3::kTotalDone, col)) != CellKind::kUnknown;
    double sum = 0;
    double group_sums[std::size(kGroups)];
    for (size_t g = 0; g < std::size(kGroups); ++g) {
      double group_sum = 0;
      for (int row = kGroups[g].begin; row < kGroups[g].end; ++row) {
        int i = T3Index(row, col);
        checkable &= cells.Kind(i) != CellKind::kUnknown;
        group_sum += cells.Value(i);
      }
      group_sums[g] = group_sum;
      sum += group_sum;
    }
    if (!checkable) continue;
    std::vector<int> idx = {T3Index(t3::kTotalDone, col)};
    double total = cells.Value(idx[0]);
    if (std::fabs(sum - total) < 1e-9) continue;
    std::string parts;
    for (size_t g = 0; g < std::size(kGroups); ++g) {
      for (int row = kGroups[g].begin; row < kGroups[g].end; ++row)
        idx.push_back(T3Index(row, col));
      absl::StrAppend(&parts, parts.empty() ? "" : " + ", kGroups[g].name, " ",
                      FormatFigure(group_sums[g]));
    }
    v1::Finding f = CellFinding(
        ctx, idx,
        absl::StrCat("第三张表“", T3ColumnName(col), "”列：（七）总计 ",
                     CellFigure(cells, idx[0]), " ≠ 各项办理结果之和 ",
                     FormatFigure(sum), " 件（", parts, "）"));
    f.set_expected(sum);
    f.set_actual(total);
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
