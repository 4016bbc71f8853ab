#ifndef GOVREPORT_VALIDATOR_SVC_RULES_CELL_INVALID_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_CELL_INVALID_H_

// CELL-INVALID (ERROR). One finding per cell holding text where a number
// belongs, a negative count (except the V2019 增/减 deltas) or a fraction where
// a count belongs.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class CellInvalidRule : public Rule {
 public:
  absl::string_view id() const override { return "CELL-INVALID"; }
  v1::Severity default_severity() const override { return v1::SEVERITY_ERROR; }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_CELL_INVALID_H_
