#ifndef GOVREPORT_PARSER_SVC_DECODERS_PDF_LAYOUT_CLEANUP_H_
#define GOVREPORT_PARSER_SVC_DECODERS_PDF_LAYOUT_CLEANUP_H_

// Turns the physical-layout text of a PDF's pages (what `pdftotext -layout`
// prints: columns aligned with spaces) into one run of lines in which a
// table continues across pages as if the page break were not there:
//   - page numbers ("-3-", "- 4 -", "第3页", "3/12", or a bare "3" standing
//     alone at the page's edge and equal to its number) are dropped;
//   - lines that open a page by repeating the previous page's running
//     header, or the header rows of a table continued from the previous
//     page, are dropped;
//   - a vertical label ("三、本年度办理结果" set one character per line down
//     the left of a table, its characters interleaved with the rows) is
//     lifted out of the rows it crosses and put back as one line, at its
//     column, before the first of them;
//   - a title centred over two or three lines at the top of the first page
//     is joined into one line.
// Columns are code points: pdftotext's layout gives each character one.
//
// Thread-safe: stateless.

#include <cstdint>
#include <string>
#include <vector>

namespace govreport::parser {

struct LayoutLine {
  std::string text;   // UTF-8, trailing spaces removed.
  uint32_t page = 0;  // 1-based.
};

// `pages[i]` holds the lines of page i + 1.
std::vector<LayoutLine> CleanPdfLayout(
    const std::vector<std::vector<std::string>>& pages);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_PDF_LAYOUT_CLEANUP_H_
