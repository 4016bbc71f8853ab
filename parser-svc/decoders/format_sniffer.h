#ifndef GOVREPORT_PARSER_SVC_DECODERS_FORMAT_SNIFFER_H_
#define GOVREPORT_PARSER_SVC_DECODERS_FORMAT_SNIFFER_H_

// Tells a document's format from its bytes, never from its file name.
//
//   PDF   "%PDF-" within the first 1024 bytes (the PDF spec tolerates junk
//         before the header).
//   DOCX  a ZIP archive ("PK\3\4" or an empty-archive "PK\5\6") that names
//         word/document.xml. A ZIP without it is no document we read.
//   HTML  markup after an optional BOM (UTF-8 or UTF-16), whitespace,
//         comments, an XML declaration or a doctype: the first tag is an
//         HTML element such as <html>, <head>, <body>, <meta>, <table>,
//         <div> or <p>.
//   TEXT  anything else that is not binary.
// Binary input that is none of these (a legacy .doc, an image, an archive)
// is DOCUMENT_FORMAT_UNSPECIFIED; DescribeUnknownFormat names it for the
// error message.
//
// Thread-safe: stateless.

#include <string>

#include "absl/strings/string_view.h"
#include "govreport/v1/report.pb.h"

namespace govreport::parser {

v1::DocumentFormat DetectFormat(absl::string_view bytes);

// Says in a few words what UNSPECIFIED bytes look like ("a ZIP archive
// without word/document.xml", "a legacy Word .doc file", "binary data").
std::string DescribeUnknownFormat(absl::string_view bytes);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_FORMAT_SNIFFER_H_
