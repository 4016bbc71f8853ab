#ifndef GOVREPORT_TESTS_CLI_COMMAND_RUNNER_H_
#define GOVREPORT_TESTS_CLI_COMMAND_RUNNER_H_

// Runs the real govreport binary (or any command) for tests and captures
// what it printed and its exit status.

#include <string>

namespace govreport::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command` through /bin/sh with stdout and stderr captured to files
// in `scratch_dir`.
CommandResult RunCommand(const std::string& command,
                         const std::string& scratch_dir);

// The path of a built binary (GOVREPORT_BIN_DIR/name).
std::string BinaryPath(const std::string& name);

// A fresh empty directory under the test's temporary directory.
std::string MakeTempDir(const std::string& name);

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_CLI_COMMAND_RUNNER_H_
