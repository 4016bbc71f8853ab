#include "aggregator-svc/aggregator.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "aggregator-svc/cross_report.h"
#include "aggregator-svc/metrics/metric_registry.h"
#include "aggregator-svc/rollup_delta.h"
#include "common/report/enum_names.h"
#include "common/status_macros.h"

namespace govreport::aggregator {
namespace {

constexpr absl::string_view kUnresolvedName = "未识别地区";

struct QueueItem {
  ParsedReport item;
  Aggregator::IngestCallback done;
};

v1::IngestResponse Failed(const v1::Report& report,
                          const absl::Status& status) {
  v1::IngestResponse r;
  r.set_name(report.source_name());
  r.set_report_id(report.id());
  r.set_outcome(v1::INGEST_OUTCOME_FAILED);
  r.set_error_code(static_cast<int>(status.code()));
  r.set_error_message(std::string(status.message()));
  return r;
}

bool Retryable(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsAborted(status);
}

void CountSeverities(ReportHeader& h, absl::Span<const v1::Finding> findings) {
  h.errors = h.warnings = h.max_severity = 0;
  for (const v1::Finding& f : findings) {
    if (f.severity() == v1::SEVERITY_ERROR) ++h.errors;
    if (f.severity() == v1::SEVERITY_WARNING) ++h.warnings;
    h.max_severity = std::max(h.max_severity, static_cast<int>(f.severity()));
  }
}

std::vector<v1::Finding> Concat(const std::vector<v1::Finding>& a,
                                const std::vector<v1::Finding>& b) {
  std::vector<v1::Finding> out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

bool SameFindings(const std::vector<v1::Finding>& a,
                  const std::vector<v1::Finding>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].SerializeAsString() != b[i].SerializeAsString()) return false;
  }
  return true;
}

absl::StatusOr<std::string> ParseKind(absl::string_view kind) {
  if (kind.empty()) return std::string();
  if (!ParseAgencyKind(kind).has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown agency kind \"", kind,
                     "\"; expected GOVERNMENT, GOVERNMENT_OFFICE, DEPARTMENT, "
                     "TOWNSHIP, ZONE_COMMITTEE or "
                     "OTHER"));
  }
  return std::string(kind);
}

absl::Status CheckYear(int year) {
  if (year < 1900 || year > 2200) {
    return absl::InvalidArgumentError(
        absl::StrCat("year ", year, " is not a reporting year"));
  }
  return absl::OkStatus();
}

}  // namespace

struct Aggregator::Impl {
  AggregatorOptions options;
  std::unique_ptr<Store> store;
  std::optional<CrossReportChecker> checker;

  std::mutex mu;
  std::condition_variable cv;
  std::deque<QueueItem> queue;
  bool stopping = false;
  std::thread writer;

  // Regions written to the regions table by committed transactions, and by
  // the items of the open one that succeeded (writer thread only).
  absl::flat_hash_set<std::string> known_regions;
  absl::flat_hash_set<std::string> batch_regions;

  // ------------------------------------------------------------ regions

  absl::StatusOr<v1::Region> QueryRegion(absl::string_view code) const {
    v1::Region region;
    if (code == kUnresolvedRegion) {
      region.set_code(std::string(kUnresolvedRegion));
      region.set_name(std::string(kUnresolvedName));
      region.set_level(v1::REGION_LEVEL_UNRESOLVED);
      return region;
    }
    const regions::Division* d = options.gazetteer->Find(code);
    if (d == nullptr) {
      return absl::NotFoundError(
          absl::StrCat("region code \"", code, "\" is not in the gazetteer"));
    }
    region.set_code(d->code);
    region.set_name(d->name);
    region.set_level(d->level);
    region.set_parent_code(d->parent_code);
    return region;
  }

  std::string RegionName(absl::string_view code) const {
    if (code == kUnresolvedRegion) return std::string(kUnresolvedName);
    const regions::Division* d = options.gazetteer->Find(code);
    return d == nullptr ? std::string(code) : d->name;
  }

