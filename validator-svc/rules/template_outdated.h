#ifndef GOVREPORT_VALIDATOR_SVC_RULES_TEMPLATE_OUTDATED_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_TEMPLATE_OUTDATED_H_

// TEMPLATE-OUTDATED (WARNING). A report for 2021 or later whose tables follow
// the 2019 trial format, a hybrid of the two, or a pre-2019 statistics table.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class TemplateOutdatedRule : public Rule {
 public:
  absl::string_view id() const override { return "TEMPLATE-OUTDATED"; }
  v1::Severity default_severity() const override {
    return v1::SEVERITY_WARNING;
  }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_TEMPLATE_OUTDATED_H_
