#ifndef GOVREPORT_VALIDATOR_SVC_VALIDATOR_H_
#define GOVREPORT_VALIDATOR_SVC_VALIDATOR_H_

// Applies every single-report rule of CONTRACT.md section 4 to a parsed
// Report and returns the findings, each naming its rule, severity, cells,
// expected and actual values, source location and a Chinese message.
//
//   ASSIGN_OR_RETURN(ValidatorConfig config, LoadValidatorConfig(path));
//   Validator validator(config, gazetteer.get());
//   std::vector<v1::Finding> findings = validator.Validate(report);
//
// Findings come in rule registry order (rule_registry.cc), then cell order.
// A report with is_annual_report = false gets no findings. Cells are read by
// state: BLANK counts as 0 in identities and is itself a CELL-BLANK finding;
// INVALID and AMBIGUOUS cells make the identities involving them
// uncheckable (they are skipped, never guessed); ABSENT cells count as 0.
// Bad input never crashes: any Report proto is accepted.
//
// The cross-report rules (CARRY-CONTINUITY, STOCK-CONTINUITY, TEXT-REUSE)
// need other reports and live in cross_report.h.
//
// Thread-safe: Validate is const and may be called concurrently.

#include <vector>

#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"
#include "validator-svc/config.h"

namespace govreport::regions {
class Gazetteer;
}

namespace govreport::validator {

class Validator {
 public:
  // `gazetteer` (may be null; must outlive the validator) lets
  // AGENCY-MISMATCH recognise township names; without it that rule finds
  // nothing.
  explicit Validator(ValidatorConfig config = {},
                     const regions::Gazetteer* gazetteer = nullptr);

  std::vector<v1::Finding> Validate(const v1::Report& report) const;

  const ValidatorConfig& config() const { return config_; }

 private:
  ValidatorConfig config_;
  const regions::Gazetteer* gazetteer_;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_VALIDATOR_H_
