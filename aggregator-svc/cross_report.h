#ifndef GOVREPORT_AGGREGATOR_SVC_CROSS_REPORT_H_
#define GOVREPORT_AGGREGATOR_SVC_CROSS_REPORT_H_

// Runs the validator library's cross-report rules (validator-svc/
// cross_report.h) against what a write transaction sees:
//   - CARRY-CONTINUITY and STOCK-CONTINUITY against the current version of the
//     same agency's previous year;
//   - TEXT-REUSE against current reports of the same county-level scope in the
//     years Y-1..Y+1 whose MinHash shares a band key with this one (a few
//     candidates from an index, never every report of the region).
// A report's cross findings are a function of its current neighbours, so
// re-evaluating a report after a neighbour arrived or was superseded gives
// the same findings whatever the ingest order.
//
// Thread-compatible: used by the aggregator's writer thread.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "aggregator-svc/store/store.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"
#include "validator-svc/config.h"
#include "validator-svc/cross_report.h"

namespace govreport::aggregator {

// The region TEXT-REUSE compares within: the county of the path (the
// prefecture or province for reports resolved no further), or "unresolved".
std::string TextReuseScope(const ReportHeader& header);

// The band keys that index a fingerprint: single MinHash slots, salted by
// their position and the fingerprint scheme.
BandKeys FingerprintBands(const validator::TextFingerprint& fingerprint);

StoredFingerprint ToStored(const validator::TextFingerprint& fingerprint);
validator::TextFingerprint FromStored(const StoredFingerprint& stored);

// What a report's arrival yields: its own cross findings and the stored
// reports whose cross findings may change because of it.
struct CrossReportResult {
  std::vector<v1::Finding> findings;
  std::vector<std::string> affected;
};

class CrossReportChecker {
 public:
  explicit CrossReportChecker(validator::ValidatorConfig config);

  // The cross findings of a report (stored or about to be) against the
  // current reports the transaction sees. `fingerprint` is absent for a
  // report without prose. With `find_affected`, also the ids of current
  // reports to re-evaluate: the same agency's next year, and the (at most
  // kMaxReevaluations) most similar reports that TEXT-REUSE would now flag
  // against this one and that have no TEXT-REUSE finding yet. Whether a
  // report is flagged does not depend on the ingest order; which report its
  // finding names may (the one that made it reach the threshold first). This
  // bounds the work of an arrival in a county where hundreds of reports share
  // their prose.
  absl::StatusOr<CrossReportResult> Evaluate(
      StoreTransaction& txn, const ReportHeader& header,
      const v1::Report& report,
      const std::optional<validator::TextFingerprint>& fingerprint,
      bool find_affected) const;

  static constexpr int kMaxCandidates = 64;
  static constexpr int kMaxReevaluations = 8;

 private:
  validator::ValidatorConfig config_;
};

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_CROSS_REPORT_H_
