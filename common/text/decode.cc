#include "common/text/decode.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/text/normalize.h"
#include "unicode/ucnv.h"
#include "unicode/utf8.h"

namespace govreport::text {
namespace {

// Control characters other than TAB, LF, CR, FF, ESC-free text never holds.
bool IsBinaryControl(uint32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
         c == 0x7F;
}

absl::Status CheckNotBinary(absl::string_view utf8, absl::string_view what) {
  // A few stray control characters occur in real extractions; many do not.
  size_t controls = 0;
  size_t first = 0;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  for (size_t i = 0; i < utf8.size(); ++i) {
    // Eight bytes at a time while none is below 0x20 or 0x7F.
    while (i + 8 <= utf8.size()) {
      uint64_t w;
      std::memcpy(&w, utf8.data() + i, 8);
      uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
      uint64_t del = w ^ (kOnes * 0x7F);
      uint64_t is_del = (del - kOnes) & ~del & kHigh;
      if ((below_space | is_del) != 0) break;
      i += 8;
    }
    if (i >= utf8.size()) break;
    if (IsBinaryControl(static_cast<uint8_t>(utf8[i]))) {
      if (controls++ == 0) first = i;
    }
  }
  if (utf8.empty()) return absl::OkStatus();
  if (controls > 8 && controls * 200 > utf8.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "binary content, not text: ", controls, " control bytes in ", what,
        " (first at byte offset ", first, ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> DecodeUtf16(absl::string_view bytes,
                                        bool little_endian) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  size_t n = bytes.size() / 2;
  auto unit = [&](size_t i) -> uint32_t {
    auto b0 = static_cast<uint8_t>(bytes[2 * i]);
    auto b1 = static_cast<uint8_t>(bytes[2 * i + 1]);
    return little_endian ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
  };
  for (size_t i = 0; i < n; ++i) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 >= n) {
        return absl::InvalidArgumentError(
            absl::StrCat("UTF-16 text truncated inside a surrogate pair at "
                         "byte offset ",
                         2 * i));
      }
      uint32_t v = unit(i + 1);
      if (v < 0xDC00 || v > 0xDFFF) {
        return absl::InvalidArgumentError(absl::StrCat(
            "invalid UTF-16 surrogate pair at byte offset ", 2 * i));
      }
      AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), &out);
      ++i;
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
      return absl::InvalidArgumentError(
          absl::StrCat("lone UTF-16 surrogate at byte offset ", 2 * i));
    }
    AppendUtf8(u, &out);
  }
  if (bytes.size() % 2 != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("UTF-16 text has an odd number of bytes (", bytes.size(),
                     "): truncated"));
  }
  return out;
}

// Converts with ICU, stopping at the first unmappable or illegal sequence.
absl::StatusOr<std::string> DecodeWithIcu(absl::string_view bytes,
                                          const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) {
    return absl::InternalError(absl::StrCat(
        "ICU has no converter for ", charset, ": ", u_errorName(status)));
  }
  std::unique_ptr<UConverter, void (*)(UConverter*)> closer(conv, ucnv_close);
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  std::u16string buf(bytes.size() + 1, u'\0');
  UChar* target = reinterpret_cast<UChar*>(buf.data());
  UChar* target_limit = target + buf.size();
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  ucnv_toUnicode(conv, &target, target_limit, &source, source_limit, nullptr,
                 /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "not valid ", charset, ": illegal byte sequence near byte offset ",
        source - bytes.data()));
  }
  std::string out;
  const UChar* p = reinterpret_cast<const UChar*>(buf.data());
  int32_t len = static_cast<int32_t>(target - p);
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(p, i, len, c);
    AppendUtf8(static_cast<char32_t>(c), &out);
  }
  return out;
}

// Text decoded from a legacy double-byte charset is plausible Chinese when a
// good share of its Han characters are among the most frequent ones; text
// in another charset (Big5, Shift-JIS) decoded as GB18030 is not.
bool LooksLikeChinese(absl::string_view utf8) {
  static const std::u32string kFrequent =
      U"的一是了在人有我他这中大来上国个到说们为子和你地出道也时年"
      U"政府信息公开工作年度报告情况申请处理行主动依法部门关于区市县";
  size_t han = 0, frequent = 0, odd = 0;
  for (char32_t c : Utf8ToU32(utf8)) {
    if (IsHan(c)) {
      ++han;
      if (kFrequent.find(c) != std::u32string::npos) ++frequent;
    } else if ((c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD) {
      ++odd;  // private use: GB18030 maps unassigned codes there
    }
  }
  if (odd * 20 > han + 1) return false;
  if (han < 20) return true;
  return frequent * 100 >= han * 5;
}

}  // namespace