  ReportHeader BuildHeader(const v1::Report& report) const {
    ReportHeader h;
    h.id = report.id();
    h.source_name = report.source_name();
    h.year = report.has_year() ? report.year() : 0;
    h.agency = report.agency();
    absl::string_view kind = AgencyKindName(report.agency_kind());
    h.agency_kind = kind.empty() ? "OTHER" : std::string(kind);
    h.region_code = report.region_code();
    const regions::Division* d =
        report.region_code().empty()
            ? nullptr
            : options.gazetteer->Find(report.region_code());
    if (d != nullptr) {
      h.stat_region = d->code;
      h.region_path = options.gazetteer->PathOf(d->code);
    }
    if (h.region_path.empty()) {
      h.stat_region = std::string(kUnresolvedRegion);
      h.region_path = {std::string(kUnresolvedRegion)};
    }
    h.template_name = std::string(TemplateName(report.template_()));
    h.is_annual_report = report.is_annual_report();
    h.counted = report.is_annual_report() && h.year > 0;
    h.current = true;
    h.ingested_at = absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(),
                                     absl::UTCTimeZone());
    return h;
  }

  absl::Status RecordRegions(StoreTransaction& txn, const ReportHeader& h,
                             std::vector<std::string>& added) {
    for (const std::string& code : h.region_path) {
      if (known_regions.contains(code) || batch_regions.contains(code))
        continue;
      ASSIGN_OR_RETURN(v1::Region region, QueryRegion(code));
      RETURN_IF_ERROR(txn.UpsertRegion(region));
      added.push_back(code);
    }
    return absl::OkStatus();
  }

  // ------------------------------------------------------------- ingest

  // Recomputes the cross findings of a stored report; when they changed,
  // replaces them and moves its contribution in `delta`.
  absl::Status Reevaluate(StoreTransaction& txn, const std::string& id,
                          RollupDelta& delta) {
    ASSIGN_OR_RETURN(std::optional<ReportHeader> h, txn.FindReport(id));
    if (!h.has_value() || !h->current || !h->counted) return absl::OkStatus();
    ASSIGN_OR_RETURN(v1::Report report, txn.LoadReport(id));
    ASSIGN_OR_RETURN(std::optional<StoredFingerprint> stored,
                     txn.LoadFingerprint(id));
    std::optional<validator::TextFingerprint> fp;
    if (stored.has_value()) fp = FromStored(*stored);
    ASSIGN_OR_RETURN(
        CrossReportResult result,
        checker->Evaluate(txn, *h, report, fp, /*find_affected=*/false));
    std::vector<v1::Finding>& cross = result.findings;
    ASSIGN_OR_RETURN(std::vector<StoredFinding> old, txn.LoadFindings(id));
    std::vector<v1::Finding> single, old_cross;
    for (StoredFinding& f : old) {
      (f.origin == FindingOrigin::kSingleReport ? single : old_cross)
          .push_back(std::move(f.finding));
    }
    if (SameFindings(cross, old_cross)) return absl::OkStatus();
    delta.Apply(*h, Concat(single, old_cross), -1);
    ReportHeader updated = *h;
    std::vector<v1::Finding> all = Concat(single, cross);
    CountSeverities(updated, all);
    updated.contribution = ReportContribution(report, all);
    RETURN_IF_ERROR(
        txn.ReplaceFindings(updated, FindingOrigin::kCrossReport, cross));
    delta.Apply(updated, all, +1);
    return absl::OkStatus();
  }

  absl::StatusOr<v1::IngestResponse> IngestOne(
      StoreTransaction& txn, const QueueItem& q, RollupDelta& delta,
      std::vector<std::string>& added_regions) {
    const v1::Report& report = q.item.report;
    v1::IngestResponse response;
    response.set_name(report.source_name());
    response.set_report_id(report.id());
    if (report.id().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(report.source_name(),
                       ": report has no id (the SHA-256 of its bytes)"));
    }
    ASSIGN_OR_RETURN(std::optional<ReportHeader> existing,
                     txn.FindReport(report.id()));
    if (existing.has_value()) {
      response.set_outcome(v1::INGEST_OUTCOME_DUPLICATE);
      response.set_errors(existing->errors);
      response.set_warnings(existing->warnings);
      return response;
    }

    ReportHeader h = BuildHeader(report);
    RETURN_IF_ERROR(RecordRegions(txn, h, added_regions));
    response.set_outcome(v1::INGEST_OUTCOME_STORED);

    std::vector<std::string> affected;
    if (h.counted && !h.agency.empty()) {
      ASSIGN_OR_RETURN(std::optional<ReportHeader> old,
                       txn.FindCurrentVersion(h.agency, h.stat_region, h.year));
      if (old.has_value()) {
        ASSIGN_OR_RETURN(std::vector<StoredFinding> old_findings,
                         txn.LoadFindings(old->id));
        std::vector<v1::Finding> plain;
        for (StoredFinding& f : old_findings)
          plain.push_back(std::move(f.finding));
        delta.Apply(*old, plain, -1);
        RETURN_IF_ERROR(txn.MarkSuperseded(old->id, h.id));
        response.set_outcome(v1::INGEST_OUTCOME_SUPERSEDED_PREVIOUS);
        if (checker.has_value()) {
          ASSIGN_OR_RETURN(affected, txn.ReportsReferencing(old->id));
        }
      }
    }

    CrossReportResult cross_result;
    if (checker.has_value() && h.counted) {
      ASSIGN_OR_RETURN(cross_result,
                       checker->Evaluate(txn, h, report, q.item.fingerprint,
                                         /*find_affected=*/true));
    }
    const std::vector<v1::Finding>& cross = cross_result.findings;
    std::vector<StoredFinding> stored;
    for (const v1::Finding& f : q.item.findings) {
      stored.push_back({FindingOrigin::kSingleReport, f});
    }
    for (const v1::Finding& f : cross)
      stored.push_back({FindingOrigin::kCrossReport, f});
    const std::vector<v1::Finding> all = Concat(q.item.findings, cross);
    CountSeverities(h, all);
    h.contribution = ReportContribution(report, all);
    RETURN_IF_ERROR(txn.InsertReport(h, report, stored));
    delta.Apply(h, all, +1);

    if (checker.has_value() && h.counted) {
      if (q.item.fingerprint.has_value() &&
          q.item.fingerprint->shingle_count > 0) {
        RETURN_IF_ERROR(
            txn.PutFingerprint(ToStored(*q.item.fingerprint), TextReuseScope(h),
                               FingerprintBands(*q.item.fingerprint)));
      }
      affected.insert(affected.end(), cross_result.affected.begin(),
                      cross_result.affected.end());
      std::sort(affected.begin(), affected.end());
      affected.erase(std::unique(affected.begin(), affected.end()),
                     affected.end());
      for (const std::string& id : affected) {
        if (id != h.id) RETURN_IF_ERROR(Reevaluate(txn, id, delta));
      }
    }
    response.set_errors(h.errors);
    response.set_warnings(h.warnings);
    return response;
  }

  // One transaction for the batch. With `savepoints`, an item that fails is
  // rolled back to its savepoint and reported, the others commit. Without
  // (two statements less per item), the first item that fails abandons the
  // transaction and sets `*needs_savepoints`: the caller runs the batch again
  // with them, so every item still gets its own outcome.
  absl::StatusOr<std::vector<v1::IngestResponse>> TryBatch(
      std::deque<QueueItem>& batch, bool savepoints, bool* needs_savepoints) {
    ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> txn,
                     store->BeginWrite());
    RollupDelta delta;
    std::vector<v1::IngestResponse> results;
    results.reserve(batch.size());
    batch_regions.clear();
    for (const QueueItem& q : batch) {
      // ALREADY_EXISTS means another replica stored this id or a version of
      // the same agency's year after our reads: the second attempt, a new
      // statement, sees its row (PostgreSQL READ COMMITTED).
      absl::StatusOr<v1::IngestResponse> r;
      for (int attempt = 0; attempt < 2; ++attempt) {
        if (savepoints) RETURN_IF_ERROR(txn->Savepoint());
        RollupDelta item_delta;
        std::vector<std::string> added_regions;
        r = IngestOne(*txn, q, item_delta, added_regions);
        if (r.ok()) {
          if (savepoints) RETURN_IF_ERROR(txn->ReleaseSavepoint());
          delta.Merge(item_delta);
          batch_regions.insert(added_regions.begin(), added_regions.end());
          break;
        }
        if (Retryable(r.status())) return r.status();
        if (!savepoints) {
          *needs_savepoints = true;
          return r.status();
        }
        RETURN_IF_ERROR(txn->RollbackToSavepoint());
        if (!absl::IsAlreadyExists(r.status())) break;
      }
      results.push_back(r.ok() ? *std::move(r)
                               : Failed(q.item.report, r.status()));
    }
    RETURN_IF_ERROR(
        txn->ApplyRollups(delta.RollupChanges(), delta.RuleChanges()));
    RETURN_IF_ERROR(txn->Commit());
    return results;
  }

  std::vector<v1::IngestResponse> CommitBatch(std::deque<QueueItem>& batch) {
    absl::Status status;
    bool savepoints = false;
    for (int attempt = 0; attempt < options.write_attempts; ++attempt) {
      if (attempt > 0) {
        std::this_thread::sleep_for(
            std::chrono::milliseconds(50 << std::min(attempt, 5)));
      }
      bool needs_savepoints = false;
      absl::StatusOr<std::vector<v1::IngestResponse>> results =
          TryBatch(batch, savepoints, &needs_savepoints);
      if (needs_savepoints) {
        // An item failed; nothing was committed. Again at once, item by item.
        batch_regions.clear();
        savepoints = true;
        results = TryBatch(batch, savepoints, &needs_savepoints);
      }
      if (results.ok()) {
        known_regions.insert(batch_regions.begin(), batch_regions.end());
        batch_regions.clear();
        return *std::move(results);
      }
      batch_regions.clear();
      status = results.status();
      // ALREADY_EXISTS here means another replica stored the same report or
      // version between our read and our write: the retry sees it.
      if (!Retryable(status) && !absl::IsAlreadyExists(status)) break;
    }
    std::vector<v1::IngestResponse> failed;
    for (const QueueItem& q : batch)
      failed.push_back(Failed(q.item.report, status));
    return failed;
  }

  void WriterLoop() {
    while (true) {
      std::deque<QueueItem> batch;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stopping || !queue.empty(); });
        if (queue.empty()) return;
        const size_t n =
            std::min<size_t>(queue.size(), std::max(1, options.max_batch));
        for (size_t i = 0; i < n; ++i) {
          batch.push_back(std::move(queue.front()));
          queue.pop_front();
        }
      }
      std::vector<v1::IngestResponse> results = CommitBatch(batch);
      for (size_t i = 0; i < batch.size(); ++i) {
        if (batch[i].done) batch[i].done(std::move(results[i]));
      }
    }
  }

  // ------------------------------------------------------------- queries

  std::vector<v1::MetricValue> MetricRows(const v1::Region& region, int year,
                                          absl::string_view kind,
                                          const Sums& sums) const {
    std::vector<v1::MetricValue> out;
    for (const MetricDefinition& m : MetricRegistry()) {
      std::optional<double> value = m.value(sums);
      if (!value.has_value()) continue;
      v1::MetricValue& v = out.emplace_back();
      v.set_region_code(region.code());
      v.set_region_name(region.name());
      v.set_level(region.level());
      v.set_year(year);
      v.set_agency_kind(std::string(kind));
      v.set_metric(std::string(m.id));
      v.set_value(*value);
      v.set_reports(sums[kReports]);
    }
    return out;
  }

  v1::Region RegionOfRow(absl::string_view code, int level) const {
    v1::Region r;
    r.set_code(std::string(code));
    r.set_name(RegionName(code));
    r.set_level(level != 0 ? static_cast<v1::RegionLevel>(level)
                           : LevelOfCode(code));
    return r;
  }
};

