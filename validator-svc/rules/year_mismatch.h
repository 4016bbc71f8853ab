#ifndef GOVREPORT_VALIDATOR_SVC_RULES_YEAR_MISMATCH_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_YEAR_MISMATCH_H_

// YEAR-MISMATCH (WARNING). The year written in the title differs from the
// statistics year.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class YearMismatchRule : public Rule {
 public:
  absl::string_view id() const override { return "YEAR-MISMATCH"; }
  v1::Severity default_severity() const override {
    return v1::SEVERITY_WARNING;
  }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_YEAR_MISMATCH_H_
