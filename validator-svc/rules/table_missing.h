#ifndef GOVREPORT_VALIDATOR_SVC_RULES_TABLE_MISSING_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_TABLE_MISSING_H_

// TABLE-MISSING (ERROR). One finding per standard table (2, 3, 4) whose heading
// is present without cells, or that is absent. Reports of the pre-2019 eras
// have no standard tables and are not checked.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class TableMissingRule : public Rule {
 public:
  absl::string_view id() const override { return "TABLE-MISSING"; }
  v1::Severity default_severity() const override { return v1::SEVERITY_ERROR; }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_TABLE_MISSING_H_