Aggregator::Aggregator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Aggregator::~Aggregator() {
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->stopping = true;
  }
  impl_->cv.notify_all();
  if (impl_->writer.joinable()) impl_->writer.join();
}

absl::StatusOr<std::unique_ptr<Aggregator>> Aggregator::Open(
    AggregatorOptions options) {
  if (options.gazetteer == nullptr) {
    return absl::InvalidArgumentError("the aggregator needs a gazetteer");
  }
  auto impl = std::make_unique<Impl>();
  ASSIGN_OR_RETURN(impl->store, OpenStore(options.dsn));
  if (options.cross_report) impl->checker.emplace(options.validator_config);
  impl->options = std::move(options);
  Impl* raw = impl.get();
  impl->writer = std::thread([raw] { raw->WriterLoop(); });
  return std::unique_ptr<Aggregator>(new Aggregator(std::move(impl)));
}

void Aggregator::Prepare(ParsedReport& item) const {
  if (item.fingerprint.has_value() || !impl_->checker.has_value() ||
      !item.report.is_annual_report() || !item.report.has_year()) {
    return;
  }
  item.fingerprint = validator::FingerprintReport(item.report);
  item.fingerprint->report_id = item.report.id();
}

void Aggregator::IngestAsync(ParsedReport item, IngestCallback done) {
  // On the caller's thread, so that the writer only writes.
  Prepare(item);
  QueueItem q{std::move(item), std::move(done)};
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->queue.push_back(std::move(q));
  }
  impl_->cv.notify_one();
}

