// The E2014 statistics table (政府信息公开情况统计表, 国办发〔2014〕32号 era):
// only five rows have a one-to-one V2021 key (CONTRACT.md section 2); the
// rest of the table is legacy and not kept.

#include <array>

#include "absl/strings/str_cat.h"
#include "common/text/normalize.h"
#include "parser-svc/tables/key_view.h"
#include "parser-svc/tables/tables.h"

namespace govreport::parser {
namespace {

struct E2014Row {
  std::u32string_view label;
  const char* key;
};

constexpr std::array<E2014Row, 8> kRows = {{
    {U"受理依申请公开信息总数", "t3.new.total"},
    {U"受理政府信息公开申请总数", "t3.new.total"},
    {U"受理申请总数", "t3.new.total"},
    {U"对申请的答复总数", "t3.total_done.total"},
    {U"申请答复总数", "t3.total_done.total"},
    {U"同意部分公开答复数", "t3.partial.total"},
    {U"同意公开答复数", "t3.granted.total"},
    {U"行政复议数", "t4.review.total"},
}};

bool IsUnit(char32_t c) {
  return c == U'条' || c == U'件' || c == U'个' || c == U'项' || c == U'次' ||
         c == U'人';
}

}  // namespace

void ExtractE2014(const Grid& grid, TablesResult* out) {
  size_t anchor = grid.lines.size();
  bool cumulative = false;
  for (size_t i = 0; i < grid.lines.size() && anchor == grid.lines.size();
       ++i) {
    for (const GridCell& c : grid.lines[i].cells) {
      size_t p = c.key.find(U"统计表");
      if (p == std::u32string::npos) p = c.key.find(U"指标名称");
      if (p == std::u32string::npos) p = c.key.find(U"同意公开答复数");
      if (p != std::u32string::npos) {
        anchor = i;
        break;
      }
    }
  }
  if (anchor == grid.lines.size()) return;
  size_t last = std::min(grid.lines.size(), anchor + 120);
  for (size_t i = anchor; i < last && !cumulative; ++i) {
    for (const GridCell& c : grid.lines[i].cells) {
      if (c.key.find(U"历年累计") != std::u32string::npos) cumulative = true;
    }
  }
  const int columns = cumulative ? 2 : 1;
  for (size_t li = anchor; li < last; ++li) {
    const GridLine& line = grid.lines[li];
    for (size_t ci = 0; ci < line.cells.size(); ++ci) {
      const GridCell& cell = line.cells[ci];
      KeyView v = MakeKeyView(cell);
      for (const E2014Row& row : kRows) {
        if (out->sink.cells.contains(row.key)) continue;
        size_t q = v.Find(row.label, 0);
        while (q != KeyView::kNpos && q > 0 && v.text[q - 1] == U'不') {
          q = v.Find(row.label, q + 1);
        }
        if (q == KeyView::kNpos) continue;
        size_t after = q + row.label.size();
        while (after < v.text.size() && IsUnit(v.text[after])) ++after;
        size_t end = 0;
        DigitRun run = RunAt(v, after, &end);
        std::vector<std::string> keys = {row.key};
        if (!run.digits.empty()) {
          std::vector<GroupSpec> groups(1, GroupSpec{columns, false, -1});
          RunOptions ro = SplitRun(run, groups, 64);
          if (ro.overflow || ro.options.empty()) continue;
          keys.resize(columns);
          out->sink.Decide(keys, ro.options, &run,
                           absl::StrCat("statistics table row \"",
                                        text::U32ToUtf8(row.label), "\""));
          out->e2014_found = true;
          continue;
        }
        // Separated cells: label | unit | this year | cumulative.
        for (size_t k = ci + 1; k < line.cells.size(); ++k) {
          CellValue value = ParseCellValue(line.cells[k].folded.text);
          if (value.kind == ValueKind::kNumber ||
              value.kind == ValueKind::kBlank) {
            if (line.cells[k].IsBlankText()) continue;
            out->sink.Put(row.key, ReadCell(line.cells[k]));
            out->e2014_found = true;
            break;
          }
        }
      }
    }
  }
}

}  // namespace govreport::parser
