#ifndef GOVREPORT_PARSER_SVC_DECODERS_TEXT_CLEANUP_H_
#define GOVREPORT_PARSER_SVC_DECODERS_TEXT_CLEANUP_H_

// Whitespace handling shared by the markup decoders. Text stays as written
// otherwise: normalisation (NFKC, variants) is the text engine's job.
//
// Thread-safe: stateless.

#include <string>

#include "absl/strings/string_view.h"

namespace govreport::parser {

// Appends `text` to `out`, each run of ASCII whitespace (as HTML collapses
// it) becoming one space, and no space doubled across calls.
void AppendCollapsed(absl::string_view text, std::string& out);

// `text` without leading and trailing blanks: ASCII whitespace, no-break
// space U+00A0, ideographic space U+3000, zero-width space U+200B and
// U+FEFF. Cells of official templates hold U+3000 runs meaning "empty".
absl::string_view TrimBlank(absl::string_view text);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_TEXT_CLEANUP_H_
