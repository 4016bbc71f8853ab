#include "parser-svc/document_decoder.h"

#include <cctype>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/report/enum_names.h"
#include "common/text/decode.h"
#include "parser-svc/text_document.h"

namespace govreport::parser {

v1::DocumentFormat SniffFormat(absl::string_view bytes) {
  absl::string_view head = bytes.substr(0, 1024);
  if (absl::StartsWith(head, "%PDF-") ||
      (head.find("%PDF-") != absl::string_view::npos &&
       head.find("%PDF-") < 16)) {
    return v1::DOCUMENT_FORMAT_PDF;
  }
  if (absl::StartsWith(head, "PK\x03\x04")) return v1::DOCUMENT_FORMAT_DOCX;
  std::string lower = absl::AsciiStrToLower(head);
  size_t first = lower.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && lower[first] == '<') {
    for (absl::string_view tag :
         {"<!doctype html", "<html", "<head", "<body", "<table", "<meta",
          "<div", "<p>", "<p ", "<!--"}) {
      if (lower.find(std::string(tag)) != std::string::npos) {
        return v1::DOCUMENT_FORMAT_HTML;
      }
    }
  }
  return v1::DOCUMENT_FORMAT_TEXT;
}

absl::StatusOr<DecodedDocument> DecodeDocument(absl::string_view name,
                                               absl::string_view bytes,
                                               const ParserOptions& options) {
  if (bytes.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": empty document (0 bytes)"));
  }
  if (bytes.size() > options.max_document_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        name, ": document is ", bytes.size(), " bytes, over the limit of ",
        options.max_document_bytes, " bytes"));
  }
  v1::DocumentFormat format = SniffFormat(bytes);
  if (format != v1::DOCUMENT_FORMAT_TEXT) {
    return absl::UnimplementedError(
        absl::StrCat(name, ": ", DocumentFormatName(format),
                     " documents are not supported by this build (no ",
                     DocumentFormatName(format), " decoder)"));
  }
  absl::StatusOr<text::DecodedText> decoded = text::DecodeText(bytes);
  if (!decoded.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": ", decoded.status().message()));
  }
  return TextToDocument(decoded->utf8, decoded->encoding);
}

}  // namespace govreport::parser
