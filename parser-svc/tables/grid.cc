#include "parser-svc/tables/grid.h"

#include <algorithm>

#include "parser-svc/decoders/parse_budget.h"

namespace govreport::parser {
namespace {

uint32_t CodePointsIn(absl::string_view s) {
  return static_cast<uint32_t>(text::CountCodePoints(s));
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

// At least two '|' in `s` (memchr rather than a count of every byte).
bool HasTwoPipes(absl::string_view s) {
  size_t first = s.find('|');
  return first != absl::string_view::npos &&
         s.find('|', first + 1) != absl::string_view::npos;
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

namespace {

// The byte ranges of the cells of text line `s`, appended to `pieces`.
void SplitPieces(absl::string_view s, std::vector<Piece>* out) {
  std::vector<Piece>& pieces = *out;
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
  } else if (HasTwoPipes(s) || (!s.empty() && s.front() == '|')) {
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
}

}  // namespace

std::u32string FoldedLineText(const GridLine& line, absl::string_view text) {
  if (line.cells.empty()) return text::FoldText(text);
  size_t at = 0, size = 0;
  for (size_t i = 0; i < line.cells.size(); ++i) {
    const std::string& raw = line.cells[i].raw;
    if (i > 0) {
      if (at >= text.size() || text[at] != '\t') return text::FoldText(text);
      ++at;
    }
    if (text.substr(at, raw.size()) != raw) return text::FoldText(text);
    at += raw.size();
    size += line.cells[i].folded.text.size() + (i > 0 ? 1 : 0);
  }
  if (at != text.size()) return text::FoldText(text);
  std::u32string out;
  out.reserve(size);
  for (size_t i = 0; i < line.cells.size(); ++i) {
    if (i > 0) out.push_back(U' ');
    out += line.cells[i].folded.text;
  }
  return out;
}

std::vector<std::string> SplitTextLine(const std::string& line,
                                       std::vector<uint32_t>* first_columns) {
  std::vector<Piece> pieces;
  absl::string_view s(line);
  SplitPieces(s, &pieces);
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
  grid.lines.reserve(doc.lines.size());
  std::vector<Piece> pieces;
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
      // Cells built in place from byte ranges of the line: no copies of
      // the pieces, no moves of finished cells.
      pieces.clear();
      absl::string_view text(cell.text);
      SplitPieces(text, &pieces);
      out.cells.resize(pieces.size());
      size_t at = 0;
      uint32_t column = 0;  // code points before `at`
      for (size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        // Pieces are in order, so columns accumulate.
        column += CodePointsIn(text.substr(at, p.begin - at));
        at = p.begin;
        GridCell& gc = out.cells[i];
        gc.raw.assign(text.data() + p.begin, p.end - p.begin);
        gc.folded = text::Fold(gc.raw);
        gc.key = text::LabelKey(gc.folded.text);
        gc.location.set_line(out.line);
        gc.location.set_column_begin(cell.location.column_begin() + column);
        gc.location.set_column_end(gc.location.column_begin() +
                                   CodePointsIn(gc.raw));
        chars += gc.folded.text.size();
      }
    } else {
      out.cells.reserve(line.cells.size());
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
