#ifndef GOVREPORT_VALIDATOR_SVC_RULES_LABEL_MODIFIED_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_LABEL_MODIFIED_H_

// LABEL-MODIFIED (INFO). A table label the parser matched only tolerantly that
// differs from the template beyond spacing, punctuation and numbering style.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class LabelModifiedRule : public Rule {
 public:
  absl::string_view id() const override { return "LABEL-MODIFIED"; }
  v1::Severity default_severity() const override { return v1::SEVERITY_INFO; }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_LABEL_MODIFIED_H_
