// GetRegionStats for a province over 1,000,000 stored reports.
//
//   region_stats_bench [--reports=1000000] [--db=/tmp/govreport-1m.db]
//   [--queries=5000]
//
// 1. Unless the database already holds the reports, generates them
//    synthetically (every V2021 cell with raw text and provenance, a few
//    findings, spread over all counties and townships of the gazetteer and
//    the years 2019-2025) and inserts them through the bulk path
//    (Aggregator::IngestBatch, cross-report rules off); prints reports/s.
// 2. Prints the store's size on disk and this process's peak memory.
// 3. Times GetRegionStats of random provinces and years, embedded and over
//    gRPC against aggregator-svc started on the same file; prints p50/p99 and
//    aggregator-svc's memory.

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "aggregator-svc/aggregator.h"
#include "bench/aggregator/bench_util.h"
#include "common/regions/gazetteer.h"
#include "common/report/cell_keys.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "tests/aggregator/service_processes.h"

namespace {

using namespace govreport;

int64_t FileSize(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? st.st_size : 0;
}

v1::Report SyntheticReport(uint64_t n, const regions::Division& where,
                           std::mt19937_64& rng) {
  static const v1::AgencyKind kKinds[] = {
      v1::AGENCY_KIND_GOVERNMENT, v1::AGENCY_KIND_GOVERNMENT_OFFICE,
      v1::AGENCY_KIND_DEPARTMENT, v1::AGENCY_KIND_DEPARTMENT,
      v1::AGENCY_KIND_DEPARTMENT, v1::AGENCY_KIND_TOWNSHIP};
  v1::Report r;
  r.set_id(absl::StrCat("synthetic-", n));
  r.set_source_name(absl::StrCat("synthetic-", n, ".html"));
  r.set_format(v1::DOCUMENT_FORMAT_HTML);
  r.set_encoding("UTF-8");
  r.set_year(2019 + static_cast<int>(n % 7));
  r.set_agency(absl::StrCat(where.name, "第", n / 7, "局"));
  r.set_agency_kind(where.level == v1::REGION_LEVEL_TOWNSHIP
                        ? v1::AGENCY_KIND_TOWNSHIP
                        : kKinds[n % 6]);
  r.set_region_code(where.code);
  r.set_template_(v1::TEMPLATE_V2021);
  r.set_is_annual_report(true);
  int line = 30;
  for (const std::string& key : V2021CellKeys()) {
    v1::Cell* c = r.add_cells();
    c->set_key(key);
    const int64_t v = static_cast<int64_t>(rng() % 8 == 0 ? rng() % 50 : 0);
    if (IsAmountKey(key)) {
      c->set_amount(static_cast<double>(v) / 4);
    } else {
      c->set_count(v);
    }
    c->set_raw(std::to_string(v));
    c->set_state(v1::CELL_STATE_VALUE);
    c->mutable_location()->set_line(++line / 7);
    c->mutable_location()->set_table(3);
    c->mutable_location()->set_row(line / 7 - 3);
    c->mutable_location()->set_column(1 + line % 7);
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t target =
      std::stoll(bench::Arg(argc, argv, "reports", "1000000"));
  const std::string path = bench::Arg(argc, argv, "db", "/tmp/govreport-1m.db");
  const int queries = std::stoi(bench::Arg(argc, argv, "queries", "5000"));
  auto gazetteer = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(gazetteer.status().message()).c_str());
    return 1;
  }
  std::vector<const regions::Division*> places;
  for (const regions::Division& d : (*gazetteer)->divisions()) {
    if (d.level == v1::REGION_LEVEL_COUNTY ||
        d.level == v1::REGION_LEVEL_TOWNSHIP) {
      places.push_back(&d);
    }
  }
  std::vector<std::string> provinces;
  for (const regions::Division* d : (*gazetteer)->Children(""))
    provinces.push_back(d->code);

