#ifndef GOVREPORT_AGGREGATOR_SVC_STORE_STORE_H_
#define GOVREPORT_AGGREGATOR_SVC_STORE_STORE_H_

// Persistence for the aggregator: reports (cells with raw text and
// provenance), findings, the regions reports are attached to, and the rollups
// statistics are read from. The store executes; the ingest semantics
// (deduplication, supersession, which rollups change) live in aggregator.cc,
// which drives a StoreTransaction.
//
// Two backends share one implementation of the queries (sql_store.h): SQLite
// (sqlite:///abs/path.db) and PostgreSQL (postgresql://user@host:port/db).
// Schema migrations are applied when the store opens.
//
// Thread-safe: queries may run concurrently; write transactions are
// serialised within one process.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "aggregator-svc/metrics/rollup.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/metrics.pb.h"
#include "govreport/v1/report.pb.h"

namespace govreport::aggregator {

// The region bucket of reports whose region is unknown.
inline constexpr absl::string_view kUnresolvedRegion = "unresolved";

// Where a finding came from.
enum class FindingOrigin : int { kSingleReport = 0, kCrossReport = 1 };

// A stored report without its payload.
struct ReportHeader {
  std::string id;
  std::string source_name;
  int year = 0;  // 0 when unknown.
  std::string agency;
  std::string agency_kind;  // Contract name; "OTHER" when unspecified.
  std::string region_code;  // As parsed.
  std::string stat_region;  // Current code statistics use, or "unresolved".
  std::vector<std::string> region_path;  // Province down to stat_region.
  std::string template_name;
  bool is_annual_report = false;
  bool counted = false;  // Annual report with a year: contributes when current.
  bool current = true;   // False once superseded.
  std::string superseded_by;
  int errors = 0;
  int warnings = 0;
  int max_severity = 0;     // v1::Severity of the worst finding, 0 for none.
  std::string ingested_at;  // RFC 3339.
  Sums contribution{};
};

// What TEXT-REUSE keeps of a report (validator::TextFingerprint).
struct StoredFingerprint {
  std::string report_id;
  std::string agency;
  int year = 0;
  int64_t shingle_count = 0;
  std::string minhash;  // The MinHash values, 8 little-endian bytes each.
  // Set by SimilarFingerprints: the report has a TEXT-REUSE finding already.
  bool text_reuse_flagged = false;
};

// Number of band keys indexing a fingerprint.
inline constexpr int kFingerprintBands = 8;
using BandKeys = std::array<int64_t, kFingerprintBands>;

// A stored finding with its origin.
struct StoredFinding {
  FindingOrigin origin = FindingOrigin::kSingleReport;
  v1::Finding finding;
};

// A change to one rollup row: sums and counts are added (negative to
// subtract). parent_code and level are recorded when the row is created.
struct RollupChange {
  std::string region_code;
  int year = 0;
  std::string agency_kind;
  std::string parent_code;
  int level = 0;
  Sums sums{};
};

struct RuleChange {
  std::string region_code;
  int year = 0;
  std::string agency_kind;
  std::string rule;
  int severity = 0;
  int64_t findings = 0;
  int64_t reports = 0;
};

// One write transaction. Destroying it without Commit rolls back.
class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;

  virtual absl::StatusOr<std::optional<ReportHeader>> FindReport(
      absl::string_view id) = 0;
  // The counted, current version of an agency's year in a region, if any.
  virtual absl::StatusOr<std::optional<ReportHeader>> FindCurrentVersion(
      absl::string_view agency, absl::string_view stat_region, int year) = 0;
  virtual absl::StatusOr<v1::Report> LoadReport(absl::string_view id) = 0;
  virtual absl::StatusOr<std::vector<StoredFinding>> LoadFindings(
      absl::string_view id) = 0;

  // Inserts the report row, its region links and its findings. ALREADY_EXISTS
  // when the id is stored (or another version became current meanwhile).
  virtual absl::Status InsertReport(
      const ReportHeader& header, const v1::Report& report,
      const std::vector<StoredFinding>& findings) = 0;
  // Marks a report superseded by `by` and drops its TEXT-REUSE band keys
  // (only current reports are candidates).
  virtual absl::Status MarkSuperseded(absl::string_view id,
                                      absl::string_view by) = 0;
  // Replaces the report's findings of one origin and its finding counts and
  // contribution (which depend on them).
  virtual absl::Status ReplaceFindings(
      const ReportHeader& updated, FindingOrigin origin,
      const std::vector<v1::Finding>& findings) = 0;
  virtual absl::Status UpsertRegion(const v1::Region& region) = 0;
  virtual absl::Status ApplyRollups(
      const std::vector<RollupChange>& changes,
      const std::vector<RuleChange>& rule_changes) = 0;

