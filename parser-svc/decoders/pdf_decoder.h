#ifndef GOVREPORT_PARSER_SVC_DECODERS_PDF_DECODER_H_
#define GOVREPORT_PARSER_SVC_DECODERS_PDF_DECODER_H_

// Decodes a PDF with poppler-cpp into DecodedDocument text lines: each
// page's text in physical layout (the columns `pdftotext -layout` aligns,
// which the text engine reads as a whitespace-aligned table), cleaned by
// pdf_layout_cleanup.h so tables continue across pages without page
// numbers or repeated headers, and vertical labels are put back together.
// Every line is one cell located by page and line (1-based over the whole
// document).
//
// Errors, each naming the document:
//   INVALID_ARGUMENT     not a readable PDF (damaged, truncated);
//   PERMISSION_DENIED    encrypted with a password we do not have;
//   FAILED_PRECONDITION  no page has a text layer (a scan: needs OCR);
//   RESOURCE_EXHAUSTED   more pages than DecodeOptions.max_pdf_pages.
//
// Thread-safe: each call uses its own poppler document; poppler's global
// state is set up once.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parser-svc/decoded_document.h"
#include "parser-svc/decoders/decode_options.h"

namespace govreport::parser {

absl::StatusOr<DecodedDocument> DecodePdf(absl::string_view name,
                                          absl::string_view bytes,
                                          const DecodeOptions& options = {});

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_PDF_DECODER_H_
