#include "aggregator-svc/metrics/rollup.h"

#include <cmath>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/report/cell_keys.h"
#include "common/report/cell_table.h"

namespace govreport::aggregator {
namespace {

int64_t Count(const CellTable& cells, absl::string_view key) {
  return std::llround(cells.ValueOr(key, 0));
}

int64_t T3GroupTotal(const CellTable& cells, absl::string_view group) {
  int64_t sum = 0;
  for (absl::string_view row : kT3Rows) {
    if (absl::StartsWith(row, group) && row.size() > group.size() &&
        row[group.size()] == '.') {
      sum += Count(cells, T3Key(row, "total"));
    }
  }
  return sum;
}

}  // namespace

const std::array<absl::string_view, kAccumulatorCount>& AccumulatorColumns() {
  static constexpr std::array<absl::string_view, kAccumulatorCount> kColumns = {
      "reports",
      "agencies",
      "new_natural",
      "new_commercial",
      "new_research",
      "new_social",
      "new_legal_svc",
      "new_other_org",
      "new_total",
      "carried_in_total",
      "total_done_total",
      "carry_out_total",
      "granted_total",
      "partial_total",
      "deny_total",
      "unable_total",
      "noproc_total",
      "other_total",
      "not_held_total",
      "review_total",
      "review_corrected",
      "review_pending",
      "lawsuit_total",
      "lawsuit_corrected",
      "lawsuit_pending",
      "rules_issued",
      "normative_issued",
      "licensing_decisions",
      "penalty_decisions",
      "coercion_decisions",
      "fees_micro_wan",
      "zero_application_reports",
      "zero_report_reports",
      "error_free_reports",
  };
  return kColumns;
}

Sums ReportContribution(const v1::Report& report,
                        absl::Span<const v1::Finding> findings) {
  CellTable cells(report);
  Sums s{};
  s[kReports] = 1;
  s[kAgencies] = report.agency().empty() ? 0 : 1;
  static constexpr Accumulator kNewColumns[] = {
      kNewNatural,  kNewCommercial, kNewResearch, kNewSocial,
      kNewLegalSvc, kNewOtherOrg,   kNewTotal};
  for (size_t i = 0; i < kT3Columns.size(); ++i) {
    s[kNewColumns[i]] = Count(cells, T3Key("new", kT3Columns[i]));
  }
  s[kCarriedInTotal] = Count(cells, "t3.carried_in.total");
  s[kTotalDoneTotal] = Count(cells, "t3.total_done.total");
  s[kCarryOutTotal] = Count(cells, "t3.carry_out.total");
  s[kGrantedTotal] = Count(cells, "t3.granted.total");
  s[kPartialTotal] = Count(cells, "t3.partial.total");
  s[kDenyTotal] = T3GroupTotal(cells, "deny");
  s[kUnableTotal] = T3GroupTotal(cells, "unable");
  s[kNoprocTotal] = T3GroupTotal(cells, "noproc");
  s[kOtherTotal] = T3GroupTotal(cells, "other");
  s[kNotHeldTotal] = Count(cells, "t3.unable.not_held.total");
  s[kReviewTotal] = Count(cells, "t4.review.total");
  s[kReviewCorrected] = Count(cells, "t4.review.corrected");
  s[kReviewPending] = Count(cells, "t4.review.pending");
  for (absl::string_view group : {"lit_direct", "lit_after_review"}) {
    s[kLawsuitTotal] += Count(cells, T4Key(group, "total"));
    s[kLawsuitCorrected] += Count(cells, T4Key(group, "corrected"));
    s[kLawsuitPending] += Count(cells, T4Key(group, "pending"));
  }
  s[kRulesIssued] = Count(cells, "t2.rules.issued");
  s[kNormativeIssued] = Count(cells, "t2.normative.issued");
  s[kLicensingDecisions] = Count(cells, "t2.licensing.decisions");
  s[kPenaltyDecisions] = Count(cells, "t2.penalty.decisions");
  s[kCoercionDecisions] = Count(cells, "t2.coercion.decisions");
  s[kFeesMicroWan] = std::llround(cells.ValueOr("t2.fees.amount_wan", 0) * 1e6);
  std::optional<double> new_total = cells.Value("t3.new.total");
  s[kZeroApplicationReports] = new_total.has_value() && *new_total == 0 ? 1 : 0;
  bool zero_report = false;
  bool error = false;
  for (const v1::Finding& f : findings) {
    if (f.rule() == "ZERO-REPORT") zero_report = true;
    if (f.severity() == v1::SEVERITY_ERROR) error = true;
  }
  s[kZeroReportReports] = zero_report ? 1 : 0;
  s[kErrorFreeReports] = error ? 0 : 1;
  return s;
}

void AddSums(Sums& into, const Sums& delta, int sign) {
  for (size_t i = 0; i < into.size(); ++i) into[i] += sign * delta[i];
}

std::string EncodeSums(const Sums& sums) {
  // Little-endian int64s; a shorter encoding (from an older version with
  // fewer accumulators) decodes with the missing ones as 0.
  std::string out(sums.size() * 8, '\0');
  for (size_t i = 0; i < sums.size(); ++i) {
    uint64_t v = static_cast<uint64_t>(sums[i]);
    for (int b = 0; b < 8; ++b)
      out[i * 8 + b] = static_cast<char>((v >> (8 * b)) & 0xff);
  }
  return out;
}

absl::StatusOr<Sums> DecodeSums(absl::string_view bytes) {
  if (bytes.size() % 8 != 0 || bytes.size() > kAccumulatorCount * 8) {
    return absl::DataLossError(
        absl::StrCat("stored contribution has ", bytes.size(), " bytes"));
  }
  Sums sums{};
  for (size_t i = 0; i < bytes.size() / 8; ++i) {
    uint64_t v = 0;
    for (int b = 0; b < 8; ++b) {
      v |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i * 8 + b]))
           << (8 * b);
    }
    sums[i] = static_cast<int64_t>(v);
  }
  return sums;
}

}  // namespace govreport::aggregator
