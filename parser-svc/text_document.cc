#include "parser-svc/text_document.h"

#include <string>

namespace govreport::parser {
namespace {

uint32_t CountCodePoints(absl::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

// Cuts at a code-point boundary at or before `limit`.
size_t CutPoint(absl::string_view s, size_t limit) {
  if (s.size() <= limit) return s.size();
  size_t cut = limit;
  while (cut > 0 && (static_cast<uint8_t>(s[cut]) & 0xC0) == 0x80) --cut;
  return cut == 0 ? limit : cut;
}

}  // namespace

DecodedDocument TextToDocument(absl::string_view utf8,
                               absl::string_view encoding) {
  DecodedDocument doc;
  doc.format = v1::DOCUMENT_FORMAT_TEXT;
  doc.encoding = std::string(encoding);
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos <= utf8.size()) {
    size_t end = utf8.find_first_of("\r\n", pos);
    if (end == absl::string_view::npos) end = utf8.size();
    absl::string_view line = utf8.substr(pos, end - pos);
    ++line_no;
    uint32_t column = 1;
    do {
      size_t cut = CutPoint(line, kMaxLineBytes);
      absl::string_view piece = line.substr(0, cut);
      DocLine out;
      DocCell cell;
      cell.text = std::string(piece);
      cell.location.set_line(line_no);
      cell.location.set_column_begin(column);
      column += CountCodePoints(piece);
      cell.location.set_column_end(column);
      out.cells.push_back(std::move(cell));
      doc.lines.push_back(std::move(out));
      line.remove_prefix(cut);
    } while (!line.empty());
    if (end >= utf8.size()) break;
    pos = end + 1;
    if (utf8[end] == '\r' && pos < utf8.size() && utf8[pos] == '\n') ++pos;
  }
  return doc;
}

}  // namespace govreport::parser
