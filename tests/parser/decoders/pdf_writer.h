#ifndef GOVREPORT_TESTS_PARSER_DECODERS_PDF_WRITER_H_
#define GOVREPORT_TESTS_PARSER_DECODERS_PDF_WRITER_H_

// Writes small, valid PDF files for tests: pages of ASCII text placed at
// given positions (Helvetica), or pages with drawings and no text layer at
// all (what a scanner produces, minus the image).
//
// Thread-safe: stateless.

#include <string>
#include <vector>

namespace govreport::testing {

struct PdfText {
  double x;  // Points from the left edge.
  double y;  // Points from the bottom edge (A4 is 595 x 842).
  std::string text;
};

std::string TextPdf(const std::vector<std::vector<PdfText>>& pages);

// `pages` pages, each with a filled rectangle and no text.
std::string DrawingOnlyPdf(int pages);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_PARSER_DECODERS_PDF_WRITER_H_
