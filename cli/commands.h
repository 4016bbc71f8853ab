#ifndef GOVREPORT_CLI_COMMANDS_H_
#define GOVREPORT_CLI_COMMANDS_H_

// The CLI's subcommands. Each takes the words after its name and returns the
// process exit status: 0 success, 1 ERROR findings (validate; analyze with
// --fail-on-error), 2 usage or input errors.

#include <string>
#include <vector>

namespace govreport::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

int RunParse(const std::vector<std::string>& args);
int RunValidate(const std::vector<std::string>& args);
int RunAnalyze(const std::vector<std::string>& args);
int RunIngest(const std::vector<std::string>& args);
int RunStats(const std::vector<std::string>& args);

// Every subcommand, in the order `govreport --help` lists them.
const std::vector<Command>& AllCommands();

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_COMMANDS_H_