v1::IngestResponse Aggregator::Ingest(ParsedReport item) {
  std::promise<v1::IngestResponse> promise;
  std::future<v1::IngestResponse> future = promise.get_future();
  IngestAsync(std::move(item), [&promise](v1::IngestResponse r) {
    promise.set_value(std::move(r));
  });
  return future.get();
}

std::vector<v1::IngestResponse> Aggregator::IngestBatch(
    std::vector<ParsedReport> items) {
  std::vector<v1::IngestResponse> results(items.size());
  std::mutex mu;
  std::condition_variable cv;
  size_t remaining = items.size();
  for (size_t i = 0; i < items.size(); ++i) {
    IngestAsync(std::move(items[i]), [&, i](v1::IngestResponse r) {
      std::lock_guard<std::mutex> lock(mu);
      results[i] = std::move(r);
      if (--remaining == 0) cv.notify_all();
    });
  }
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return remaining == 0; });
  return results;
}

absl::StatusOr<v1::GetRegionStatsResponse> Aggregator::GetRegionStats(
    const v1::GetRegionStatsRequest& request) const {
  RETURN_IF_ERROR(CheckYear(request.year()));
  ASSIGN_OR_RETURN(std::string kind, ParseKind(request.agency_kind()));
  ASSIGN_OR_RETURN(v1::Region region,
                   impl_->QueryRegion(request.region_code()));
  ASSIGN_OR_RETURN(
      Sums sums, impl_->store->RegionSums(region.code(), request.year(), kind));
  ASSIGN_OR_RETURN(
      std::vector<v1::RuleCount> rules,
      impl_->store->RuleCounts(region.code(), request.year(), kind));
  v1::GetRegionStatsResponse response;
  for (v1::MetricValue& m :
       impl_->MetricRows(region, request.year(), kind, sums)) {
    *response.add_metrics() = std::move(m);
  }
  for (v1::RuleCount& r : rules) *response.add_findings() = std::move(r);
  *response.mutable_region() = std::move(region);
  return response;
}

