#include "validator-svc/validator.h"

#include <utility>

#include "validator-svc/rule.h"
#include "validator-svc/rule_registry.h"

namespace govreport::validator {

Validator::Validator(ValidatorConfig config,
                     const regions::Gazetteer* gazetteer)
    : config_(std::move(config)), gazetteer_(gazetteer) {}

std::vector<v1::Finding> Validator::Validate(const v1::Report& report) const {
  std::vector<v1::Finding> findings;
  if (!report.is_annual_report()) return findings;
  RuleContext ctx(report, config_, gazetteer_);
  for (const Rule* rule : AllRules()) {
    if (!IsEnabled(config_, rule->id())) continue;
    size_t first = findings.size();
    rule->Check(ctx, findings);
    v1::Severity severity =
        SeverityFor(config_, rule->id(), rule->default_severity());
    for (size_t i = first; i < findings.size(); ++i) {
      findings[i].set_rule(std::string(rule->id()));
      findings[i].set_severity(severity);
    }
  }
  return findings;
}

}  // namespace govreport::validator
