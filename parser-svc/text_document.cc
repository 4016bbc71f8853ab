#include "parser-svc/text_document.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "common/text/normalize.h"

namespace govreport::parser {
namespace {

uint32_t CountCodePoints(absl::string_view s) {
  return static_cast<uint32_t>(text::CountCodePoints(s));
}

size_t CountByte(absl::string_view s, char c) {
  size_t n = 0;
  const char* p = s.data();
  const char* end = s.data() + s.size();
  while (p < end) {
    p = static_cast<const char*>(std::memchr(p, c, end - p));
    if (p == nullptr) break;
    ++n;
    ++p;
  }
  return n;
}

// The offset of the first '\r' or '\n' at or after `pos`, or s.size();
// eight bytes at a time.
size_t LineBreakAt(absl::string_view s, size_t pos) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  auto has_zero = [&](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  while (pos + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + pos, 8);
    if (has_zero(w ^ (kOnes * '\n')) || has_zero(w ^ (kOnes * '\r'))) break;
    pos += 8;
  }
  while (pos < s.size() && s[pos] != '\n' && s[pos] != '\r') ++pos;
  return pos;
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
  // One DocLine per line break (CRLF counts twice: a slight over-reserve).
  doc.lines.reserve(1 + CountByte(utf8, '\n') + CountByte(utf8, '\r'));
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos <= utf8.size()) {
    size_t end = LineBreakAt(utf8, pos);
    absl::string_view line = utf8.substr(pos, end - pos);
    ++line_no;
    uint32_t column = 1;
    do {
      size_t cut = CutPoint(line, kMaxLineBytes);
      absl::string_view piece = line.substr(0, cut);
      // Built in place: no moves of the finished line.
      DocCell& cell = doc.lines.emplace_back().cells.emplace_back();
      cell.text.assign(piece.data(), piece.size());
      cell.location.set_line(line_no);
      cell.location.set_column_begin(column);
      column += CountCodePoints(piece);
      cell.location.set_column_end(column);
      line.remove_prefix(cut);
    } while (!line.empty());
    if (end >= utf8.size()) break;
    pos = end + 1;
    if (utf8[end] == '\r' && pos < utf8.size() && utf8[pos] == '\n') ++pos;
  }
  return doc;
}

}  // namespace govreport::parser
