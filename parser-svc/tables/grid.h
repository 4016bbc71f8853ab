#ifndef GOVREPORT_PARSER_SVC_TABLES_GRID_H_
#define GOVREPORT_PARSER_SVC_TABLES_GRID_H_

// The table engine's view of a document: every line split into cells, every
// cell folded for matching (common/text/normalize.h) and able to say where
// any part of it stands in the source.
//
// Text lines are split on tabs, on pipes (pipe tables and markdown tables;
// markdown separator rows become empty lines) or, failing both, on runs of
// two or more spaces (pdftotext -layout columns). A line without any of
// these stays one cell: flattened web text is handled by
// parser-svc/tables/flattened.h on that cell. Grid rows from HTML, DOCX and
// PDF keep their cells and grid locations.
//
// Thread-safe: plain data.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/text/normalize.h"
#include "govreport/v1/report.pb.h"
#include "parser-svc/decoded_document.h"

namespace govreport::parser {

struct GridCell {
  std::string raw;              // As written.
  text::FoldedText folded;      // folded.source indexes raw's code points.
  std::u32string key;           // text::LabelKey(folded.text).
  v1::SourceLocation location;  // The whole cell.
  bool span_copy = false;

  // The location of folded characters [begin, end).
  v1::SourceLocation SpanLocation(size_t begin, size_t end) const;
  // The raw text of folded characters [begin, end).
  std::string RawSpan(size_t begin, size_t end) const;
  bool empty() const { return key.empty() && IsBlankText(); }
  bool IsBlankText() const;

 private:
  // Byte offset in raw of every code point (and of the end), built on the
  // first RawSpan call: flattened text asks for many spans of one long cell.
  mutable std::vector<uint32_t> byte_offsets_;
};

struct GridLine {
  std::vector<GridCell> cells;
  uint32_t line = 0;  // 1-based source line; 0 for grid rows without one.
  bool is_grid_row = false;
  size_t index = 0;  // Position in Grid::lines.
};

struct Grid {
  std::vector<GridLine> lines;
  // True when the document was cut to a size the engine analyses.
  bool truncated = false;
};

class ParseBudget;

// Builds the grid. At most `max_chars` code points are analysed; the rest
// of a longer document is dropped and `truncated` set. Stops early (the
// grid is then incomplete) once `budget`, when given, has expired: the
// caller checks the budget after the call.
Grid BuildGrid(const DecodedDocument& doc, size_t max_chars,
               const ParseBudget* budget = nullptr);

// text::FoldText(text) for the source line `text` of grid line `line`,
// taken from the line's folded cells when they are exactly `text` cut at
// its tabs (folding is per code point, a tab folds to a space); folded
// afresh otherwise.
std::u32string FoldedLineText(const GridLine& line, absl::string_view text);

// Splits one text line into cells (exposed for tests).
std::vector<std::string> SplitTextLine(const std::string& line,
                                       std::vector<uint32_t>* first_columns);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_GRID_H_
