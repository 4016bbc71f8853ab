#ifndef GOVREPORT_COMMON_REGIONS_UTF8_SCAN_H_
#define GOVREPORT_COMMON_REGIONS_UTF8_SCAN_H_

// Small UTF-8 helpers for scanning report text for names. Malformed bytes
// decode as U+FFFD one byte at a time, so a scan never stops or loops on bad
// input; no name contains U+FFFD, so nothing matches across them.
//
// Thread-safe: stateless.

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace govreport::regions {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at text[pos] (pos < text.size()); stores
// its byte length in *length.
inline char32_t DecodeAt(absl::string_view text, size_t pos, size_t* length) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[pos + i]);
  };
  const unsigned char b0 = byte(0);
  const size_t avail = text.size() - pos;
  *length = 1;
  if (b0 < 0x80) return b0;
  size_t n;
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return kReplacementChar;
  }
  if (avail < n) return kReplacementChar;
  for (size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return kReplacementChar;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  // Overlong forms, surrogates and values above U+10FFFF.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return kReplacementChar;
  }
  *length = n;
  return cp;
}

// Start of the code point that ends just before `pos` (pos > 0).
inline size_t PreviousStart(absl::string_view text, size_t pos) {
  size_t p = pos - 1;
  // At most three continuation bytes belong to one code point.
  for (int i = 0;
       i < 3 && p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80;
       ++i) {
    --p;
  }
  size_t length;
  DecodeAt(text, p, &length);
  // A malformed sequence: step back one byte only.
  return p + length == pos ? p : pos - 1;
}

// Full-width ASCII (U+FF01..U+FF5E) as ASCII, the ideographic space as a
// space: the NFKC mappings that occur in names and footers.
inline char32_t FoldWidth(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  if (cp == 0x3000) return ' ';
  return cp;
}

// Spaces that may appear inside a name in extracted text ("临潼 区").
inline bool IsInlineSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000;
}

// CJK ideographs (unified, extensions A to G, compatibility).
inline bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF);
}

}  // namespace govreport::regions

#endif  // GOVREPORT_COMMON_REGIONS_UTF8_SCAN_H_
