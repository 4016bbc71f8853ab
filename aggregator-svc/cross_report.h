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
// their position.
BandKeys FingerprintBands(const validator::TextFingerprint& fingerprint);

StoredFingerprint ToStored(const validator::TextFingerprint& fingerprint);
validator::TextFingerprint FromStored(const StoredFingerprint& stored);

class CrossReportChecker {
 public:
  explicit CrossReportChecker(validator::ValidatorConfig config);

  // The cross findings of a report (stored or about to be) against the
  // current reports the transaction sees. `fingerprint` is absent for a
  // report without prose.
  absl::StatusOr<std::vector<v1::Finding>> Evaluate(
      StoreTransaction& txn, const ReportHeader& header,
      const v1::Report& report,
      const std::optional<validator::TextFingerprint>& fingerprint) const;

  // Ids of current reports whose cross findings may change now that `header`
  // is current: the same agency's next year and reports whose text this one
  // resembles enough to be named by TEXT-REUSE.
  absl::StatusOr<std::vector<std::string>> Affected(
      StoreTransaction& txn, const ReportHeader& header,
      const std::optional<validator::TextFingerprint>& fingerprint) const;

 private:
  validator::ValidatorConfig config_;
};

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_CROSS_REPORT_H_
