#ifndef GOVREPORT_VALIDATOR_SVC_RULE_REGISTRY_H_
#define GOVREPORT_VALIDATOR_SVC_RULE_REGISTRY_H_

// The single-report rules, in the order findings are reported. Adding a rule
// means adding rules/<id>.{h,cc} and one line in rule_registry.cc.
//
// Thread-safe: the registry is built once and never changes.

#include <vector>

#include "absl/strings/string_view.h"
#include "validator-svc/rule.h"

namespace govreport::validator {

// Every single-report rule of CONTRACT.md section 4, registry order.
const std::vector<const Rule*>& AllRules();

// The rule with this id, or nullptr.
const Rule* FindRule(absl::string_view id);

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULE_REGISTRY_H_