bool IsValidUtf8(absl::string_view bytes, size_t* error_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(bytes.size());
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      // ASCII eight bytes at a time.
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, s + i, 8);
        if ((w & 0x8080808080808080ull) != 0) break;
        i += 8;
      }
      continue;
    }
    // A well-formed three-byte sequence (most Chinese text): E1..EC and
    // EE..EF take any trail bytes; E0 needs A0..BF (no overlong form), ED
    // 80..9F (no surrogate). Anything else goes through U8_NEXT.
    if (i + 3 <= n && (s[i] & 0xF0) == 0xE0 && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80 && (s[i] != 0xE0 || s[i + 1] >= 0xA0) &&
        (s[i] != 0xED || s[i + 1] < 0xA0)) {
      i += 3;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      if (error_offset != nullptr) *error_offset = static_cast<size_t>(start);
      return false;
    }
  }
  return true;
}

absl::StatusOr<DecodedText> DecodeText(absl::string_view bytes) {
  if (bytes.empty()) return absl::InvalidArgumentError("empty document");
  DecodedText out;
  // Byte order marks decide.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    absl::string_view body = bytes.substr(3);
    size_t bad = 0;
    if (!IsValidUtf8(body, &bad)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "has a UTF-8 byte order mark but invalid UTF-8 at byte offset ",
          bad + 3));
    }
    out.utf8 = std::string(body);
    out.encoding = "UTF-8";
  } else if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" ||
                                   bytes.substr(0, 2) == "\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    auto decoded = DecodeUtf16(bytes.substr(2), le);
    if (!decoded.ok()) return decoded.status();
    out.utf8 = *std::move(decoded);
    out.encoding = le ? "UTF-16LE" : "UTF-16BE";
  } else {
    // UTF-16 without BOM: mostly-ASCII text has a NUL in every other byte.
    size_t nul_even = 0, nul_odd = 0;
    size_t probe = std::min<size_t>(bytes.size(), 4096);
    if (bytes.substr(0, probe).find('\0') != absl::string_view::npos) {
      for (size_t i = 0; i < probe; ++i) {
        if (bytes[i] == '\0') ((i % 2 == 0) ? nul_even : nul_odd)++;
      }
    }
    size_t pairs = probe / 2;
    // Chinese UTF-16 has NULs only beside its ASCII characters, so a
    // modest share suffices when they all sit at one parity.
    // (A CJK code unit such as U+4E00 has a zero low byte, so the other
    // parity may hold a few.)
    size_t major = std::max(nul_odd, nul_even),
           minor = std::min(nul_odd, nul_even);
    if (pairs >= 2 && major * 20 >= pairs && minor * 4 <= major) {
      bool le = nul_odd > 0;
      auto decoded = DecodeUtf16(bytes, le);
      if (!decoded.ok()) return decoded.status();
      out.utf8 = *std::move(decoded);
      out.encoding = le ? "UTF-16LE" : "UTF-16BE";
    } else {
      size_t bad = 0;
      // NUL bytes outside a UTF-16 pattern: binary, whatever else it holds.
      size_t nul = bytes.find('\0');
      if (nul != absl::string_view::npos) {
        return absl::InvalidArgumentError(absl::StrCat(
            "binary content, not text (NUL byte at byte offset ", nul, ")"));
      }
      if (IsValidUtf8(bytes, &bad)) {
        out.utf8 = std::string(bytes);
        out.encoding = "UTF-8";
      } else {
        // A NUL byte or other binary bytes before the first invalid UTF-8
        // byte: this is not text at all.
        for (size_t i = 0; i < std::min(bad, bytes.size()); ++i) {
          if (bytes[i] == '\0') {
            return absl::InvalidArgumentError(absl::StrCat(
                "binary content, not text (NUL byte at byte offset ", i, ")"));
          }
        }
        auto gb = DecodeWithIcu(bytes, "GB18030");
        if (!gb.ok()) {
          return absl::InvalidArgumentError(absl::StrCat(
              "unknown encoding: not UTF-8 (invalid byte at offset ", bad,
              "), not UTF-16, and ", gb.status().message()));
        }
        if (!LooksLikeChinese(*gb)) {
          return absl::InvalidArgumentError(absl::StrCat(
              "unknown encoding: not UTF-8 (invalid byte at offset ", bad,
              "); it decodes as GB18030 only to implausible characters "
              "(another legacy charset such as Big5?)"));
        }
        out.utf8 = *std::move(gb);
        out.encoding = "GB18030";
      }
    }
  }
  if (out.utf8.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        "binary content, not text (NUL character in the ", out.encoding,
        " text at offset ", out.utf8.find('\0'), ")"));
  }
  absl::Status binary = CheckNotBinary(out.utf8, out.encoding + " text");
  if (!binary.ok()) return binary;
  return out;
}

}  // namespace govreport::text