absl::StatusOr<v1::GetTimeSeriesResponse> Aggregator::GetTimeSeries(
    const v1::GetTimeSeriesRequest& request) const {
  const MetricDefinition* metric = FindMetric(request.metric());
  if (metric == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown metric \"", request.metric(), "\""));
  }
  ASSIGN_OR_RETURN(std::string kind, ParseKind(request.agency_kind()));
  ASSIGN_OR_RETURN(v1::Region region,
                   impl_->QueryRegion(request.region_code()));
  ASSIGN_OR_RETURN(
      std::vector<RollupRow> rows,
      impl_->store->YearSums(region.code(), kind, request.from_year(),
                             request.to_year()));
  v1::GetTimeSeriesResponse response;
  for (const RollupRow& row : rows) {
    std::optional<double> value = metric->value(row.sums);
    if (!value.has_value()) continue;
    v1::MetricValue* v = response.add_points();
    v->set_region_code(region.code());
    v->set_region_name(region.name());
    v->set_level(region.level());
    v->set_year(row.year);
    v->set_agency_kind(kind);
    v->set_metric(request.metric());
    v->set_value(*value);
    v->set_reports(row.sums[kReports]);
  }
  return response;
}

absl::StatusOr<v1::GetRankingResponse> Aggregator::GetRanking(
    const v1::GetRankingRequest& request) const {
  const MetricDefinition* metric = FindMetric(request.metric());
  if (metric == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown metric \"", request.metric(), "\""));
  }
  RETURN_IF_ERROR(CheckYear(request.year()));
  ASSIGN_OR_RETURN(std::string kind, ParseKind(request.agency_kind()));
  std::string parent;
  if (!request.region_code().empty()) {
    ASSIGN_OR_RETURN(v1::Region region,
                     impl_->QueryRegion(request.region_code()));
    parent = region.code();
  }
  ASSIGN_OR_RETURN(std::vector<RollupRow> rows,
                   impl_->store->ChildSums(parent, request.year(), kind));
  v1::GetRankingResponse response;
  std::vector<v1::MetricValue> entries;
  for (const RollupRow& row : rows) {
    std::optional<double> value = metric->value(row.sums);
    if (!value.has_value()) continue;
    v1::Region region = impl_->RegionOfRow(row.region_code, row.level);
    v1::MetricValue& v = entries.emplace_back();
    v.set_region_code(region.code());
    v.set_region_name(region.name());
    v.set_level(region.level());
    v.set_year(request.year());
    v.set_agency_kind(kind);
    v.set_metric(request.metric());
    v.set_value(*value);
    v.set_reports(row.sums[kReports]);
  }
  const bool ascending = request.ascending();
  std::stable_sort(
      entries.begin(), entries.end(),
      [ascending](const v1::MetricValue& a, const v1::MetricValue& b) {
        if (a.value() != b.value()) {
          return ascending ? a.value() < b.value() : a.value() > b.value();
        }
        return a.region_code() < b.region_code();
      });
  if (request.limit() > 0 &&
      entries.size() > static_cast<size_t>(request.limit())) {
    entries.resize(request.limit());
  }
  for (v1::MetricValue& v : entries) *response.add_entries() = std::move(v);
  return response;
}

