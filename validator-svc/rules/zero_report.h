#ifndef GOVREPORT_VALIDATOR_SVC_RULES_ZERO_REPORT_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_ZERO_REPORT_H_

// ZERO-REPORT (INFO). Tables 3 and 4 hold only zeros (every cell with a value
// is 0, none is unreadable).
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class ZeroReportRule : public Rule {
 public:
  absl::string_view id() const override { return "ZERO-REPORT"; }
  v1::Severity default_severity() const override { return v1::SEVERITY_INFO; }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_ZERO_REPORT_H_
