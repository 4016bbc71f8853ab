#include "parser-svc/tables/tables.h"

#include <algorithm>

#include "common/text/normalize.h"

namespace govreport::parser {
namespace {

bool KeyHas(const GridLine& line, std::u32string_view what) {
  for (const GridCell& c : line.cells) {
    if (c.key.find(what) != std::u32string::npos) return true;
  }
  return false;
}

// Splits "行政许可 97" into a label cell and a value cell.
bool SplitTrailingNumber(const GridCell& cell, CellArena* arena,
                         const GridCell** label, const GridCell** value) {
  const std::u32string& t = cell.folded.text;
  size_t e = t.size();
  while (e > 0 && text::IsSpace(t[e - 1])) --e;
  size_t space = t.find_last_of(U" ", e == 0 ? 0 : e - 1);
  if (space == std::u32string::npos || space == 0) return false;
  CellValue v =
      ParseCellValue(std::u32string_view(t).substr(space + 1, e - space - 1));
  if (v.kind != ValueKind::kNumber) return false;
  bool han = false;
  for (size_t i = 0; i < space; ++i) han |= text::IsHan(t[i]);
  if (!han) return false;
  auto make = [&](size_t b, size_t en) -> const GridCell* {
    GridCell& out = arena->emplace_back();
    out.raw = cell.RawSpan(b, en);
    out.folded = text::Fold(out.raw);
    out.key = text::LabelKey(out.folded.text);
    out.location = cell.SpanLocation(b, en);
    return &out;
  };
  *label = make(0, space);
  *value = make(space + 1, e);
  return true;
}

}  // namespace

LineParts SplitLine(const GridLine& line, CellArena* arena) {
  LineParts parts;
  int last_label = -1;
  std::vector<bool> is_label(line.cells.size(), false);
  for (size_t i = 0; i < line.cells.size(); ++i) {
    const GridCell& c = line.cells[i];
    if (c.IsBlankText()) continue;
    if (ParseCellValue(c.folded.text).kind == ValueKind::kText) {
      is_label[i] = true;
      last_label = static_cast<int>(i);
    }
  }
  for (int i = 0; i <= last_label; ++i) {
    if (is_label[i]) parts.labels.push_back(&line.cells[i]);
  }
  for (size_t i = last_label + 1; i < line.cells.size(); ++i) {
    // A copy left by a rowspan/colspan would count one figure twice.
    if (line.cells[i].span_copy) continue;
    parts.values.push_back(&line.cells[i]);
  }
  bool any_value = false;
  for (const GridCell* c : parts.values) any_value |= !c->IsBlankText();
  if (!any_value && last_label >= 0) {
    const GridCell *label = nullptr, *value = nullptr;
    if (SplitTrailingNumber(line.cells[last_label], arena, &label, &value)) {
      parts.labels.back() = label;
      parts.values.insert(parts.values.begin(), value);
    }
  }
  return parts;
}

void TrimToCount(std::vector<const GridCell*>* values, size_t expected) {
  while (values->size() > expected) {
    if (values->back()->IsBlankText()) {
      values->pop_back();
    } else if (values->front()->IsBlankText()) {
      values->erase(values->begin());
    } else {
      break;
    }
  }
}

bool AsDigitRun(const std::vector<const GridCell*>& values, DigitRun* run) {
  const GridCell* only = nullptr;
  for (const GridCell* c : values) {
    if (c->IsBlankText()) continue;
    if (only != nullptr) return false;
    only = c;
  }
  if (only == nullptr) return false;
  ValueKind kind = ParseCellValue(only->folded.text).kind;
  if (kind != ValueKind::kDigitRun && kind != ValueKind::kNumber) return false;
  run->cell = only;
  run->digits.clear();
  run->folded_index.clear();
  const std::u32string& t = only->folded.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (text::IsDigit(t[i]) || t[i] == '.') {
      run->digits.push_back(t[i]);
      run->folded_index.push_back(i);
    } else if (!text::IsSpace(t[i]) && t[i] != ',') {
      return false;  // a unit or a note: not a bare run
    }
  }
  return !run->digits.empty();
}

Anchors FindAnchors(const Grid& grid) {
  Anchors a;
  const size_t n = grid.lines.size();
  a.t2 = a.t3 = a.t4 = a.end = n;
  for (size_t i = 0; i < n && !a.has_t2; ++i) {
    const GridLine& l = grid.lines[i];
    if (KeyHas(l, U"第二十条第一项") || KeyHas(l, U"本年制发件数") ||
        KeyHas(l, U"本年新制作数量")) {
      a.t2 = i;
      a.has_t2 = true;
    }
  }
  for (size_t i = a.has_t2 ? a.t2 : 0; i < n && !a.has_t3; ++i) {
    const GridLine& l = grid.lines[i];
    if (KeyHas(l, U"勾稽关系") || KeyHas(l, U"申请人情况") ||
        KeyHas(l, U"本年新收政府信息公开申请数量")) {
      a.t3 = i;
      a.has_t3 = true;
    }
  }
  size_t from = a.has_t3 ? a.t3 : (a.has_t2 ? a.t2 : 0);
  for (size_t i = from; i < n && !a.has_t4; ++i) {
    if (!KeyHas(grid.lines[i], U"行政复议")) continue;
    for (size_t j = i; j < n && j < i + 4; ++j) {
      if (KeyHas(grid.lines[j], U"行政诉讼") ||
          KeyHas(grid.lines[j], U"复议后起诉") ||
          KeyHas(grid.lines[j], U"结果维持")) {
        a.t4 = i;
        a.has_t4 = true;
        break;
      }
    }
  }
  if (a.has_t4) {
    a.end = std::min(n, a.t4 + 40);
    for (size_t i = a.t4 + 1; i < a.end; ++i) {
      if (KeyHas(grid.lines[i], U"存在的主要问题") ||
          KeyHas(grid.lines[i], U"其他需要报告的事项")) {
        a.end = i;
        break;
      }
    }
  }
  return a;
}

TablesResult ExtractTables(const Grid& grid) {
  TablesResult out;
  // Room for every cell of the three tables: no rehash moves a Cell.
  out.sink.cells.reserve(256);
  CellArena arena;
  Anchors anchors = FindAnchors(grid);
  out.t2.heading_found = anchors.has_t2;
  out.t3.heading_found = anchors.has_t3;
  out.t4.heading_found = anchors.has_t4;
  if (anchors.has_t2) {
    ExtractTable2(grid, anchors, &arena, &out);
    if (!out.t2.cells_found) ExtractFlattenedTable2(grid, anchors, &out);
  }
  if (anchors.has_t3) {
    ExtractTable3(grid, anchors, &arena, &out);
    if (!out.t3.cells_found) ExtractFlattenedTable3(grid, anchors, &out);
  }
  if (anchors.has_t4) {
    ExtractTable4(grid, anchors, &arena, &out);
    // A flattened table 4 is only looked for after a table 3 was read: its
    // anchor words also occur in running text.
    if (!out.t4.cells_found && out.t3.cells_found) {
      ExtractFlattenedTable4(grid, anchors, &out);
    }
  }
  return out;
}

}  // namespace govreport::parser
