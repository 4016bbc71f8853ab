#ifndef GOVREPORT_PARSER_SVC_TEXT_DOCUMENT_H_
#define GOVREPORT_PARSER_SVC_TEXT_DOCUMENT_H_

// Plain text → DecodedDocument: one DocLine per text line (LF, CRLF or CR),
// one cell holding the whole line, located by line and column (1-based, in
// code points). The table engine splits the cells itself.
//
// Thread-safe: stateless.

#include "absl/strings/string_view.h"
#include "parser-svc/decoded_document.h"

namespace govreport::parser {

// Lines longer than this many bytes are cut into several DocLines (same
// line number, continuing columns) so that no single line dominates memory.
inline constexpr size_t kMaxLineBytes = 1u << 20;

DecodedDocument TextToDocument(absl::string_view utf8,
                               absl::string_view encoding);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TEXT_DOCUMENT_H_
