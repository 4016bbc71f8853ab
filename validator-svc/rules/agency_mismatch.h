#ifndef GOVREPORT_VALIDATOR_SVC_RULES_AGENCY_MISMATCH_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_AGENCY_MISMATCH_H_

// AGENCY-MISMATCH (WARNING). A 乡/镇/街道 report whose prose names another
// township (a copied report). Township names are recognised with the gazetteer;
// without one the rule checks nothing rather than guess from words that merely
// end in 镇 or 乡.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class AgencyMismatchRule : public Rule {
 public:
  absl::string_view id() const override { return "AGENCY-MISMATCH"; }
  v1::Severity default_severity() const override {
    return v1::SEVERITY_WARNING;
  }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_AGENCY_MISMATCH_H_
