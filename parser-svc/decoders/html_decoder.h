#ifndef GOVREPORT_PARSER_SVC_DECODERS_HTML_DECODER_H_
#define GOVREPORT_PARSER_SVC_DECODERS_HTML_DECODER_H_

// Decodes an HTML page (any charset html_charset.h can tell) with gumbo's
// HTML5 parser into DecodedDocument lines in reading order:
//   - the <title> first, then every paragraph, heading, list item and
//     <br>-separated piece of text as one text line;
//   - every data table as grid rows (rowspan/colspan expanded with span
//     copies, blank cells blank, each cell located by table/row/column);
//   - navigation, scripts, styles, forms and hidden elements dropped; of a
//     footer only its 公网安备 line is kept (the region resolver reads it);
//   - a layout table (one holding other tables, a single cell, or cells of
//     page-length text) read as ordinary blocks, so a table wrapping the
//     whole page does not swallow the data tables inside it.
// Text-line locations carry the HTML source line; grid cells carry
// table/row/column.
//
// Errors: an undecidable charset (INVALID_ARGUMENT), tables expanding past
// DecodeOptions.max_grid_cells (RESOURCE_EXHAUSTED). Memory is linear in
// the page; the walk uses no recursion, and tags nested deeper than
// kMaxHtmlNestingDepth are dropped before gumbo parses the page
// (html_nesting.h), so nesting depth is harmless.
//
// Thread-safe: stateless.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parser-svc/decoded_document.h"
#include "parser-svc/decoders/decode_options.h"

namespace govreport::parser {

absl::StatusOr<DecodedDocument> DecodeHtml(absl::string_view name,
                                           absl::string_view bytes,
                                           const DecodeOptions& options = {});

// Same, for a page already in UTF-8 (tests, generator round trips).
absl::StatusOr<DecodedDocument> DecodeHtmlUtf8(absl::string_view name,
                                               absl::string_view utf8,
                                               const DecodeOptions& options);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_HTML_DECODER_H_
