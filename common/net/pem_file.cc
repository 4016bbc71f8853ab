#include "common/net/pem_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace govreport::net {

namespace {

absl::StatusOr<std::string> ReadWhole(const std::string& path,
                                      absl::string_view flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::FailedPreconditionError(
        absl::StrCat(flag, ": cannot read ", path, ": ", std::strerror(errno)));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) {
    return absl::FailedPreconditionError(
        absl::StrCat(flag, ": cannot read ", path, ": read error"));
  }
  return contents.str();
}

}  // namespace

absl::StatusOr<std::string> ReadTokenFile(const std::string& path,
                                          absl::string_view flag) {
  absl::StatusOr<std::string> text = ReadWhole(path, flag);
  if (!text.ok()) return text.status();
  std::string token(absl::StripAsciiWhitespace(*text));
  if (token.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat(flag, ": ", path, " is empty"));
  }
  return token;
}

absl::StatusOr<std::string> ReadPemFile(const std::string& path,
                                        absl::string_view flag) {
  absl::StatusOr<std::string> pem = ReadWhole(path, flag);
  if (!pem.ok()) return pem.status();
  if (!absl::StrContains(*pem, "-----BEGIN ")) {
    return absl::FailedPreconditionError(absl::StrCat(
        flag, ": ", path, " is not a PEM file (no -----BEGIN line)"));
  }
  return pem;
}

}  // namespace govreport::net
