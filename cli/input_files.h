#ifndef GOVREPORT_CLI_INPUT_FILES_H_
#define GOVREPORT_CLI_INPUT_FILES_H_

// Expands the CLI's DIR|FILE... arguments into the list of files to process,
// and reads one file with a size limit.

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace govreport::cli {

// Files named directly, plus every regular file below each directory
// (recursively, hidden files and folders skipped), sorted by path within each
// argument. Inside a directory, "X.expected.json" beside a file "X" is a
// ground-truth sidecar (the corpus convention for verified results), not a
// report, and is left out; a sidecar named as an argument is kept. A path
// that does not exist is an error naming it.
absl::StatusOr<std::vector<std::string>> ExpandInputs(
    const std::vector<std::string>& args);

// The file's bytes; an error naming the file and the reason when it cannot be
// read or is larger than `max_bytes`.
absl::StatusOr<std::string> ReadInputFile(const std::string& path,
                                          size_t max_bytes);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_INPUT_FILES_H_
