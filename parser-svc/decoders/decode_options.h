#ifndef GOVREPORT_PARSER_SVC_DECODERS_DECODE_OPTIONS_H_
#define GOVREPORT_PARSER_SVC_DECODERS_DECODE_OPTIONS_H_

// Limits shared by the HTML, DOCX and PDF decoders. Every limit turns
// hostile or absurd input into a clear error instead of unbounded memory or
// time; real reports stay far below each of them.

#include <cstddef>

namespace govreport::parser {

class ParseBudget;

struct DecodeOptions {
  // Largest total a DOCX may decompress to
  // (ParserOptions.max_decompressed_bytes).
  size_t max_decompressed_bytes = 256u << 20;
  // Largest number of grid cells (after span expansion) in one document.
  size_t max_grid_cells = 1'000'000;
  // Widest table grid, in columns (HTML caps colspan at 1000 as well).
  size_t max_grid_columns = 1000;
  // Most pages read from one PDF.
  int max_pdf_pages = 2000;
  // The parse's time and memory budget (parse_budget.h); null: unlimited.
  ParseBudget* budget = nullptr;
};

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_DECODE_OPTIONS_H_
