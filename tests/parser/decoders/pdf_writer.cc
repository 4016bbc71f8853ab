#include "tests/parser/decoders/pdf_writer.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace govreport::testing {
namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// Objects 1..n in order; returns the file with a correct xref table.
std::string Assemble(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    absl::StrAppend(&out, i + 1, " 0 obj\n", objects[i], "\nendobj\n");
  }
  size_t xref = out.size();
  absl::StrAppend(&out, "xref\n0 ", objects.size() + 1,
                  "\n0000000000 65535 f \n");
  for (size_t off : offsets) {
    absl::StrAppend(&out, absl::StrFormat("%010d 00000 n \n", off));
  }
  absl::StrAppend(&out, "trailer\n<< /Size ", objects.size() + 1,
                  " /Root 1 0 R >>\nstartxref\n", xref, "\n%%EOF\n");
  return out;
}

std::string Stream(const std::string& content) {
  return absl::StrCat("<< /Length ", content.size(), " >>\nstream\n", content,
                      "\nendstream");
}

std::string Build(const std::vector<std::string>& contents, bool with_font) {
  // 1 catalog, 2 pages, 3 font, then (page, content) pairs.
  std::vector<std::string> objects(3);
  std::string kids;
  for (size_t i = 0; i < contents.size(); ++i) {
    size_t page = 4 + 2 * i;
    absl::StrAppend(&kids, page, " 0 R ");
    objects.push_back(absl::StrCat(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ",
        page + 1, " 0 R",
        with_font ? " /Resources << /Font << /F1 3 0 R >> >>" : "", " >>"));
    objects.push_back(Stream(contents[i]));
  }
  objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[1] = absl::StrCat("<< /Type /Pages /Kids [", kids, "] /Count ",
                            contents.size(), " >>");
  objects[2] =
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
      "/WinAnsiEncoding >>";
  return Assemble(objects);
}

}  // namespace

std::string TextPdf(const std::vector<std::vector<PdfText>>& pages) {
  std::vector<std::string> contents;
  for (const auto& page : pages) {
    std::string c;
    for (const PdfText& t : page) {
      absl::StrAppend(&c, "BT /F1 10 Tf ",
                      absl::StrFormat("%.1f %.1f", t.x, t.y), " Td (",
                      Escape(t.text), ") Tj ET\n");
    }
    contents.push_back(c);
  }
  return Build(contents, /*with_font=*/true);
}

std::string DrawingOnlyPdf(int pages) {
  std::vector<std::string> contents(
      pages, "0.5 g 50 50 495 742 re f 0 g 100 700 m 400 700 l S");
  return Build(contents, /*with_font=*/false);
}

}  // namespace govreport::testing
