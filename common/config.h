#ifndef GOVREPORT_COMMON_CONFIG_H_
#define GOVREPORT_COMMON_CONFIG_H_

// Configuration the Kubernetes way: every absl flag of a binary can also be
// set by an environment variable GOVREPORT_<FLAG_NAME_UPPERCASE>
// (--max_message_bytes <- GOVREPORT_MAX_MESSAGE_BYTES). The command line wins
// over the environment, the environment over the flag's default.
//
//   int main(int argc, char** argv) {
//     config::ParseFlags(argc, argv, {.program = "parser-svc",
//                                     .usage = "Parses annual reports."});
//     ...
//
// Abseil's own flags (--flagfile, --help, ...) are not read from the
// environment.
//
// Thread-safety: call from main() before starting threads.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace govreport::config {

// The project version (CMake's PROJECT_VERSION), e.g. "0.1.0".
absl::string_view Version();

// Looks up one environment variable; nullopt when unset.
using Environment =
    std::function<std::optional<std::string>(const std::string& name)>;

// The process environment (getenv).
Environment ProcessEnvironment();

// "max_message_bytes" -> "GOVREPORT_MAX_MESSAGE_BYTES".
std::string EnvironmentVariableFor(absl::string_view flag_name);

// Sets every project flag whose variable `env` defines, parsing the value as
// the flag's type. Stops at the first bad value with InvalidArgument naming
// the variable, the value and the flag, e.g.
//   "GOVREPORT_PORT='abc' is not a valid value for --port: ..."
absl::Status ApplyEnvironmentOverrides(const Environment& env);

// "--port (env GOVREPORT_PORT)": how error messages name a setting.
std::string DescribeSetting(absl::string_view flag_name);

struct ProgramInfo {
  std::string program;  // Printed by --version as "<program> <version>".
  std::string usage;    // One paragraph shown at the top of --help.
};

// The whole start-up sequence for a binary: registers usage and version,
// handles --help / --version (prints to stdout and exits 0 without doing
// anything else), applies the environment, then the command line. On a bad
// value prints the reason to stderr and exits 2. Returns the positional
// arguments (argv[0] first), like absl::ParseCommandLine.
std::vector<char*> ParseFlags(int argc, char** argv, const ProgramInfo& info);

// For main(): prints "<program>: <message>" to stderr and returns 2, the exit
// code of a configuration error.
int ConfigError(absl::string_view program, const absl::Status& status);

// The --help text: usage, then every project flag with its variable, default
// and help. Abseil's own flags are left out.
std::string HelpText(const ProgramInfo& info);

}  // namespace govreport::config

#endif  // GOVREPORT_COMMON_CONFIG_H_
