#ifndef GOVREPORT_TESTS_PARSER_DECODERS_DOCX_WRITER_H_
#define GOVREPORT_TESTS_PARSER_DECODERS_DOCX_WRITER_H_

// Builds DOCX files in memory for tests and the report generator: a body
// of WordprocessingML (paragraphs, tables with gridSpan/vMerge) packed by
// libzip with the parts Word needs ([Content_Types].xml, _rels/.rels).
//
//   DocxBody body;
//   body.Paragraph("二、主动公开政府信息情况");
//   body.Table({{DocxCell("规章"), DocxCell("3")}});
//   std::string bytes = PackDocx(body.Xml());
//
// Thread-safe: no shared state.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace govreport::testing {

struct DocxCell {
  explicit DocxCell(std::string text, int grid_span = 1)
      : text(std::move(text)), grid_span(grid_span) {}
  static DocxCell MergeStart(std::string text, int grid_span = 1) {
    DocxCell c(std::move(text), grid_span);
    c.vmerge = kRestart;
    return c;
  }
  static DocxCell MergeContinue(int grid_span = 1) {
    DocxCell c("", grid_span);
    c.vmerge = kContinue;
    return c;
  }
  enum VMerge { kNone, kRestart, kContinue };
  std::string text;  // Paragraphs separated by '\n'.
  int grid_span = 1;
  VMerge vmerge = kNone;
};

class DocxBody {
 public:
  void Paragraph(absl::string_view text);
  // Rows of cells; `grid_columns` written as w:tblGrid (0: widest row).
  void Table(const std::vector<std::vector<DocxCell>>& rows,
             int grid_columns = 0);
  void Raw(absl::string_view xml) { body_.append(xml.data(), xml.size()); }
  std::string Xml() const;

 private:
  std::string body_;
};

// XML-escapes text for w:t.
std::string XmlEscape(absl::string_view text);

// A complete .docx with `document_xml` as word/document.xml.
std::string PackDocx(absl::string_view document_xml);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_PARSER_DECODERS_DOCX_WRITER_H_
