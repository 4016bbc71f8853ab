#include "aggregator-svc/rollup_delta.h"

#include <utility>

namespace govreport::aggregator {

v1::RegionLevel LevelOfCode(absl::string_view code) {
  switch (code.size()) {
    case 2:
      return v1::REGION_LEVEL_PROVINCE;
    case 4:
      return v1::REGION_LEVEL_PREFECTURE;
    case 6:
      return v1::REGION_LEVEL_COUNTY;
    case 9:
      return v1::REGION_LEVEL_TOWNSHIP;
    default:
      return code == kUnresolvedRegion ? v1::REGION_LEVEL_UNRESOLVED
                                       : v1::REGION_LEVEL_UNSPECIFIED;
  }
}

void RollupDelta::Apply(const ReportHeader& h,
                        absl::Span<const v1::Finding> findings, int sign) {
  if (!h.counted) return;
  // Findings per (rule, severity) of this report.
  std::map<std::pair<std::string, int>, int64_t> per_rule;
  for (const v1::Finding& f : findings)
    ++per_rule[{f.rule(), static_cast<int>(f.severity())}];

  for (size_t i = 0; i < h.region_path.size(); ++i) {
    const std::string& code = h.region_path[i];
    RollupChange& ch = rollups_[{code, h.year, h.agency_kind}];
    if (ch.region_code.empty()) {
      ch.region_code = code;
      ch.year = h.year;
      ch.agency_kind = h.agency_kind;
      ch.parent_code = i == 0 ? "" : h.region_path[i - 1];
      ch.level = LevelOfCode(code);
    }
    AddSums(ch.sums, h.contribution, sign);
    for (const auto& [rule_severity, count] : per_rule) {
      RuleChange& rc = rules_[{code, h.year, h.agency_kind, rule_severity.first,
                               rule_severity.second}];
      if (rc.region_code.empty()) {
        rc.region_code = code;
        rc.year = h.year;
        rc.agency_kind = h.agency_kind;
        rc.rule = rule_severity.first;
        rc.severity = rule_severity.second;
      }
      rc.findings += sign * count;
      rc.reports += sign;
    }
  }
}

void RollupDelta::Merge(const RollupDelta& other) {
  for (const auto& [key, ch] : other.rollups_) {
    auto [it, inserted] = rollups_.try_emplace(key, ch);
    if (!inserted) AddSums(it->second.sums, ch.sums, 1);
  }
  for (const auto& [key, rc] : other.rules_) {
    auto [it, inserted] = rules_.try_emplace(key, rc);
    if (!inserted) {
      it->second.findings += rc.findings;
      it->second.reports += rc.reports;
    }
  }
}

std::vector<RollupChange> RollupDelta::RollupChanges() const {
  std::vector<RollupChange> out;
  for (const auto& [key, ch] : rollups_) {
    bool zero = true;
    for (int64_t v : ch.sums) zero = zero && v == 0;
    if (!zero) out.push_back(ch);
  }
  return out;
}

std::vector<RuleChange> RollupDelta::RuleChanges() const {
  std::vector<RuleChange> out;
  for (const auto& [key, rc] : rules_) {
    if (rc.findings != 0 || rc.reports != 0) out.push_back(rc);
  }
  return out;
}

}  // namespace govreport::aggregator
