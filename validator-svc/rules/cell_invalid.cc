#include "validator-svc/rules/cell_invalid.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "common/report/cell_keys.h"
#include "common/report/cell_table.h"
#include "validator-svc/cell_labels.h"
#include "validator-svc/narrative/narrative_text.h"

namespace govreport::validator {
namespace {

// Why the cell cannot be a count or amount, or "" when it can.
const char* Problem(const ReportCells& cells, int index) {
  const v1::Cell* cell = cells.Get(index);
  if (cell == nullptr) return "";
  // The key only matters for a value that is negative or fractional.
  auto key = [index]() -> const std::string& {
    return ReportCells::Key(index);
  };
  if (cell->state() == v1::CELL_STATE_INVALID) {
    if (cell->has_invalid_number()) {
      double v = cell->invalid_number();
      if (v < 0 && !IsSignedKey(key())) return "为负数";
      if (v != std::floor(v) && !IsAmountKey(key())) return "不是整数";
    }
    return "不是数字";
  }
  std::optional<double> value = CellValue(*cell);
  if (!value || cell->state() == v1::CELL_STATE_AMBIGUOUS) return "";
  double v = *value;
  if (!std::isfinite(v)) return "不是数字";
  if (v < 0 && !IsSignedKey(key())) return "为负数";
  if (v != std::floor(v) && !IsAmountKey(key())) return "不是整数";
  return "";
}

}  // namespace

void CellInvalidRule::Check(const RuleContext& ctx,
                            std::vector<v1::Finding>& out) const {
  const ReportCells& cells = ctx.cells();
  for (int i = 0; i < kAllCells; ++i) {
    // A readable count or amount (ReportCells checked the same conditions)
    // has no problem.
    if (cells.Kind(i) == CellKind::kValue) continue;
    const char* problem = Problem(cells, i);
    if (*problem == '\0') continue;
    const v1::Cell* cell = cells.Get(i);
    v1::Finding f = CellFinding(
        ctx, {i},
        absl::StrCat(CellDescription(i), "应填",
                     IsAmountKey(ReportCells::Key(i)) ? "非负金额" : "非负整数",
                     "，实际填写“", narrative::ValidUtf8(cell->raw()), "”",
                     problem));
    if (cell->has_invalid_number()) f.set_actual(cell->invalid_number());
    std::optional<double> value = CellValue(*cell);
    if (value && std::isfinite(*value)) f.set_actual(*value);
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
