#ifndef GOVREPORT_COMMON_SHA256_H_
#define GOVREPORT_COMMON_SHA256_H_

// SHA-256 (OpenSSL) in the two spellings the project uses: the raw digest
// (hashed bearer tokens) and lower-case hex (Report.id, the hash of a
// document's bytes, CONTRACT.md section 1).
//
//   std::string id = Sha256Hex(document_bytes);  // 64 hex digits

#include <string>

#include "absl/strings/string_view.h"

namespace govreport {

// The 32-byte digest of `bytes`.
std::string Sha256(absl::string_view bytes);

// The digest as 64 lower-case hex digits.
std::string Sha256Hex(absl::string_view bytes);

}  // namespace govreport

#endif  // GOVREPORT_COMMON_SHA256_H_