absl::StatusOr<v1::ListChildrenResponse> Aggregator::ListChildren(
    const v1::ListChildrenRequest& request) const {
  v1::ListChildrenResponse response;
  std::string parent;
  if (!request.region_code().empty()) {
    ASSIGN_OR_RETURN(v1::Region region,
                     impl_->QueryRegion(request.region_code()));
    parent = region.code();
    *response.mutable_parent() = std::move(region);
    if (parent == kUnresolvedRegion) return response;
  }
  for (const regions::Division* d :
       impl_->options.gazetteer->Children(parent)) {
    v1::Region* child = response.add_children();
    child->set_code(d->code);
    child->set_name(d->name);
    child->set_level(d->level);
    child->set_parent_code(d->parent_code);
  }
  return response;
}

absl::StatusOr<v1::ListReportsResponse> Aggregator::ListReports(
    const v1::ListReportsRequest& request) const {
  ReportFilter filter;
  if (!request.region_code().empty()) {
    ASSIGN_OR_RETURN(v1::Region region,
                     impl_->QueryRegion(request.region_code()));
    filter.region_code = region.code();
  }
  if (request.year() != 0) RETURN_IF_ERROR(CheckYear(request.year()));
  filter.year = request.year();
  ASSIGN_OR_RETURN(filter.agency_kind, ParseKind(request.agency_kind()));
  filter.rule = request.rule();
  if (!request.severity().empty()) {
    std::optional<v1::Severity> severity = ParseSeverity(request.severity());
    if (!severity.has_value()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown severity \"", request.severity(),
                       "\"; expected INFO, WARNING or ERROR"));
    }
    filter.min_severity = *severity;
  }
  filter.include_superseded = request.include_superseded();
  if (request.page_size() < 0) {
    return absl::InvalidArgumentError("page_size must not be negative");
  }
  filter.page_size =
      request.page_size() == 0 ? 50 : std::min(request.page_size(), 1000);
  filter.after_id = request.page_token();
  ASSIGN_OR_RETURN(ReportPage page, impl_->store->ListReports(filter));
  v1::ListReportsResponse response;
  for (const ReportHeader& h : page.reports) {
    v1::ReportSummary* s = response.add_reports();
    s->set_id(h.id);
    s->set_source_name(h.source_name);
    s->set_year(h.year);
    s->set_agency(h.agency);
    s->set_agency_kind(h.agency_kind);
    s->set_region_code(h.region_code);
    s->set_template_(h.template_name);
    s->set_errors(h.errors);
    s->set_warnings(h.warnings);
    s->set_superseded(!h.current);
  }
  if (page.more && !page.reports.empty()) {
    response.set_next_page_token(page.reports.back().id);
  }
  response.set_total(page.total);
  return response;
}

absl::StatusOr<v1::GetReportResponse> Aggregator::GetReport(
    const v1::GetReportRequest& request) const {
  if (request.id().empty())
    return absl::InvalidArgumentError("report id is empty");
  ASSIGN_OR_RETURN(StoredReport stored, impl_->store->GetReport(request.id()));
  v1::GetReportResponse response;
  *response.mutable_report() = std::move(stored.report);
  for (StoredFinding& f : stored.findings)
    *response.add_findings() = std::move(f.finding);
  response.set_superseded(!stored.header.current);
  response.set_ingested_at(stored.header.ingested_at);
  return response;
}

absl::StatusOr<std::vector<v1::MetricValue>> Aggregator::ExportMetrics(
    bool by_kind) const {
  ASSIGN_OR_RETURN(std::vector<RollupRow> rows, impl_->store->AllSums(by_kind));
  std::vector<v1::MetricValue> out;
  for (const RollupRow& row : rows) {
    v1::Region region = impl_->RegionOfRow(row.region_code, row.level);
    for (v1::MetricValue& m :
         impl_->MetricRows(region, row.year, row.agency_kind, row.sums)) {
      out.push_back(std::move(m));
    }
  }
  return out;
}

std::string Aggregator::store_description() const {
  return impl_->store->description();
}

}  // namespace govreport::aggregator
