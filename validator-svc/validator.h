#ifndef GOVREPORT_VALIDATOR_SVC_VALIDATOR_H_
#define GOVREPORT_VALIDATOR_SVC_VALIDATOR_H_

// Applies every single-report rule of CONTRACT.md section 4 to a parsed
// Report and returns the findings, each naming its rule, severity, cells,
// expected and actual values, source location and a Chinese message.
//
//   ASSIGN_OR_RETURN(ValidatorConfig config, LoadValidatorConfig(path));
//   Validator validator(config);
//   std::vector<v1::Finding> findings = validator.Validate(report);
//
// A report with is_annual_report = false gets no findings.
//
// Thread-safe: Validate is const.

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"

namespace govreport::validator {

// Tuning a province may apply; the defaults follow the contract.
struct ValidatorConfig {
  // Rule id -> severity override.
  absl::flat_hash_map<std::string, v1::Severity> severities;
  // Rule ids that are not run.
  absl::flat_hash_set<std::string> disabled;
  // Numeric thresholds by name (e.g. "fee_unit_max_wan", "text_reuse_share").
  absl::flat_hash_map<std::string, double> thresholds;
};

// Reads a JSON config file; errors name the file and the offending key.
absl::StatusOr<ValidatorConfig> LoadValidatorConfig(const std::string& path);

class Validator {
 public:
  explicit Validator(ValidatorConfig config = {});

  std::vector<v1::Finding> Validate(const v1::Report& report) const;

 private:
  ValidatorConfig config_;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_VALIDATOR_H_
