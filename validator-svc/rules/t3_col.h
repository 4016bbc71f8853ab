#ifndef GOVREPORT_VALIDATOR_SVC_RULES_T3_COL_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_T3_COL_H_

// T3-COL (ERROR). For each table-3 row: 总计 = the sum of the six applicant
// columns. Blank cells count as 0; a row with an invalid or ambiguous cell is
// not checked.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class T3ColRule : public Rule {
 public:
  absl::string_view id() const override { return "T3-COL"; }
  v1::Severity default_severity() const override { return v1::SEVERITY_ERROR; }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_T3_COL_H_