  aggregator::AggregatorOptions options;
  options.dsn = "sqlite://" + path;
  options.gazetteer = gazetteer->get();
  options.cross_report = false;
  options.max_batch = 2000;
  {
    auto a = aggregator::Aggregator::Open(options);
    if (!a.ok()) {
      std::fprintf(stderr, "%s\n", std::string(a.status().message()).c_str());
      return 1;
    }
    v1::ListReportsRequest count;
    count.set_page_size(1);
    count.set_include_superseded(true);
    int64_t stored = (*a)->ListReports(count)->total();
    std::printf("reports already stored: %lld\n",
                static_cast<long long>(stored));
    std::mt19937_64 rng(42);
    const auto start = std::chrono::steady_clock::now();
    int64_t inserted = 0;
    for (int64_t n = stored; n < target; n += 10000) {
      std::vector<aggregator::ParsedReport> batch;
      for (int64_t k = n; k < std::min(target, n + 10000); ++k) {
        aggregator::ParsedReport item;
        item.report =
            SyntheticReport(k, *places[(k * 7919) % places.size()], rng);
        if (k % 10 == 0) {
          v1::Finding& f = item.findings.emplace_back();
          f.set_rule("T3-ROW");
          f.set_severity(v1::SEVERITY_ERROR);
          f.add_cells("t3.new.total");
        }
        if (k % 5 == 0) {
          v1::Finding& f = item.findings.emplace_back();
          f.set_rule("ZERO-REPORT");
          f.set_severity(v1::SEVERITY_INFO);
        }
        batch.push_back(std::move(item));
      }
      for (const v1::IngestResponse& r : (*a)->IngestBatch(std::move(batch))) {
        if (r.outcome() == v1::INGEST_OUTCOME_FAILED) {
          std::fprintf(stderr, "%s: %s\n", r.name().c_str(),
                       r.error_message().c_str());
          return 1;
        }
        ++inserted;
      }
      if ((n / 10000) % 10 == 0) {
        std::fprintf(stderr, "\r%lld reports",
                     static_cast<long long>(n + 10000));
      }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (inserted > 0) {
      std::printf("\nbulk insert: %lld reports in %.1f s, %.0f reports/s\n",
                  static_cast<long long>(inserted), seconds,
                  inserted / seconds);
    }
    std::printf("store on disk: %.1f MiB (db %lld, wal %lld bytes)\n",
                (FileSize(path) + FileSize(path + "-wal")) / 1048576.0,
                static_cast<long long>(FileSize(path)),
                static_cast<long long>(FileSize(path + "-wal")));
    std::printf(
        "this process after the load: VmHWM %lld KiB, VmRSS %lld KiB\n",
        static_cast<long long>(bench::ProcStatusKib(getpid(), "VmHWM")),
        static_cast<long long>(bench::ProcStatusKib(getpid(), "VmRSS")));

    std::mt19937 pick(7);
    std::vector<double> ms;
    int64_t behind = 0;
    for (int q = 0; q < queries; ++q) {
      v1::GetRegionStatsRequest request;
      request.set_region_code(provinces[pick() % provinces.size()]);
      request.set_year(2019 + static_cast<int>(pick() % 7));
      const auto t0 = std::chrono::steady_clock::now();
      auto response = (*a)->GetRegionStats(request);
      ms.push_back(std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - t0)
                       .count());
      if (!response.ok() || response->metrics().empty()) return 1;
      behind += response->metrics(0).reports();
    }
    std::printf(
        "embedded GetRegionStats (province, year), %d queries, %.0f reports "
        "behind "
        "each on average: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
        queries, static_cast<double>(behind) / queries,
        bench::Quantile(ms, 0.5), bench::Quantile(ms, 0.99),
        bench::Quantile(ms, 1.0));
  }

  // Over gRPC, against the real service on the same file.
  char pattern[] = "/tmp/govreport-stats-bench-XXXXXX";
  const std::string dir = mkdtemp(pattern);
  auto service = testing::ServiceProcess::Start(
      "aggregator-svc", testing::FreeLoopbackPort(),
      {"--db=sqlite://" + path, "--parser_address=127.0.0.1:1",
       "--validator_address=127.0.0.1:1"},
      dir);
  if (!service.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(service.status().message()).c_str());
    return 1;
  }
  auto stub = v1::Aggregator::NewStub(grpc::CreateChannel(
      (*service)->address(), grpc::InsecureChannelCredentials()));
  std::mt19937 pick(11);
  std::vector<double> ms;
  for (int q = 0; q < queries; ++q) {
    v1::GetRegionStatsRequest request;
    request.set_region_code(provinces[pick() % provinces.size()]);
    request.set_year(2019 + static_cast<int>(pick() % 7));
    v1::GetRegionStatsResponse response;
    grpc::ClientContext context;
    const auto t0 = std::chrono::steady_clock::now();
    grpc::Status status = stub->GetRegionStats(&context, request, &response);
    ms.push_back(std::chrono::duration<double, std::milli>(
                     std::chrono::steady_clock::now() - t0)
                     .count());
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.error_message().c_str());
      return 1;
    }
  }
  std::printf(
      "gRPC GetRegionStats, %d queries: p50 %.3f ms, p99 %.3f ms, max %.3f "
      "ms\n",
      queries, bench::Quantile(ms, 0.5), bench::Quantile(ms, 0.99),
      bench::Quantile(ms, 1.0));
  std::printf(
      "aggregator-svc memory: VmRSS %lld KiB, VmHWM %lld KiB\n",
      static_cast<long long>(bench::ProcStatusKib((*service)->pid(), "VmRSS")),
      static_cast<long long>(bench::ProcStatusKib((*service)->pid(), "VmHWM")));
  service->reset();
  std::filesystem::remove_all(dir);
  return 0;
}
