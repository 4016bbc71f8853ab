#include "parser-svc/tables/grid.h"

#include <algorithm>

#include "parser-svc/decoders/parse_budget.h"

namespace govreport::parser {
namespace {

uint32_t CodePointsIn(absl::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

bool IsMarkdownSeparator(absl::string_view line) {
  bool dash = false;
  for (char c : line) {
    if (c == '-') {
      dash = true;
    } else if (c != '|' && c != ':' && c != ' ' && c != '\t') {
      return false;
    }
  }
  return dash && line.find('|') != absl::string_view::npos;
}

// Byte offset → 1-based column.
struct Piece {
  size_t begin;
  size_t end;
};

}  // namespace

bool GridCell::IsBlankText() const {
  for (char32_t c : folded.text) {
    if (!text::IsSpace(c)) return false;
  }
  return true;
}

v1::SourceLocation GridCell::SpanLocation(size_t begin, size_t end) const {
  v1::SourceLocation loc = location;
  if (location.line() == 0 || folded.source.empty()) return loc;
  begin = std::min(begin, folded.source.size() - 1);
  end = std::max(end, begin + 1);
  end = std::min(end, folded.source.size());
  loc.set_column_begin(location.column_begin() + folded.source[begin]);
  loc.set_column_end(location.column_begin() + folded.source[end - 1] + 1);
  return loc;
}

std::string GridCell::RawSpan(size_t begin, size_t end) const {
  if (folded.source.empty() || begin >= end) return "";
  end = std::min(end, folded.source.size());
  if (begin >= end) return "";
  if (byte_offsets_.empty()) {
    byte_offsets_.reserve(raw.size() + 1);
    for (size_t i = 0; i < raw.size(); ++i) {
      if ((static_cast<uint8_t>(raw[i]) & 0xC0) != 0x80) {
        byte_offsets_.push_back(static_cast<uint32_t>(i));
      }
    }
    byte_offsets_.push_back(static_cast<uint32_t>(raw.size()));
  }
  size_t from = folded.source[begin];
  size_t to = folded.source[end - 1] + 1;
  if (to >= byte_offsets_.size()) to = byte_offsets_.size() - 1;
  if (from >= to) return "";
  return raw.substr(byte_offsets_[from],
                    byte_offsets_[to] - byte_offsets_[from]);
}

std::vector<std::string> SplitTextLine(const std::string& line,
                                       std::vector<uint32_t>* first_columns) {
  std::vector<Piece> pieces;
  absl::string_view s(line);
  if (s.find('\t') != absl::string_view::npos) {
    size_t start = 0;
    while (true) {
      size_t tab = s.find('\t', start);
      if (tab == absl::string_view::npos) {
        pieces.push_back({start, s.size()});
        break;
      }
      pieces.push_back({start, tab});
      start = tab + 1;
    }
  } else if (std::count(s.begin(), s.end(), '|') >= 2 ||
             (!s.empty() && s.front() == '|')) {
    size_t start = 0;
    while (true) {
      size_t bar = s.find('|', start);
      if (bar == absl::string_view::npos) {
        pieces.push_back({start, s.size()});
        break;
      }
      pieces.push_back({start, bar});
      start = bar + 1;
    }
    // Markdown's outer pipes leave an empty first and last piece.
    absl::string_view trimmed = s;
    while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
    if (!trimmed.empty() && trimmed.front() == '|' && pieces.size() > 1) {
      pieces.erase(pieces.begin());
    }
    if (!trimmed.empty() && trimmed.back() == '|' && pieces.size() > 1) {
      pieces.pop_back();
    }
  } else {
    // Runs of two or more spaces separate aligned columns.
    size_t i = 0, start = 0;
    bool any = false;
    while (i < s.size()) {
      if (s[i] == ' ' && i + 1 < s.size() && s[i + 1] == ' ') {
        size_t j = i;
        while (j < s.size() && s[j] == ' ') ++j;
        if (i > start) pieces.push_back({start, i});
        any = true;
        start = j;
        i = j;
      } else {
        ++i;
      }
    }
    if (start < s.size() || !any) pieces.push_back({start, s.size()});
  }
  std::vector<std::string> out;
  for (const Piece& p : pieces) {
    out.emplace_back(s.substr(p.begin, p.end - p.begin));
    if (first_columns != nullptr) {
      first_columns->push_back(CodePointsIn(s.substr(0, p.begin)));
    }
  }
  return out;
}

Grid BuildGrid(const DecodedDocument& doc, size_t max_chars,
               const ParseBudget* budget) {
  Grid grid;
  size_t chars = 0;
  for (const DocLine& line : doc.lines) {
    if (budget != nullptr && budget->Expired()) break;
    if (chars > max_chars) {
      grid.truncated = true;
      break;
    }
    GridLine out;
    out.is_grid_row = line.is_grid_row;
    out.index = grid.lines.size();
    if (!line.is_grid_row && line.cells.size() == 1) {
      const DocCell& cell = line.cells[0];
      out.line = cell.location.line();
      if (IsMarkdownSeparator(cell.text)) {
        grid.lines.push_back(std::move(out));
        continue;
      }
      std::vector<uint32_t> columns;
      std::vector<std::string> parts = SplitTextLine(cell.text, &columns);
      out.cells.reserve(parts.size());
      for (size_t i = 0; i < parts.size(); ++i) {
        GridCell gc;
        gc.raw = std::move(parts[i]);
        gc.folded = text::Fold(gc.raw);
        gc.key = text::LabelKey(gc.folded.text);
        gc.location.set_line(out.line);
        gc.location.set_column_begin(cell.location.column_begin() + columns[i]);
        gc.location.set_column_end(gc.location.column_begin() +
                                   CodePointsIn(gc.raw));
        chars += gc.folded.text.size();
        out.cells.push_back(std::move(gc));
      }
    } else {
      for (const DocCell& cell : line.cells) {
        GridCell gc;
        gc.raw = cell.text;
        gc.folded = text::Fold(gc.raw);
        gc.key = text::LabelKey(gc.folded.text);
        gc.location = cell.location;
        gc.span_copy = cell.span_copy;
        out.line = cell.location.line();
        chars += gc.folded.text.size();
        out.cells.push_back(std::move(gc));
      }
    }
    grid.lines.push_back(std::move(out));
  }
  return grid;
}

}  // namespace govreport::parser
