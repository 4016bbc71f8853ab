#ifndef GOVREPORT_VALIDATOR_SVC_RULES_FEE_NOTICE_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_FEE_NOTICE_H_

// FEE-NOTICE (WARNING). t3.other.unpaid_fee.total > 0 (applications dropped for
// unpaid fees) while the text reports no fee notices, or fewer notices than
// that.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class FeeNoticeRule : public Rule {
 public:
  absl::string_view id() const override { return "FEE-NOTICE"; }
  v1::Severity default_severity() const override {
    return v1::SEVERITY_WARNING;
  }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_FEE_NOTICE_H_
