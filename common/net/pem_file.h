#ifndef GOVREPORT_COMMON_NET_PEM_FILE_H_
#define GOVREPORT_COMMON_NET_PEM_FILE_H_

// Reads a PEM certificate or key file (or a token file) named by a flag. Errors
// name the flag and the file and say why ("--tls_cert_file: cannot read
// /etc/tls/tls.crt: No such file or directory"; "... is not PEM"), so a
// startup failure is actionable. The contents are never logged.
//
//   ASSIGN_OR_RETURN(std::string pem, ReadPemFile(path, "--tls_cert_file"));
//
// Thread-safe: stateless.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace govreport::net {

absl::StatusOr<std::string> ReadPemFile(const std::string& path,
                                        absl::string_view flag);

// A bearer token kept in a file (a Kubernetes secret), surrounding
// whitespace removed; an empty file is an error. Same error shape.
absl::StatusOr<std::string> ReadTokenFile(const std::string& path,
                                          absl::string_view flag);

}  // namespace govreport::net

#endif  // GOVREPORT_COMMON_NET_PEM_FILE_H_
