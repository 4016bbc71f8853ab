#ifndef GOVREPORT_AGGREGATOR_SVC_AGGREGATOR_H_
#define GOVREPORT_AGGREGATOR_SVC_AGGREGATOR_H_

// The embedded aggregator: stores parsed reports with their findings and
// answers regional questions. No network: aggregator_service.h serves it over
// gRPC, and `govreport analyze` runs it in-process on SQLite.
//
//   AggregatorOptions options;
//   options.dsn = "sqlite:///tmp/r.db";
//   options.gazetteer = gazetteer.get();
//   ASSIGN_OR_RETURN(auto aggregator, Aggregator::Open(std::move(options)));
//   v1::IngestResponse r = aggregator->Ingest({report, findings});
//   ASSIGN_OR_RETURN(auto stats, aggregator->GetRegionStats(request));
//
// Ingest semantics:
//   - idempotent: a report id (SHA-256 of the document's bytes) already stored
//     is DUPLICATE and changes nothing;
//   - a newer version (a different id) of the same agency, region and year
//     supersedes the stored one: statistics subtract the old and add the new,
//     the old stays listed with superseded = true;
//   - each report is attached to its region path from the gazetteer (retired
//     codes under their successors) and counted at every level of it; an
//     unknown region counts under "unresolved"; documents that are not annual
//     reports or have no year are stored but not counted;
//   - cross-report rules run at ingest against the same agency's previous year
//     and other reports of the same county-level scope, and are re-evaluated
//     for the reports a new arrival concerns (next year, similar texts, a
//     superseded version they named).
// Everything of one report (row, findings, rollups at every level) commits in
// one transaction. Concurrent ingests are group-committed by one writer
// thread; items queued by one thread commit in the order queued.
//
// Thread-safe.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "aggregator-svc/store/store.h"
#include "common/regions/gazetteer.h"
#include "govreport/v1/aggregator.pb.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"
#include "validator-svc/config.h"
#include "validator-svc/cross_report.h"

namespace govreport::aggregator {

struct AggregatorOptions {
  // sqlite:///abs/path.db or postgresql://user@host:port/dbname.
  std::string dsn;
  // Required; must outlive the aggregator.
  const regions::Gazetteer* gazetteer = nullptr;
  // Severities, thresholds and disabled rules for the cross-report rules.
  validator::ValidatorConfig validator_config;
  // Run CARRY-CONTINUITY, STOCK-CONTINUITY and TEXT-REUSE at ingest.
  bool cross_report = true;
  // Most items one transaction commits.
  int max_batch = 512;
  // Attempts for a batch whose transaction failed on a lost connection,
  // deadlock or busy database, with backoff between them.
  int write_attempts = 8;
};

// A parsed report and its single-report findings, ready to store.
struct ParsedReport {
  ParsedReport() = default;
  ParsedReport(v1::Report report, std::vector<v1::Finding> findings)
      : report(std::move(report)), findings(std::move(findings)) {}

  v1::Report report;
  std::vector<v1::Finding> findings;
  // What TEXT-REUSE keeps of the text; Aggregator::Prepare fills it (on the
  // caller's thread), IngestAsync does when it is absent.
  std::optional<validator::TextFingerprint> fingerprint;
};

class Aggregator {
 public:
  // Opens the store (applying migrations) and starts the writer.
  static absl::StatusOr<std::unique_ptr<Aggregator>> Open(
      AggregatorOptions options);
  // Commits what is queued, then stops the writer.
  ~Aggregator();

  using IngestCallback = std::function<void(v1::IngestResponse)>;

  // The CPU work of ingest that needs no database (the text fingerprint), so
  // that parallel callers can do it before queueing. Thread-safe.
  void Prepare(ParsedReport& item) const;

  // Queues one report; `done` runs on the writer thread once its transaction
  // committed (outcome STORED, DUPLICATE or SUPERSEDED_PREVIOUS) or failed
  // (FAILED with error_code and error_message). Never blocks on the database.
  void IngestAsync(ParsedReport item, IngestCallback done);

  // IngestAsync and wait.
  v1::IngestResponse Ingest(ParsedReport item);

  // The bulk path: queues all and waits; results in input order.
  std::vector<v1::IngestResponse> IngestBatch(std::vector<ParsedReport> items);

  // Every metric of a region (any level, the 6-digit GB/T 2260 form, or
  // "unresolved") and year, optionally for one agency kind, and the findings
  // per rule. INVALID_ARGUMENT for a bad year or kind, NOT_FOUND for a code
  // the gazetteer does not know.
  absl::StatusOr<v1::GetRegionStatsResponse> GetRegionStats(
      const v1::GetRegionStatsRequest& request) const;
  absl::StatusOr<v1::GetTimeSeriesResponse> GetTimeSeries(
      const v1::GetTimeSeriesRequest& request) const;
  absl::StatusOr<v1::GetRankingResponse> GetRanking(
      const v1::GetRankingRequest& request) const;
  absl::StatusOr<v1::ListChildrenResponse> ListChildren(
      const v1::ListChildrenRequest& request) const;
  absl::StatusOr<v1::ListReportsResponse> ListReports(
      const v1::ListReportsRequest& request) const;
  absl::StatusOr<v1::GetReportResponse> GetReport(
      const v1::GetReportRequest& request) const;

  // Every metric row of every region, year and (when by_kind) agency kind
  // with counted reports: the metrics export of CONTRACT.md section 3.
  absl::StatusOr<std::vector<v1::MetricValue>> ExportMetrics(
      bool by_kind) const;

  // Where the data lives, without secrets.
  std::string store_description() const;

 private:
  struct Impl;
  explicit Aggregator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_AGGREGATOR_H_
