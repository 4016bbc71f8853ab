#ifndef GOVREPORT_VALIDATOR_SVC_RULES_T4_SUM_H_
#define GOVREPORT_VALIDATOR_SVC_RULES_T4_SUM_H_

// T4-SUM (ERROR). For each table-4 group: 总计 = 结果维持 + 结果纠正 + 其他结果
// + 尚未审结.
//
// Thread-safe: stateless.

#include <vector>

#include "validator-svc/rule.h"

namespace govreport::validator {

class T4SumRule : public Rule {
 public:
  absl::string_view id() const override { return "T4-SUM"; }
  v1::Severity default_severity() const override { return v1::SEVERITY_ERROR; }
  void Check(const RuleContext& ctx,
             std::vector<v1::Finding>& out) const override;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULES_T4_SUM_H_
