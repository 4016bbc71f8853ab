#include "parser-svc/decoders/html_charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utf8.h>

#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace govreport::parser {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

bool IsValidUtf8(absl::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string CanonicalCharset(absl::string_view label) {
  std::string l = absl::AsciiStrToLower(absl::StripAsciiWhitespace(label));
  if (l == "gb2312" || l == "gbk" || l == "gb18030" || l == "x-gbk" ||
      l == "cp936" || l == "ms936" || l == "windows-936" || l == "euc-cn" ||
      l == "csgb2312" || l == "gb_2312-80" || l == "chinese") {
    return "GB18030";
  }
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return "UTF-8";
  if (l == "big5" || l == "big5-hkscs" || l == "x-x-big5") return "Big5";
  // A page that says UTF-16 in ASCII bytes cannot be UTF-16 (HTML spec).
  if (absl::StartsWith(l, "utf-16")) return "UTF-8";
  if (l.empty()) return "";
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getCanonicalName(l.c_str(), "IANA", &status);
  if (U_FAILURE(status) || name == nullptr) return "";
  return name;
}

// The value after "charset=" at `pos` (quoted or not).
absl::string_view CharsetValue(absl::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '=')) ++pos;
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() &&
         (absl::ascii_isalnum(static_cast<unsigned char>(s[end])) ||
          s[end] == '-' || s[end] == '_' || s[end] == ':' || s[end] == '.')) {
    ++end;
  }
  return s.substr(pos, end - pos);
}

}  // namespace

std::string DeclaredHtmlCharset(absl::string_view head) {
  std::string lower = absl::AsciiStrToLower(head);
  size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    size_t end = lower.find('>', pos);
    if (end == std::string::npos) end = lower.size();
    absl::string_view tag = absl::string_view(lower).substr(pos, end - pos);
    size_t cs = tag.find("charset");
    if (cs != absl::string_view::npos) {
      std::string canonical = CanonicalCharset(CharsetValue(tag, cs + 7));
      if (!canonical.empty()) return canonical;
    }
    pos = end;
  }
  return "";
}

namespace {

// Converts between two ICU charsets; with `strict`, stops at the first
// byte (or character) the source or target cannot take.
absl::StatusOr<std::string> Convert(absl::string_view bytes,
                                    const char* from_charset,
                                    const char* to_charset, bool strict) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr from(ucnv_open(from_charset, &status));
  if (U_FAILURE(status)) {
    return absl::InvalidArgumentError(
        absl::StrCat("unsupported character set ", from_charset));
  }
  ConverterPtr to(ucnv_open(to_charset, &status));
  if (U_FAILURE(status)) {
    return absl::InvalidArgumentError(
        absl::StrCat("unsupported character set ", to_charset));
  }
  if (strict) {
    ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                        nullptr, &status);
    ucnv_setFromUCallBack(to.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr,
                          nullptr, &status);
  }
  const char* charset = from_charset;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  char buffer[65536];
  UChar pivot[8192];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  bool reset = true;
  for (;;) {
    char* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_convertEx(to.get(), from.get(), &target, buffer + sizeof(buffer),
                   &source, source_limit, pivot, &pivot_source, &pivot_target,
                   pivot + 8192, reset, /*flush=*/true, &status);
    reset = false;
    out.append(buffer, target - buffer);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      size_t offset = static_cast<size_t>(source - bytes.data());
      char bad[8];
      int8_t bad_length = sizeof(bad);
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(from.get(), bad, &bad_length, &ignored);
      if (U_SUCCESS(ignored) && bad_length > 0 &&
          static_cast<size_t>(bad_length) <= offset) {
        offset -= bad_length;
      }
      return absl::InvalidArgumentError(
          absl::StrCat("byte ", offset, " is not valid ", charset));
    }
    break;
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> ConvertFromUtf8(absl::string_view utf8,
                                            const char* charset) {
  return Convert(utf8, "UTF-8", charset, /*strict=*/true);
}

absl::StatusOr<std::string> ConvertToUtf8(absl::string_view bytes,
                                          const char* charset, bool strict,
                                          size_t* replaced) {
  absl::StatusOr<std::string> converted =
      Convert(bytes, charset, "UTF-8", strict);
  if (!converted.ok()) return converted.status();
  std::string& out = *converted;
  if (replaced != nullptr) {
    size_t n = 0;
    for (size_t pos = 0;
         (pos = out.find("\xEF\xBF\xBD", pos)) != std::string::npos; pos += 3) {
      ++n;
    }
    *replaced = n;
  }
  return converted;
}

absl::StatusOr<Utf8Page> DecodeHtmlCharset(absl::string_view name,
                                           absl::string_view bytes) {
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!IsValidUtf8(bytes)) {
      size_t replaced = 0;
      auto text = ConvertToUtf8(bytes, "UTF-8", /*strict=*/false, &replaced);
      if (!text.ok() || replaced * 1000 > bytes.size()) {
        return absl::InvalidArgumentError(absl::StrCat(
            name, ": starts with a UTF-8 byte-order mark but is not UTF-8"));
      }
      return Utf8Page{*std::move(text), "UTF-8"};
    }
    return Utf8Page{std::string(bytes), "UTF-8"};
  }
  for (const char* utf16 : {"UTF-16LE", "UTF-16BE"}) {
    absl::string_view bom = utf16[6] == 'L' ? "\xFF\xFE" : "\xFE\xFF";
    if (!absl::StartsWith(bytes, bom)) continue;
    auto text = ConvertToUtf8(bytes.substr(2), utf16, /*strict=*/true);
    if (!text.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(name, ": has a ", utf16,
                                                     " byte-order mark but ",
                                                     text.status().message()));
    }
    return Utf8Page{*std::move(text), utf16};
  }

  std::string declared = DeclaredHtmlCharset(bytes.substr(0, 4096));
  if (declared == "UTF-8" || (declared.empty() && IsValidUtf8(bytes))) {
    if (IsValidUtf8(bytes)) return Utf8Page{std::string(bytes), "UTF-8"};
  } else if (!declared.empty()) {
    auto text = ConvertToUtf8(bytes, declared.c_str(), /*strict=*/true);
    if (text.ok()) return Utf8Page{*std::move(text), declared};
  }
  // No usable declaration: detect.
  if (IsValidUtf8(bytes)) return Utf8Page{std::string(bytes), "UTF-8"};
  auto gb = ConvertToUtf8(bytes, "GB18030", /*strict=*/true);
  if (gb.ok()) return Utf8Page{*std::move(gb), "GB18030"};
  if (!declared.empty()) {
    size_t replaced = 0;
    auto text =
        ConvertToUtf8(bytes, declared.c_str(), /*strict=*/false, &replaced);
    if (text.ok() && replaced * 1000 <= text->size()) {
      return Utf8Page{*std::move(text), declared};
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      name, ": cannot tell the page's character encoding",
      declared.empty() ? "" : absl::StrCat(" (it declares ", declared, ")"),
      ": neither UTF-8 nor GB18030 (", gb.status().message(), ")"));
}

}  // namespace govreport::parser
