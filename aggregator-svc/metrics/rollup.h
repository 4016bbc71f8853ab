#ifndef GOVREPORT_AGGREGATOR_SVC_METRICS_ROLLUP_H_
#define GOVREPORT_AGGREGATOR_SVC_METRICS_ROLLUP_H_

// The sums every metric of CONTRACT.md section 5 is computed from. Cells are
// summed over reports first and ratios taken afterwards (metric_registry.h),
// so a region's statistics are one vector of sums, kept per (region, year,
// agency kind) at every level of each report's region path.
//
// Every accumulator is an integer (fees in millionths of 万元) so that adding
// a report and later subtracting it when a newer version supersedes it leaves
// exactly what was there before. A null cell adds 0.

#include <array>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"

namespace govreport::aggregator {

enum Accumulator : int {
  kReports,
  kAgencies,  // Reports with a named agency: each is one agency, since a
              // newer version of an agency's year supersedes the older.
  kNewNatural,
  kNewCommercial,
  kNewResearch,
  kNewSocial,
  kNewLegalSvc,
  kNewOtherOrg,
  kNewTotal,
  kCarriedInTotal,
  kTotalDoneTotal,
  kCarryOutTotal,
  kGrantedTotal,
  kPartialTotal,
  kDenyTotal,    // Σ t3.deny.*.total
  kUnableTotal,  // Σ t3.unable.*.total
  kNoprocTotal,  // Σ t3.noproc.*.total
  kOtherTotal,   // Σ t3.other.*.total
  kNotHeldTotal,
  kReviewTotal,
  kReviewCorrected,
  kReviewPending,
  kLawsuitTotal,  // lit_direct + lit_after_review
  kLawsuitCorrected,
  kLawsuitPending,
  kRulesIssued,
  kNormativeIssued,
  kLicensingDecisions,
  kPenaltyDecisions,
  kCoercionDecisions,
  kFeesMicroWan,            // t2.fees.amount_wan × 10⁶, rounded.
  kZeroApplicationReports,  // t3.new.total is 0 (a null total is not 0).
  kZeroReportReports,       // flagged ZERO-REPORT.
  kErrorFreeReports,        // no finding of severity ERROR.
  kAccumulatorCount
};

using Sums = std::array<int64_t, kAccumulatorCount>;

// Column names of the rollups table, in Accumulator order.
const std::array<absl::string_view, kAccumulatorCount>& AccumulatorColumns();

// What one counted report adds to the rollups of its region path.
Sums ReportContribution(const v1::Report& report,
                        absl::Span<const v1::Finding> findings);

// into += sign × delta.
void AddSums(Sums& into, const Sums& delta, int sign);

// A compact encoding kept beside each report, so that superseding it
// subtracts exactly what it added even if the definitions change later.
std::string EncodeSums(const Sums& sums);
absl::StatusOr<Sums> DecodeSums(absl::string_view bytes);

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_METRICS_ROLLUP_H_
