#ifndef GOVREPORT_PARSER_SVC_DOCUMENT_DECODER_H_
#define GOVREPORT_PARSER_SVC_DOCUMENT_DECODER_H_

// The single dispatch point from bytes to DecodedDocument: detects the
// container (text, HTML, DOCX, PDF) from the bytes and hands them to the
// matching decoder. Text is decoded here (common/text/decode.h); the binary
// and markup formats are plugged in from parser-svc/decoders/.
//
// Errors name the document and the reason (empty, binary, unknown encoding,
// over the size limit, unsupported format).
//
// Thread-safe: stateless.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parser-svc/decoded_document.h"
#include "parser-svc/parser.h"

namespace govreport::parser {

// `budget` (may be null) is charged and checked by the decoders.
absl::StatusOr<DecodedDocument> DecodeDocument(absl::string_view name,
                                               absl::string_view bytes,
                                               const ParserOptions& options,
                                               ParseBudget* budget = nullptr);

// The container format the bytes look like (TEXT when nothing else fits).
v1::DocumentFormat SniffFormat(absl::string_view bytes);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DOCUMENT_DECODER_H_
