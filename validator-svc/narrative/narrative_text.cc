#include "validator-svc/narrative/narrative_text.h"

#include <cstring>
#include <memory>

namespace govreport::validator::narrative {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0x3000 || c == 0xA0 || c == 0x2002 || c == 0x2003 ||
         c == 0x2009 || c == 0x200B || c == 0xFEFF;
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

char32_t Fold(char32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';  // full-width digits
  switch (c) {
    case ',':
      return U'，';
    case ';':
      return U'；';
    case ':':
      return U'：';
    case '(':
      return U'（';
    case ')':
      return U'）';
    case '!':
      return U'！';
    case '?':
      return U'？';
    case 0xFF0E:  // full-width full stop used as a decimal point
      return '.';
    default:
      return c;
  }
}

// Decodes one code point at `i`, advancing it; U+FFFD for a bad sequence.
char32_t Decode(absl::string_view s, size_t& i) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80         ? 1
            : (b >> 5) == 6  ? 2
            : (b >> 4) == 14 ? 3
            : (b >> 3) == 30 ? 4
                             : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 1   ? b
               : len == 2 ? (b & 0x1F)
               : len == 3 ? (b & 0x0F)
                          : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char cont = static_cast<unsigned char>(s[i + k]);
    if ((cont >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (cont & 0x3F);
  }
  i += len;
  return c;
}

}  // namespace

void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string ValidUtf8(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t c = Decode(s, i);
    // Surrogates and out-of-range values are not encodable either.
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
    AppendUtf8(c, out);
  }
  return out;
}

NarrativeText::NarrativeText(absl::string_view utf8) {
  // This runs over every report's whole text: write by index into buffers
  // sized for the worst case (one code point per byte), without zero-filling.
  text_.reset(new char32_t[utf8.size() + 1]);
  line_.reset(new uint32_t[utf8.size() + 1]);
  column_.reset(new uint32_t[utf8.size() + 1]);
  char32_t* text = text_.get();
  uint32_t* line_of = line_.get();
  uint32_t* column_of = column_.get();
  size_t n = 0;
  uint32_t line = 1;
  uint32_t column = 1;
  bool pending_space = false;
  const size_t size = utf8.size();
  const unsigned char* bytes =
      reinterpret_cast<const unsigned char*>(utf8.data());
  for (size_t i = 0; i < size;) {
    // At a line start. A table row of tab- or pipe-separated cells is not
    // prose: keep one clause break in its place.
    const void* newline = std::memchr(bytes + i, '\n', size - i);
    const size_t end =
        newline == nullptr
            ? size
            : static_cast<size_t>(static_cast<const unsigned char*>(newline) -
                                  bytes);
    int separators = 0;
    for (char sep : {'\t', '|'}) {
      const void* from = bytes + i;
      size_t left = end - i;
      while (separators < 3 && left > 0) {
        const void* hit = std::memchr(from, sep, left);
        if (hit == nullptr) break;
        ++separators;
        size_t used = static_cast<const unsigned char*>(hit) -
                      static_cast<const unsigned char*>(from) + 1;
        from = static_cast<const unsigned char*>(hit) + 1;
        left -= used;
      }
    }
    if (separators >= 3) {
      text[n] = '|';
      line_of[n] = line;
      column_of[n] = 1;
      ++n;
      i = end;
      pending_space = false;
    }
    // The characters of the line. No sequence decodes across the '\n' (it
    // is not a continuation byte), so the line ends exactly at `end`.
    while (i < end) {
      unsigned char b = bytes[i];
      if (b >= 0xE4 && b <= 0xE9) {
        // A run of CJK ideographs (U+4E00..U+9FFF), the bulk of the prose:
        // never space, never folded, not ASCII. Kept to few live variables.
        size_t k = i;
        size_t m = n;
        uint32_t col = column;
        while (k + 2 < end) {
          const uint32_t b0 = bytes[k];
          const uint32_t b1 = bytes[k + 1];
          const uint32_t b2 = bytes[k + 2];
          // Both continuation bytes (10xxxxxx), lead byte E4..E9.
          if (((b1 | (b2 << 8)) & 0xC0C0) != 0x8080 || b0 - 0xE4 > 5) break;
          const char32_t c =
              ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
          if (c < 0x4E00) break;
          text[m] = c;
          line_of[m] = line;
          column_of[m] = col;
          ++col;
          ++m;
          k += 3;
        }
        if (m > n) {
          column = col;
          n = m;
          i = k;
          pending_space = false;
          continue;
        }
      }
      char32_t c;
      if (b < 0x80) {
        c = b;
        ++i;
      } else if ((b >> 4) == 14 && i + 2 < size && (bytes[i + 1] >> 6) == 2 &&
                 (bytes[i + 2] >> 6) == 2) {
        // The common case in Chinese text: a 3-byte sequence.
        c = ((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) |
            (bytes[i + 2] & 0x3F);
        i += 3;
      } else {
        size_t next = i;  // not `i` itself: it stays in a register
        c = Decode(utf8, next);
        i = next;
      }
      if ((c <= ' ' || c >= 0xA0) && IsSpace(c)) {
        pending_space = true;
        if (c == '\n') {
          // Only an overlong encoding gets here: it too starts a line.
          ++line;
          column = 1;
          break;
        }
        ++column;
        continue;
      }
      c = Fold(c);
      if (pending_space && n > 0 && IsAsciiAlnum(text[n - 1]) &&
          IsAsciiAlnum(c)) {
        text[n] = ' ';
        line_of[n] = line;
        column_of[n] = column > 1 ? column - 1 : 1;
        ++n;
      }
      pending_space = false;
      text[n] = c;
      line_of[n] = line;
      column_of[n] = column;
      ++n;
      ++column;
    }
    if (i < end) continue;  // a line started by an overlong newline
    if (i < size) {         // the '\n'
      pending_space = true;
      ++line;
      column = 1;
      ++i;
    }
  }
  size_ = n;
}

v1::SourceLocation NarrativeText::LocationOf(size_t begin, size_t end) const {
  v1::SourceLocation loc;
  if (begin >= size_) return loc;
  if (end > size_) end = size_;
  if (end <= begin) end = begin + 1;
  loc.set_line(line_[begin]);
  loc.set_column_begin(column_[begin]);
  // A span broken over lines ends at the end of its first line's part.
  size_t last = end - 1;
  uint32_t last_col = column_[begin];
  for (size_t k = begin; k <= last && line_[k] == line_[begin]; ++k)
    last_col = column_[k];
  loc.set_column_end(last_col + 1);
  return loc;
}

std::string NarrativeText::Utf8(size_t begin, size_t end) const {
  std::string out;
  if (end > size_) end = size_;
  for (size_t k = begin; k < end; ++k) {
    char32_t c = text_[k];
    AppendUtf8((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF ? 0xFFFD : c, out);
  }
  return out;
}

}  // namespace govreport::validator::narrative
