#include "cli/command_line.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/commands.h"

namespace govreport::cli {

std::optional<ParsedArgs> StartCommand(const char* command, const char* usage,
                                       const std::vector<OptionSpec>& specs,
                                       const std::vector<std::string>& argv,
                                       int* exit_code) {
  auto args = ParseArgs(specs, argv);
  if (!args.ok()) {
    std::fprintf(stderr, "govreport %s: %s\n%s", command,
                 std::string(args.status().message()).c_str(), usage);
    *exit_code = kExitUsage;
    return std::nullopt;
  }
  if (args->help) {
    std::printf("%s%s", usage, OptionsHelp(specs).c_str());
    *exit_code = kExitOk;
    return std::nullopt;
  }
  return *std::move(args);
}

int Fail(const char* command, absl::string_view message) {
  std::fprintf(stderr, "govreport %s: %s\n", command,
               std::string(message).c_str());
  return kExitUsage;
}

absl::Status CheckChoice(const ParsedArgs& args, const std::string& option,
                         const std::vector<std::string>& allowed) {
  const std::string& value = args.Get(option);
  for (const auto& a : allowed) {
    if (a == value) return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat("--", option, " must be ",
                                                 absl::StrJoin(allowed, ", "),
                                                 ", got \"", value, "\""));
}

}  // namespace govreport::cli
