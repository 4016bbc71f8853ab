#ifndef GOVREPORT_PARSER_SVC_DECODED_DOCUMENT_H_
#define GOVREPORT_PARSER_SVC_DECODED_DOCUMENT_H_

// The one intermediate form every decoder produces and the table engine reads:
// the document's content in reading order as lines of UTF-8 text. A line from
// a plain-text document is one cell holding the whole line (the engine splits
// tabs, pipes and aligned columns itself); a row of an HTML/DOCX/PDF table
// grid arrives already split into cells, spans expanded, each cell with its
// grid location. There is no second table engine: HTML, DOCX and PDF reuse
// the text engine through this form.

#include <string>
#include <vector>

#include "govreport/v1/report.pb.h"

namespace govreport::parser {

// A piece of text and where it stands in the source.
struct DocCell {
  std::string text;             // UTF-8, as written (not normalised).
  v1::SourceLocation location;  // line/columns for text; page/table/row/column for grids.
  bool span_copy = false;       // A position covered by a rowspan/colspan of an earlier cell.
};

// One line of text, or one row of a table grid.
struct DocLine {
  std::vector<DocCell> cells;  // Exactly one cell for a text line.
  bool is_grid_row = false;    // True when `cells` are the cells of a table row.
};

struct DecodedDocument {
  v1::DocumentFormat format = v1::DOCUMENT_FORMAT_UNSPECIFIED;
  std::string encoding;        // e.g. "UTF-8", "GB18030"; the container's for binary formats.
  std::vector<DocLine> lines;  // Reading order.
};

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODED_DOCUMENT_H_
