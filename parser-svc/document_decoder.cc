#include "parser-svc/document_decoder.h"

#include <cctype>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/report/enum_names.h"
#include "common/status_macros.h"
#include "common/text/decode.h"
#include "parser-svc/decoders/docx_decoder.h"
#include "parser-svc/decoders/format_sniffer.h"
#include "parser-svc/decoders/html_decoder.h"
#include "parser-svc/decoders/parse_budget.h"
#include "parser-svc/decoders/pdf_decoder.h"
#include "parser-svc/text_document.h"

namespace govreport::parser {

v1::DocumentFormat SniffFormat(absl::string_view bytes) {
  return DetectFormat(bytes);
}

absl::StatusOr<DecodedDocument> DecodeDocument(absl::string_view name,
                                               absl::string_view bytes,
                                               const ParserOptions& options,
                                               ParseBudget* budget) {
  if (bytes.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": empty document (0 bytes)"));
  }
  if (bytes.size() > options.max_document_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        name, ": document is ", bytes.size(), " bytes, over the limit of ",
        options.max_document_bytes, " bytes"));
  }
  DecodeOptions decode_options;
  decode_options.max_decompressed_bytes = options.max_decompressed_bytes;
  decode_options.budget = budget;
  switch (SniffFormat(bytes)) {
    case v1::DOCUMENT_FORMAT_HTML:
      return DecodeHtml(name, bytes, decode_options);
    case v1::DOCUMENT_FORMAT_DOCX:
      return DecodeDocx(name, bytes, decode_options);
    case v1::DOCUMENT_FORMAT_PDF:
      return DecodePdf(name, bytes, decode_options);
    case v1::DOCUMENT_FORMAT_UNSPECIFIED:
      return absl::InvalidArgumentError(
          absl::StrCat(name, ": not a text, HTML, DOCX or PDF document: ",
                       DescribeUnknownFormat(bytes)));
    default:
      break;
  }
  if (budget != nullptr) {
    // The UTF-8 text (GB18030 and UTF-16 grow by up to half) and the
    // decoder's working copy.
    RETURN_IF_ERROR(budget->Charge(bytes.size() * 3, "text in UTF-8"));
  }
  absl::StatusOr<text::DecodedText> decoded = text::DecodeText(bytes);
  if (!decoded.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": ", decoded.status().message()));
  }
  DecodedDocument doc = TextToDocument(decoded->utf8, decoded->encoding);
  // The decoded text is freed on return; the lines are charged by the
  // parser with the rest of the decoded document.
  if (budget != nullptr) budget->Release(bytes.size() * 3);
  return doc;
}

}  // namespace govreport::parser
