#ifndef GOVREPORT_VALIDATOR_SVC_RULES_FEE_UNIT_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_FEE_UNIT_H_

// FEE-UNIT (WARNING). t2.fees.amount_wan larger than is plausible for the
// agency (thresholds fee_unit_max_wan, fee_unit_max_wan_township,
// fee_unit_max_wan_province): the figure was probably written in 元 into the
// 万元 cell.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class FeeUnitRule : public Rule {
 public:
  absl::string_view id() const override { return "FEE-UNIT"; }
  v1::Severity default_severity() const override {
    return v1::SEVERITY_WARNING;
  }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_FEE_UNIT_H_
