#ifndef GOVREPORT_VALIDATOR_SVC_RULES_CELL_BLANK_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_CELL_BLANK_H_

// CELL-BLANK (WARNING). One finding per table listing its blank cells (empty,
// "/", "—", "无"). Ambiguous cells (unresolved run-together digits) and cells
// the template version does not have are not blanks.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class CellBlankRule : public Rule {
 public:
  absl::string_view id() const override { return "CELL-BLANK"; }
  v1::Severity default_severity() const override {
    return v1::SEVERITY_WARNING;
  }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_CELL_BLANK_H_
