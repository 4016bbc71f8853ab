#ifndef GOVREPORT_VALIDATOR_SVC_RULES_T3_SUM_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_T3_SUM_H_

// T3-SUM (ERROR). For each table-3 column: （七）总计 = 予以公开 + 部分公开 +
// Σ不予公开 + Σ无法提供 + Σ不予处理 + Σ其他处理. Blank cells count as 0; a
// column with an invalid or ambiguous cell is not checked.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class T3SumRule : public Rule {
 public:
  absl::string_view id() const override { return "T3-SUM"; }
  v1::Severity default_severity() const override { return v1::SEVERITY_ERROR; }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_T3_SUM_H_
