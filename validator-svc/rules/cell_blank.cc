#include "validator-svc/rules/cell_blank.h"

#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {
namespace {

constexpr int kListed = 8;  // cells named in the message; all are in `cells`

void CheckRange(const RuleContext& ctx, const char* table_name,
                const std::vector<int>& range, std::vector<v1::Finding>& out) {
  std::vector<int> blanks;
  for (int i : range) {
    if (ctx.cells().Kind(i) == CellKind::kBlank) blanks.push_back(i);
  }
  if (blanks.empty()) return;
  std::string listed;
  for (size_t k = 0; k < blanks.size() && k < kListed; ++k) {
    absl::StrAppend(&listed, k == 0 ? "" : "、", CellDescription(blanks[k]));
  }
  if (blanks.size() > kListed) absl::StrAppend(&listed, " 等");
  v1::Finding f =
      CellFinding(ctx, blanks,
                  absl::StrCat(table_name, "有 ", blanks.size(),
                               " 个应填数字的单元格为空白或“/”（按缺失计，",
                               "勾稽核对时按0计）：", listed));
  f.set_actual(static_cast<double>(blanks.size()));
  out.push_back(std::move(f));
}

}  // namespace

void CellBlankRule::Check(const RuleContext& ctx,
                          std::vector<v1::Finding>& out) const {
  if (!ctx.HasStandardTables()) return;
  // The ranges are the same for every report: built once.
  static const std::vector<int>* const t2 = [] {
    auto* v = new std::vector<int>();
    for (int i = kT2Begin; i < kT3Begin; ++i) v->push_back(i);
    for (int i = kV2021Cells; i < kAllCells; ++i) v->push_back(i);
    return v;
  }();
  static const std::vector<int>* const t3 = [] {
    auto* v = new std::vector<int>();
    for (int i = kT3Begin; i < kT4Begin; ++i) v->push_back(i);
    return v;
  }();
  static const std::vector<int>* const t4 = [] {
    auto* v = new std::vector<int>();
    for (int i = kT4Begin; i < kV2021Cells; ++i) v->push_back(i);
    return v;
  }();
  CheckRange(ctx, "第二张表", *t2, out);
  CheckRange(ctx, "第三张表", *t3, out);
  CheckRange(ctx, "第四张表", *t4, out);
}

}  // namespace govreport::validator
