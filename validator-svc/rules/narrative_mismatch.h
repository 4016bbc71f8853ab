#ifndef GOVREPORT_VALIDATOR_SVC_RULES_NARRATIVE_MISMATCH_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_NARRATIVE_MISMATCH_H_

// NARRATIVE-MISMATCH (WARNING). Figures stated in the prose that contradict the
// tables (收到/办结/予以公开/
// 部分公开/不予公开/无法提供/不予处理/其他处理/结转/行政复议/行政诉讼, also
// stated by negation such as 未收到申请), a 主动公开 total whose stated parts
// do not add up, and fee statements that contradict each other. A figure is
// compared only with table cells that hold values.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class NarrativeMismatchRule : public Rule {
 public:
  absl::string_view id() const override { return "NARRATIVE-MISMATCH"; }
  v1::Severity default_severity() const override {
    return v1::SEVERITY_WARNING;
  }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_NARRATIVE_MISMATCH_H_
