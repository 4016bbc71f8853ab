#ifndef GOVREPORT_CLI_COMMAND_LINE_H_
#define GOVREPORT_CLI_COMMAND_LINE_H_

// What every subcommand does first and how it reports a failure, in one
// place: options parsed against the command's specs, --help answered,
// messages prefixed with "govreport <command>:".

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cli/args.h"

namespace govreport::cli {

// Parses `argv`. Returns the arguments, or nullopt after printing what the
// user asked for (--help: usage and options, *exit_code = 0) or what is wrong
// (the reason and the usage, *exit_code = 2).
std::optional<ParsedArgs> StartCommand(const char* command, const char* usage,
                                       const std::vector<OptionSpec>& specs,
                                       const std::vector<std::string>& argv,
                                       int* exit_code);

// Prints "govreport <command>: <message>" on stderr and returns 2.
int Fail(const char* command, absl::string_view message);
inline int Fail(const char* command, const absl::Status& status) {
  return Fail(command, status.message());
}

// OK when `args.Get(option)` is one of `allowed`, else an error naming them.
absl::Status CheckChoice(const ParsedArgs& args, const std::string& option,
                         const std::vector<std::string>& allowed);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_COMMAND_LINE_H_
