#ifndef GOVREPORT_CLI_ARGS_H_
#define GOVREPORT_CLI_ARGS_H_

// A small option parser for the CLI's subcommands: each subcommand declares
// its options (with help text) and gets the positional arguments back.
// Accepts "--name=value", "--name value" and bare "--flag" for booleans;
// "--" ends the options.

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace govreport::cli {

struct OptionSpec {
  std::string name;           // Without dashes, e.g. "format".
  std::string value_name;     // e.g. "json|csv|text"; empty for a boolean flag.
  std::string default_value;  // Used when the option is absent.
  std::string help;           // One line.
};

struct ParsedArgs {
  std::map<std::string, std::string>
      values;  // Every declared option, defaulted.
  std::vector<std::string> positional;
  bool help = false;  // --help or -h was given.

  const std::string& Get(const std::string& name) const;
  bool Flag(const std::string& name) const;
};

// Parses `args` (the words after the subcommand) against `specs`. An unknown
// option or a missing value is an error naming it.
absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<OptionSpec>& specs,
                                     const std::vector<std::string>& args);

// The "Options:" block of a help text.
std::string OptionsHelp(const std::vector<OptionSpec>& specs);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_ARGS_H_
