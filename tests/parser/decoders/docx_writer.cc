#include "tests/parser/decoders/docx_writer.h"

#include <zip.h>

#include <algorithm>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace govreport::testing {
namespace {

constexpr absl::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

constexpr absl::string_view kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

std::string ParagraphXml(absl::string_view text) {
  return absl::StrCat("<w:p><w:r><w:t xml:space=\"preserve\">", XmlEscape(text),
                      "</w:t></w:r></w:p>");
}

}  // namespace

std::string XmlEscape(absl::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

void DocxBody::Paragraph(absl::string_view text) {
  body_ += ParagraphXml(text);
}

void DocxBody::Table(const std::vector<std::vector<DocxCell>>& rows,
                     int grid_columns) {
  if (grid_columns == 0) {
    for (const auto& row : rows) {
      int width = 0;
      for (const DocxCell& c : row) width += c.grid_span;
      grid_columns = std::max(grid_columns, width);
    }
  }
  body_ +=
      "<w:tbl><w:tblPr><w:tblW w:w=\"0\" "
      "w:type=\"auto\"/></w:tblPr><w:tblGrid>";
  for (int i = 0; i < grid_columns; ++i) body_ += "<w:gridCol w:w=\"800\"/>";
  body_ += "</w:tblGrid>";
  for (const auto& row : rows) {
    body_ += "<w:tr>";
    for (const DocxCell& c : row) {
      body_ += "<w:tc><w:tcPr>";
      if (c.grid_span > 1) {
        absl::StrAppend(&body_, "<w:gridSpan w:val=\"", c.grid_span, "\"/>");
      }
      if (c.vmerge == DocxCell::kRestart) {
        body_ += "<w:vMerge w:val=\"restart\"/>";
      } else if (c.vmerge == DocxCell::kContinue) {
        body_ += "<w:vMerge/>";
      }
      body_ += "</w:tcPr>";
      if (c.text.empty()) {
        body_ += "<w:p/>";
      } else {
        for (absl::string_view p : absl::StrSplit(c.text, '\n')) {
          body_ += ParagraphXml(p);
        }
      }
      body_ += "</w:tc>";
    }
    body_ += "</w:tr>";
  }
  body_ += "</w:tbl>";
}

std::string DocxBody::Xml() const {
  return absl::StrCat(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)",
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)",
      body_, R"(<w:sectPr/></w:body></w:document>)");
}

std::string PackDocx(absl::string_view document_xml) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (archive == nullptr) std::abort();
  zip_source_keep(out);
  struct Part {
    const char* name;
    absl::string_view data;
  };
  for (const Part& part :
       {Part{"[Content_Types].xml", kContentTypes}, Part{"_rels/.rels", kRels},
        Part{"word/document.xml", document_xml}}) {
    zip_source_t* src =
        zip_source_buffer(archive, part.data.data(), part.data.size(), 0);
    if (src == nullptr || zip_file_add(archive, part.name, src, 0) < 0) {
      std::abort();
    }
  }
  // Parts are read from the caller's buffers when the archive closes.
  if (zip_close(archive) != 0) std::abort();
  std::string bytes;
  if (zip_source_open(out) == 0) {
    zip_stat_t st;
    zip_source_stat(out, &st);
    bytes.resize(st.size);
    zip_int64_t n = zip_source_read(out, bytes.data(), st.size);
    bytes.resize(n < 0 ? 0 : static_cast<size_t>(n));
    zip_source_close(out);
  }
  zip_source_free(out);
  return bytes;
}

}  // namespace govreport::testing
