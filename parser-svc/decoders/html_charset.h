#ifndef GOVREPORT_PARSER_SVC_DECODERS_HTML_CHARSET_H_
#define GOVREPORT_PARSER_SVC_DECODERS_HTML_CHARSET_H_

// Finds an HTML page's character encoding and converts the page to UTF-8
// (what gumbo reads). In order: a byte-order mark; a <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=..."> in the first
// 4096 bytes; else detection (valid UTF-8, else GB18030, which covers GBK
// and GB2312). GB2312/GBK labels decode as GB18030, their superset, as
// browsers do.
//
// A page is never silently turned into mojibake: bytes invalid in the
// declared charset make the declaration lose to detection, and a page
// valid in no candidate is an error naming the byte offset. Only a page
// that declares its charset and has a handful of stray bytes (at most one
// in a thousand characters) is read with U+FFFD in their place.
//
// Thread-safe: stateless (opens its own ICU converters).

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace govreport::parser {

struct Utf8Page {
  std::string text;      // The page in UTF-8, BOM removed.
  std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE", "Big5", ...
};

absl::StatusOr<Utf8Page> DecodeHtmlCharset(absl::string_view name,
                                           absl::string_view bytes);

// The charset a <meta> tag in `head` declares, canonicalised ("GB18030"
// for gb2312/gbk/gb18030), or "" when there is none.
std::string DeclaredHtmlCharset(absl::string_view head);

// Converts `bytes` from the ICU charset `charset` to UTF-8. With `strict`,
// the first invalid byte is an error naming its offset; otherwise invalid
// bytes become U+FFFD and `*replaced` counts them.
absl::StatusOr<std::string> ConvertToUtf8(absl::string_view bytes,
                                          const char* charset, bool strict,
                                          size_t* replaced = nullptr);

// Converts UTF-8 text to `charset` (e.g. "GB18030"); characters the
// charset lacks are an error. For writers of test pages and fixtures.
absl::StatusOr<std::string> ConvertFromUtf8(absl::string_view utf8,
                                            const char* charset);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_HTML_CHARSET_H_
