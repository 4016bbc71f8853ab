#ifndef GOVREPORT_VALIDATOR_SVC_CONFIG_H_
#define GOVREPORT_VALIDATOR_SVC_CONFIG_H_

// Rule configuration a province may tune: severities, thresholds and
// disabled rules. The defaults (an empty config) follow CONTRACT.md.
//
// File format (JSON; every member optional):
//   {"severities": {"CELL-BLANK": "ERROR", "ZERO-REPORT": "WARNING"},
//    "disabled": ["LABEL-MODIFIED"],
//    "thresholds": {"fee_unit_max_wan": 500000, "text_reuse_share": 0.7}}
// Rule ids are those of CONTRACT.md section 4 (single-report and
// cross-report); threshold names are those of KnownThresholds().
//
// Thread-safe: the config is a value; read it concurrently.

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "govreport/v1/finding.pb.h"

namespace govreport::validator {

struct ValidatorConfig {
  // Rule id -> severity override.
  absl::flat_hash_map<std::string, v1::Severity> severities;
  // Rule ids that are not run.
  absl::flat_hash_set<std::string> disabled;
  // Numeric thresholds by name (see KnownThresholds()).
  absl::flat_hash_map<std::string, double> thresholds;
};

// Threshold names with their contract defaults and meaning.
struct ThresholdSpec {
  absl::string_view name;
  double default_value;
  absl::string_view meaning;
};
const std::vector<ThresholdSpec>& KnownThresholds();
// The default of a known threshold; 0 for an unknown name.
double DefaultThreshold(absl::string_view name);

// Every rule id the config may name: the single-report rules of the
// registry and CARRY-CONTINUITY, STOCK-CONTINUITY, TEXT-REUSE.
bool IsKnownRuleId(absl::string_view id);

// Parses a config document; `source` names it in errors, which also name the
// offending key.
absl::StatusOr<ValidatorConfig> ParseValidatorConfig(
    absl::string_view json, absl::string_view source = "config");

// Reads a JSON config file; errors name the file and the offending key.
absl::StatusOr<ValidatorConfig> LoadValidatorConfig(const std::string& path);

// The severity of `rule_id` under `config`: the override, else `fallback`.
v1::Severity SeverityFor(const ValidatorConfig& config,
                         absl::string_view rule_id, v1::Severity fallback);

// True unless `rule_id` is disabled.
bool IsEnabled(const ValidatorConfig& config, absl::string_view rule_id);

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_CONFIG_H_