  // Records a fingerprint under a scope (the county-level region) and year.
  virtual absl::Status PutFingerprint(const StoredFingerprint& fingerprint,
                                      absl::string_view scope,
                                      const BandKeys& bands) = 0;
  // Fingerprints of current reports in `scope`, years year-1..year+1, that
  // share at least one band key, except `exclude_id`; at most `limit`.
  virtual absl::StatusOr<std::vector<StoredFingerprint>> SimilarFingerprints(
      absl::string_view scope, int year, const BandKeys& bands,
      absl::string_view exclude_id, int limit) = 0;
  virtual absl::StatusOr<std::optional<StoredFingerprint>> LoadFingerprint(
      absl::string_view id) = 0;
  // Ids of reports whose cross-report findings name `id`.
  virtual absl::StatusOr<std::vector<std::string>> ReportsReferencing(
      absl::string_view id) = 0;

  // Nested undo points for one item of a batch.
  virtual absl::Status Savepoint() = 0;
  virtual absl::Status ReleaseSavepoint() = 0;
  virtual absl::Status RollbackToSavepoint() = 0;

  virtual absl::Status Commit() = 0;
};

// Filters of ListReports. Empty / 0 means any.
struct ReportFilter {
  std::string region_code;  // Normalised gazetteer code or "unresolved".
  int year = 0;
  std::string agency_kind;
  std::string rule;
  int min_severity = 0;
  bool include_superseded = false;
  int page_size = 50;
  std::string after_id;  // Keyset paging: ids greater than this.
};

struct ReportPage {
  std::vector<ReportHeader> reports;
  int64_t total = 0;
  bool more = false;
};

struct StoredReport {
  ReportHeader header;
  v1::Report report;
  std::vector<StoredFinding> findings;
};

// One rollup row summed over the agency kinds asked for.
struct RollupRow {
  std::string region_code;
  int year = 0;
  std::string agency_kind;  // "" when summed over kinds.
  int level = 0;
  Sums sums{};
};

class Store {
 public:
  virtual ~Store() = default;

  // Blocks until no other write transaction of this store is open.
  virtual absl::StatusOr<std::unique_ptr<StoreTransaction>> BeginWrite() = 0;

  // Sums of one region and year over one kind ("" for all kinds); all zero
  // when nothing is stored.
  virtual absl::StatusOr<Sums> RegionSums(absl::string_view region, int year,
                                          absl::string_view agency_kind) = 0;
  // Per year, ascending; from/to 0 mean unbounded.
  virtual absl::StatusOr<std::vector<RollupRow>> YearSums(
      absl::string_view region, absl::string_view agency_kind, int from_year,
      int to_year) = 0;
  // Per child of `parent` ("" for the provinces) with reports in that year.
  virtual absl::StatusOr<std::vector<RollupRow>> ChildSums(
      absl::string_view parent, int year, absl::string_view agency_kind) = 0;
  // Every stored rollup row; by_kind false sums the kinds of each region/year.
  virtual absl::StatusOr<std::vector<RollupRow>> AllSums(bool by_kind) = 0;
  // Findings per rule and severity, ordered by rule then severity.
  virtual absl::StatusOr<std::vector<v1::RuleCount>> RuleCounts(
      absl::string_view region, int year, absl::string_view agency_kind) = 0;

  virtual absl::StatusOr<ReportPage> ListReports(
      const ReportFilter& filter) = 0;
  // NOT_FOUND when no report has this id.
  virtual absl::StatusOr<StoredReport> GetReport(absl::string_view id) = 0;

  // "sqlite:///path" or the PostgreSQL URI without password.
  virtual std::string description() const = 0;
};

// Opens the store a DSN names and applies pending migrations:
// sqlite:///abs/path.db (the file and its folder are created) or
// postgresql://user@host:port/dbname (postgres:// too).
absl::StatusOr<std::unique_ptr<Store>> OpenStore(absl::string_view dsn);

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_STORE_STORE_H_
