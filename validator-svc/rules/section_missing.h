#ifndef GOVREPORT_VALIDATOR_SVC_RULES_SECTION_MISSING_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_SECTION_MISSING_H_

// SECTION-MISSING (WARNING). One finding per mandated section (一..六) that the
// report lacks; reports of the pre-2019 eras (other structure) are not checked.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class SectionMissingRule : public Rule {
 public:
  absl::string_view id() const override { return "SECTION-MISSING"; }
  v1::Severity default_severity() const override {
    return v1::SEVERITY_WARNING;
  }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_SECTION_MISSING_H_
