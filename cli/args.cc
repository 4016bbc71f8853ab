#include "cli/args.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace govreport::cli {

const std::string& ParsedArgs::Get(const std::string& name) const {
  static const std::string* const kEmpty = new std::string();
  auto it = values.find(name);
  return it == values.end() ? *kEmpty : it->second;
}

bool ParsedArgs::Flag(const std::string& name) const {
  return Get(name) == "true";
}

absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<OptionSpec>& specs,
                                     const std::vector<std::string>& args) {
  ParsedArgs parsed;
  for (const auto& spec : specs) {
    parsed.values[spec.name] =
        spec.value_name.empty() ? "false" : spec.default_value;
  }
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || !absl::StartsWith(arg, "-") || arg == "-") {
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      parsed.help = true;
      continue;
    }
    std::string body = arg.substr(absl::StartsWith(arg, "--") ? 2 : 1);
    std::string value;
    bool has_value = false;
    if (size_t eq = body.find('='); eq != std::string::npos) {
      value = body.substr(eq + 1);
      body = body.substr(0, eq);
      has_value = true;
    }
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs) {
      if (s.name == body) spec = &s;
    }
    if (spec == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown option --", body));
    }
    if (spec->value_name.empty()) {
      if (has_value && value != "true" && value != "false") {
        return absl::InvalidArgumentError(absl::StrCat(
            "option --", body, " takes no value (or true|false), got \"", value,
            "\""));
      }
      parsed.values[body] = has_value ? value : "true";
      continue;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "option --", body, " needs a value (", spec->value_name, ")"));
      }
      value = args[++i];
    }
    parsed.values[body] = value;
  }
  return parsed;
}

std::string OptionsHelp(const std::vector<OptionSpec>& specs) {
  std::string out = "Options:\n";
  for (const auto& spec : specs) {
    std::string left = absl::StrCat("  --", spec.name);
    if (!spec.value_name.empty()) absl::StrAppend(&left, " ", spec.value_name);
    std::string right = spec.help;
    if (!spec.default_value.empty())
      absl::StrAppend(&right, " (default: ", spec.default_value, ")");
    absl::StrAppend(&out, absl::StrFormat("%-30s %s\n", left, right));
  }
  absl::StrAppend(&out,
                  absl::StrFormat("%-30s %s\n", "  -h, --help", "this help"));
  return out;
}

}  // namespace govreport::cli
