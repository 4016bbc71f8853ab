#include "common/config.h"

#include <cstdlib>
#include <iostream>
#include <map>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#ifndef GOVREPORT_VERSION
#error "GOVREPORT_VERSION must be defined by the build"
#endif

namespace govreport::config {
namespace {

constexpr char kEnvPrefix[] = "GOVREPORT_";

// Abseil's built-in flags (--flagfile, --help, --fromenv, ...) are not
// configuration of ours.
bool IsProjectFlag(const absl::CommandLineFlag& flag) {
  return !absl::StrContains(flag.Filename(), "absl/");
}

// Project flags by name, sorted so that errors and --help are deterministic.
std::map<std::string, absl::CommandLineFlag*> ProjectFlags() {
  std::map<std::string, absl::CommandLineFlag*> flags;
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    if (IsProjectFlag(*flag)) flags.emplace(std::string(name), flag);
  }
  return flags;
}

bool IsHelpArgument(absl::string_view arg) {
  return arg == "--help" || arg == "-help" || arg == "-h" ||
         arg == "--helpfull" || arg == "-helpfull";
}

bool IsVersionArgument(absl::string_view arg) {
  return arg == "--version" || arg == "-version";
}

}  // namespace

absl::string_view Version() { return GOVREPORT_VERSION; }

Environment ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

std::string EnvironmentVariableFor(absl::string_view flag_name) {
  return absl::StrCat(kEnvPrefix, absl::AsciiStrToUpper(flag_name));
}

std::string DescribeSetting(absl::string_view flag_name) {
  return absl::StrCat("--", flag_name, " (env ",
                      EnvironmentVariableFor(flag_name), ")");
}

absl::Status ApplyEnvironmentOverrides(const Environment& env) {
  for (const auto& [name, flag] : ProjectFlags()) {
    const std::string variable = EnvironmentVariableFor(name);
    std::optional<std::string> value = env(variable);
    if (!value.has_value()) continue;
    std::string error;
    if (!flag->ParseFrom(*value, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat(variable, "='", *value, "' is not a valid value for --",
                       name, ": ", error));
    }
  }
  return absl::OkStatus();
}

int ConfigError(absl::string_view program, const absl::Status& status) {
  std::cerr << program << ": " << status.message() << std::endl;
  return 2;
}

std::string HelpText(const ProgramInfo& info) {
  std::string text = absl::StrCat(
      info.program, " ", Version(), "\n\n", info.usage,
      "\n\nFlags (each can also be set by the environment variable shown; "
      "the command line wins over the environment, the environment over the "
      "default):\n");
  for (const auto& [name, flag] : ProjectFlags()) {
    absl::StrAppend(&text, "\n  --", name, "  [", EnvironmentVariableFor(name),
                    "]  default: ", flag->DefaultValue(), "\n      ",
                    flag->Help(), "\n");
  }
  return text;
}

std::vector<char*> ParseFlags(int argc, char** argv, const ProgramInfo& info) {
  // Abseil aborts on a second registration; tests may parse twice.
  static const bool usage_registered = [&info] {
    absl::SetProgramUsageMessage(info.usage);
    return true;
  }();
  (void)usage_registered;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--") break;
    if (IsHelpArgument(arg)) {
      std::cout << HelpText(info) << std::flush;
      std::exit(0);
    }
    if (IsVersionArgument(arg)) {
      std::cout << info.program << " " << Version() << std::endl;
      std::exit(0);
    }
  }
  if (absl::Status status = ApplyEnvironmentOverrides(ProcessEnvironment());
      !status.ok()) {
    std::exit(ConfigError(info.program, status));
  }
  return absl::ParseCommandLine(argc, argv);
}

}  // namespace govreport::config
