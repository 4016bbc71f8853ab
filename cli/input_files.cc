#include "cli/input_files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace govreport::cli {
namespace fs = std::filesystem;
namespace {

constexpr absl::string_view kSidecarSuffix = ".expected.json";

// "X.expected.json" with "X" among `found` (sorted).
bool IsSidecar(const std::string& path, const std::vector<std::string>& found) {
  if (!absl::EndsWith(path, kSidecarSuffix)) return false;
  const std::string subject =
      path.substr(0, path.size() - kSidecarSuffix.size());
  return std::binary_search(found.begin(), found.end(), subject);
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ExpandInputs(
    const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      return absl::NotFoundError(
          absl::StrCat(arg, ": no such file or directory"));
    }
    if (!fs::is_directory(status)) {
      files.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(
        arg, fs::directory_options::skip_permission_denied, ec);
    if (ec)
      return absl::PermissionDeniedError(absl::StrCat(arg, ": ", ec.message()));
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec)
        return absl::UnavailableError(absl::StrCat(arg, ": ", ec.message()));
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    for (const std::string& path : found) {
      if (!IsSidecar(path, found)) files.push_back(path);
    }
  }
  return files;
}

absl::StatusOr<std::string> ReadInputFile(const std::string& path,
                                          size_t max_bytes) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec)
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot read: ", ec.message()));
  if (size > max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat(path, ": file is ", size, " bytes, over the limit of ",
                     max_bytes, " bytes"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  }
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    return absl::DataLossError(
        absl::StrCat(path, ": read ", in.gcount(), " of ", size, " bytes"));
  }
  return bytes;
}

}  // namespace govreport::cli
