#ifndef GOVREPORT_TESTS_PARSER_DECODERS_DOC_DUMP_H_
#define GOVREPORT_TESTS_PARSER_DECODERS_DOC_DUMP_H_

// Renders a DecodedDocument compactly so tests can compare whole outputs:
// a text line as its text, a grid row as "T<table>R<row>: a|^a|b" (^ marks
// a span copy).

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "parser-svc/decoded_document.h"

namespace govreport::testing {

inline std::vector<std::string> Dump(const parser::DecodedDocument& doc) {
  std::vector<std::string> out;
  for (const parser::DocLine& line : doc.lines) {
    if (!line.is_grid_row) {
      out.push_back(line.cells.empty() ? "" : line.cells[0].text);
      continue;
    }
    std::string row = absl::StrCat("T", line.cells[0].location.table(), "R",
                                   line.cells[0].location.row(), ": ");
    for (size_t i = 0; i < line.cells.size(); ++i) {
      if (i > 0) row += "|";
      if (line.cells[i].span_copy) row += "^";
      row += line.cells[i].text;
    }
    out.push_back(row);
  }
  return out;
}

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_PARSER_DECODERS_DOC_DUMP_H_
