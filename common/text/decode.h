#ifndef GOVREPORT_COMMON_TEXT_DECODE_H_
#define GOVREPORT_COMMON_TEXT_DECODE_H_

// Detects the character encoding of a text document from its bytes and
// converts it to UTF-8: UTF-8 (with or without BOM), UTF-16LE/BE (BOM, or
// the NUL pattern of mostly-ASCII text), GB18030 (which covers GBK and
// GB2312). A document is never silently turned into mojibake: when no
// encoding decodes it cleanly and plausibly, the result is an error naming
// the byte offset and the reason.
//
// Thread-safe: stateless (ICU converters are opened per call).

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace govreport::text {

struct DecodedText {
  std::string utf8;      // Without BOM.
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030".
};

// INVALID_ARGUMENT when the bytes are empty, binary, or not text in any
// supported encoding. The message names the byte offset and the reason.
absl::StatusOr<DecodedText> DecodeText(absl::string_view bytes);

// True when `bytes` is well-formed UTF-8; `*error_offset` gets the first bad
// byte otherwise.
bool IsValidUtf8(absl::string_view bytes, size_t* error_offset);

}  // namespace govreport::text

#endif  // GOVREPORT_COMMON_TEXT_DECODE_H_
