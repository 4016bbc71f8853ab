#include "aggregator-svc/metrics/metric_registry.h"

#include <string>

#include "absl/container/flat_hash_map.h"

namespace govreport::aggregator {
namespace {

std::optional<double> Ratio(int64_t numerator, int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

// Σ of one accumulator.
MetricDefinition SumOf(absl::string_view id, Accumulator a) {
  return {id, [a](const Sums& s) -> std::optional<double> {
            return static_cast<double>(s[a]);
          }};
}

// Σ numerator / Σ t3.total_done.total.
MetricDefinition ShareOfDone(absl::string_view id, Accumulator a) {
  return {id, [a](const Sums& s) { return Ratio(s[a], s[kTotalDoneTotal]); }};
}

// Σ t3.new.<col> / Σ t3.new.total.
MetricDefinition ShareOfNew(absl::string_view id, Accumulator a) {
  return {id, [a](const Sums& s) { return Ratio(s[a], s[kNewTotal]); }};
}

// Σ of a count of reports / Σ reports.
MetricDefinition ShareOfReports(absl::string_view id, Accumulator a) {
  return {id, [a](const Sums& s) { return Ratio(s[a], s[kReports]); }};
}

std::vector<MetricDefinition> BuildRegistry() {
  return {
      SumOf("reports", kReports),
      SumOf("agencies", kAgencies),
      SumOf("applications_new", kNewTotal),
      {"applications_accepted",
       [](const Sums& s) -> std::optional<double> {
         return static_cast<double>(s[kNewTotal] + s[kCarriedInTotal]);
       }},
      SumOf("applications_done", kTotalDoneTotal),
      SumOf("carry_out", kCarryOutTotal),
      ShareOfDone("granted_rate", kGrantedTotal),
      {"disclosed_rate",
       [](const Sums& s) {
         return Ratio(s[kGrantedTotal] + s[kPartialTotal], s[kTotalDoneTotal]);
       }},
      ShareOfDone("denied_rate", kDenyTotal),
      ShareOfDone("unable_rate", kUnableTotal),
      ShareOfDone("noproc_rate", kNoprocTotal),
      ShareOfDone("other_rate", kOtherTotal),
      ShareOfDone("not_held_share", kNotHeldTotal),
      ShareOfNew("applicant_mix.natural", kNewNatural),
      ShareOfNew("applicant_mix.commercial", kNewCommercial),
      ShareOfNew("applicant_mix.research", kNewResearch),
      ShareOfNew("applicant_mix.social", kNewSocial),
      ShareOfNew("applicant_mix.legal_svc", kNewLegalSvc),
      ShareOfNew("applicant_mix.other_org", kNewOtherOrg),
      SumOf("reviews", kReviewTotal),
      {"review_correction_rate",
       [](const Sums& s) {
         return Ratio(s[kReviewCorrected], s[kReviewTotal] - s[kReviewPending]);
       }},
      SumOf("lawsuits", kLawsuitTotal),
      {"lawsuit_correction_rate",
       [](const Sums& s) {
         return Ratio(s[kLawsuitCorrected],
                      s[kLawsuitTotal] - s[kLawsuitPending]);
       }},
      SumOf("rules_issued", kRulesIssued),
      SumOf("normative_issued", kNormativeIssued),
      SumOf("licensing_decisions", kLicensingDecisions),
      SumOf("penalty_decisions", kPenaltyDecisions),
      SumOf("coercion_decisions", kCoercionDecisions),
      {"fees_wan",
       [](const Sums& s) -> std::optional<double> {
         return static_cast<double>(s[kFeesMicroWan]) / 1e6;
       }},
      ShareOfReports("zero_application_share", kZeroApplicationReports),
      ShareOfReports("zero_report_share", kZeroReportReports),
      ShareOfReports("consistency_pass_rate", kErrorFreeReports),
  };
}

}  // namespace

const std::vector<MetricDefinition>& MetricRegistry() {
  static const std::vector<MetricDefinition>* registry =
      new std::vector<MetricDefinition>(BuildRegistry());
  return *registry;
}

const MetricDefinition* FindMetric(absl::string_view id) {
  static const auto* index = [] {
    auto* map = new absl::flat_hash_map<std::string, const MetricDefinition*>();
    for (const MetricDefinition& m : MetricRegistry()) map->emplace(m.id, &m);
    return map;
  }();
  auto it = index->find(id);
  return it == index->end() ? nullptr : it->second;
}

}  // namespace govreport::aggregator
