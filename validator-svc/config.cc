#include "validator-svc/config.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/report/enum_names.h"
#include "nlohmann/json.hpp"
#include "validator-svc/rule_registry.h"

namespace govreport::validator {
namespace {

constexpr absl::string_view kCrossReportRules[] = {
    "CARRY-CONTINUITY", "STOCK-CONTINUITY", "TEXT-REUSE"};

}  // namespace

const std::vector<ThresholdSpec>& KnownThresholds() {
  static const std::vector<ThresholdSpec>* const specs = new std::vector<
      ThresholdSpec>{
      {"fee_unit_max_wan", 1e6,
       "FEE-UNIT: largest plausible t2.fees.amount_wan (万元) for most "
       "agencies (1e6 万元 = 100 亿元)"},
      {"fee_unit_max_wan_township", 1e4,
       "FEE-UNIT: largest plausible t2.fees.amount_wan for a 乡/镇/街道 (1e4 "
       "万元 = 1 亿元)"},
      {"fee_unit_max_wan_province", 1e8,
       "FEE-UNIT: largest plausible t2.fees.amount_wan for a province-level "
       "government report"},
      {"text_reuse_share", 0.8,
       "TEXT-REUSE: share of this report's narrative shingles found in the "
       "other report"},
      {"text_reuse_min_shingles", 200,
       "TEXT-REUSE: narratives with fewer distinct shingles are not compared"},
      {"stock_continuity_tolerance", 0,
       "STOCK-CONTINUITY: allowed |in_force(Y) - (in_force(Y-1) + issued - "
       "repealed)|"},
  };
  return *specs;
}

double DefaultThreshold(absl::string_view name) {
  for (const ThresholdSpec& spec : KnownThresholds()) {
    if (spec.name == name) return spec.default_value;
  }
  return 0;
}

bool IsKnownRuleId(absl::string_view id) {
  for (absl::string_view cross : kCrossReportRules) {
    if (cross == id) return true;
  }
  return FindRule(id) != nullptr;
}

absl::StatusOr<ValidatorConfig> ParseValidatorConfig(absl::string_view json,
                                                     absl::string_view source) {
  nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr,
                                             /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": not valid JSON"));
  }
  if (!doc.is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": the top level must be an object"));
  }
  ValidatorConfig config;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string& member = it.key();
    const nlohmann::json& value = it.value();
    if (member == "severities") {
      if (!value.is_object()) {
        return absl::InvalidArgumentError(
            absl::StrCat(source, ": \"severities\" must be an object"));
      }
      for (auto s = value.begin(); s != value.end(); ++s) {
        if (!IsKnownRuleId(s.key())) {
          return absl::InvalidArgumentError(absl::StrCat(
              source, ": severities.", s.key(), ": unknown rule id"));
        }
        std::optional<v1::Severity> severity;
        if (s.value().is_string())
          severity = ParseSeverity(s.value().get<std::string>());
        if (!severity || *severity == v1::SEVERITY_UNSPECIFIED) {
          return absl::InvalidArgumentError(
              absl::StrCat(source, ": severities.", s.key(),
                           ": must be \"INFO\", \"WARNING\" or \"ERROR\""));
        }
        config.severities[s.key()] = *severity;
      }
    } else if (member == "disabled") {
      if (!value.is_array()) {
        return absl::InvalidArgumentError(
            absl::StrCat(source, ": \"disabled\" must be an array"));
      }
      for (const auto& id : value) {
        if (!id.is_string() || !IsKnownRuleId(id.get<std::string>())) {
          return absl::InvalidArgumentError(absl::StrCat(
              source, ": disabled: ", id.dump(), " is not a rule id"));
        }
        config.disabled.insert(id.get<std::string>());
      }
    } else if (member == "thresholds") {
      if (!value.is_object()) {
        return absl::InvalidArgumentError(
            absl::StrCat(source, ": \"thresholds\" must be an object"));
      }
      for (auto t = value.begin(); t != value.end(); ++t) {
        bool known = false;
        for (const ThresholdSpec& spec : KnownThresholds())
          known |= spec.name == t.key();
        if (!known) {
          return absl::InvalidArgumentError(absl::StrCat(
              source, ": thresholds.", t.key(), ": unknown threshold"));
        }
        if (!t.value().is_number() || t.value().get<double>() < 0) {
          return absl::InvalidArgumentError(
              absl::StrCat(source, ": thresholds.", t.key(),
                           ": must be a non-negative number"));
        }
        config.thresholds[t.key()] = t.value().get<double>();
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          source, ": unknown member \"", member,
          "\" (expected \"severities\", \"disabled\" or \"thresholds\")"));
    }
  }
  return config;
}

absl::StatusOr<ValidatorConfig> LoadValidatorConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot open the config file"));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseValidatorConfig(buffer.str(), path);
}

v1::Severity SeverityFor(const ValidatorConfig& config,
                         absl::string_view rule_id, v1::Severity fallback) {
  auto it = config.severities.find(rule_id);
  return it == config.severities.end() ? fallback : it->second;
}

bool IsEnabled(const ValidatorConfig& config, absl::string_view rule_id) {
  return !config.disabled.contains(rule_id);
}

}  // namespace govreport::validator
