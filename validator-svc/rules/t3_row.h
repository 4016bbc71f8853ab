#ifndef GOVREPORT_VALIDATOR_SVC_RULES_T3_ROW_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_T3_ROW_H_

// T3-ROW (ERROR). For each table-3 column: 本年新收 + 上年结转 = 办理结果总计 +
// 结转下年度 (the template's 勾稽关系). Blank cells count as 0; a column with
// an invalid or ambiguous cell is not checked.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class T3RowRule : public Rule {
 public:
  absl::string_view id() const override { return "T3-ROW"; }
  v1::Severity default_severity() const override { return v1::SEVERITY_ERROR; }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_T3_ROW_H_
