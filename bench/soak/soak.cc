// Soak benchmark (issue 9 point 5; not a CI test): the three real services on
// loopback under mixed load for a fixed time, printing one line per interval
// with throughput, errors and each process's memory.
//
//   soak [--seconds=300] [--interval=30] [--ingest_streams=1]
//        [--query_threads=1] [--batch=100] [--db=sqlite:///tmp/x.db]
//
// Load: `ingest_streams` threads each stream batches of `batch` generated
// reports (tests/generator: random valid reports of real agencies, every
// text layout; each document new bytes) through IngestStream;
// `query_threads` threads cycle GetRegionStats, GetTimeSeries, GetRanking and
// ListReports over the regions and years ingested so far. An error is a
// failed stream or RPC, or a document whose outcome is FAILED (target: 0).
// Each line: elapsed time, reports stored and queries answered in the
// interval (per second), errors so far, and VmRSS of parser-svc,
// validator-svc and aggregator-svc (MiB); the summary adds VmHWM and the
// CPU seconds each process used. Exit status 1 when any error occurred.

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/aggregator/bench_util.h"
#include "common/regions/gazetteer.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "tests/aggregator/service_processes.h"
#include "tests/generator/report_generator.h"

namespace govreport {
namespace {

// Regions and years the queries ask about: those of stored reports.
class QueryTargets {
 public:
  void Add(const std::string& region, int year) {
    std::lock_guard<std::mutex> lock(mu_);
    if (region.empty() || targets_.size() >= 4096) return;
    targets_.push_back({region, year});
  }
  bool Pick(uint64_t n, std::string* region, int* year) {
    std::lock_guard<std::mutex> lock(mu_);
    if (targets_.empty()) return false;
    const auto& t = targets_[n % targets_.size()];
    *region = t.first;
    *year = t.second;
    return true;
  }

 private:
  std::mutex mu_;
  std::vector<std::pair<std::string, int>> targets_;
};

struct Counters {
  std::atomic<int64_t> stored{0};
  std::atomic<int64_t> queries{0};
  std::atomic<int64_t> errors{0};
  std::mutex first_error_mu;
  std::string first_error;

  void Error(const std::string& what) {
    if (errors.fetch_add(1) == 0) {
      std::lock_guard<std::mutex> lock(first_error_mu);
      first_error = what;
    }
  }
};

int Main(int argc, char** argv) {
  const int seconds = std::stoi(bench::Arg(argc, argv, "seconds", "300"));
  const int interval = std::stoi(bench::Arg(argc, argv, "interval", "30"));
  const int ingest_streams =
      std::stoi(bench::Arg(argc, argv, "ingest_streams", "1"));
  const int query_threads =
      std::stoi(bench::Arg(argc, argv, "query_threads", "1"));
  const int batch = std::stoi(bench::Arg(argc, argv, "batch", "100"));
  char pattern[] = "/tmp/govreport-soak-XXXXXX";
  const std::string dir = mkdtemp(pattern);
  const std::string dsn =
      bench::Arg(argc, argv, "db", "sqlite://" + dir + "/soak.db");

  auto gazetteer =
      regions::Gazetteer::Load(std::string(GOVREPORT_DATA_DIR) + "/gazetteer");
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(gazetteer.status().message()).c_str());
    return 1;
  }
  absl::StatusOr<testing::ThreeServices> services =
      testing::StartThreeServices(dsn, dir);
  if (!services.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(services.status().message()).c_str());
    return 1;
  }
  auto channel = grpc::CreateChannel(services->aggregator->address(),
                                     grpc::InsecureChannelCredentials());
  auto stub = v1::Aggregator::NewStub(channel);
  const pid_t pids[3] = {services->parser->pid(), services->validator->pid(),
                         services->aggregator->pid()};
  const char* names[3] = {"parser-svc", "validator-svc", "aggregator-svc"};
  double cpu_before[3];
  for (int i = 0; i < 3; ++i) cpu_before[i] = bench::ProcCpuSeconds(pids[i]);

  Counters counters;
  QueryTargets targets;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;

  for (int s = 0; s < ingest_streams; ++s) {
    threads.emplace_back([&, s] {
      testing::ReportGenerator generator(1000 + s, gazetteer->get());
      int64_t serial = 0;
      while (!stop.load()) {
        std::vector<v1::Report> truths;
        grpc::ClientContext context;
        v1::IngestStreamResponse summary;
        auto writer = stub->IngestStream(&context, &summary);
        for (int i = 0; i < batch; ++i) {
          testing::GeneratorOptions options;
          options.layout =
              testing::kAllLayouts[serial % std::size(testing::kAllLayouts)];
          testing::GeneratedReport r = generator.Generate(options);
          v1::IngestRequest request;
          request.mutable_document()->set_name(
              absl::StrCat("soak-", s, "-", serial, ".txt"));
          request.mutable_document()->set_content(
              absl::StrCat(r.bytes, "\n（本文件编号 ", s, "-", serial, "）\n"));
          ++serial;
          truths.push_back(std::move(r.truth));
          if (!writer->Write(request)) break;
        }
        writer->WritesDone();
        grpc::Status status = writer->Finish();
        if (!status.ok()) {
          counters.Error("IngestStream: " + status.error_message());
          continue;
        }
        counters.stored += summary.stored();
        for (const v1::IngestResponse& r : summary.results()) {
          if (r.outcome() == v1::INGEST_OUTCOME_FAILED) {
            counters.Error(r.name() + ": " + r.error_message());
          }
        }
        for (const v1::Report& t : truths) {
          targets.Add(t.region_code(), t.year());
          if (t.region_path_size() > 1) targets.Add(t.region_path(0), t.year());
        }
      }
    });
  }
  for (int q = 0; q < query_threads; ++q) {
    threads.emplace_back([&, q] {
      uint64_t n = q;
      while (!stop.load()) {
        std::string region;
        int year = 0;
        if (!targets.Pick(n * 7919, &region, &year)) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          continue;
        }
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() +
                             std::chrono::seconds(30));
        grpc::Status status;
        const char* rpc = "";
        switch (n % 4) {
          case 0: {
            rpc = "GetRegionStats";
            v1::GetRegionStatsRequest request;
            request.set_region_code(region);
            request.set_year(year);
            v1::GetRegionStatsResponse response;
            status = stub->GetRegionStats(&context, request, &response);
            break;
          }
          case 1: {
            rpc = "GetTimeSeries";
            v1::GetTimeSeriesRequest request;
            request.set_region_code(region);
            request.set_metric("applications_new");
            v1::GetTimeSeriesResponse response;
            status = stub->GetTimeSeries(&context, request, &response);
            break;
          }
          case 2: {
            rpc = "GetRanking";
            v1::GetRankingRequest request;
            request.set_region_code(region);
            request.set_year(year);
            request.set_metric("applications_new");
            request.set_limit(10);
            v1::GetRankingResponse response;
            status = stub->GetRanking(&context, request, &response);
            break;
          }
          default: {
            rpc = "ListReports";
            v1::ListReportsRequest request;
            request.set_region_code(region);
            request.set_year(year);
            request.set_page_size(50);
            v1::ListReportsResponse response;
            status = stub->ListReports(&context, request, &response);
            break;
          }
        }
        ++n;
        if (status.ok()) {
          ++counters.queries;
        } else {
          counters.Error(absl::StrCat(rpc, " ", region, " ", year, ": ",
                                      status.error_message()));
        }
      }
    });
  }

  std::printf(
      "# soak: %d s, %d ingest stream(s) of %d, %d query thread(s), %s\n"
      "# elapsed_s stored stored/s queries queries/s errors "
      "rss_parser_MiB rss_validator_MiB rss_aggregator_MiB load1\n",
      seconds, ingest_streams, batch, query_threads, dsn.c_str());
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  int64_t last_stored = 0, last_queries = 0;
  for (int elapsed = interval; elapsed <= seconds; elapsed += interval) {
    std::this_thread::sleep_until(start + std::chrono::seconds(elapsed));
    const int64_t stored = counters.stored.load();
    const int64_t queries = counters.queries.load();
    double load1 = 0;
    if (FILE* f = std::fopen("/proc/loadavg", "r")) {
      if (std::fscanf(f, "%lf", &load1) != 1) load1 = 0;
      std::fclose(f);
    }
    std::printf("%d %lld %.1f %lld %.1f %lld %.1f %.1f %.1f %.2f\n", elapsed,
                static_cast<long long>(stored),
                static_cast<double>(stored - last_stored) / interval,
                static_cast<long long>(queries),
                static_cast<double>(queries - last_queries) / interval,
                static_cast<long long>(counters.errors.load()),
                bench::ProcStatusKib(pids[0], "VmRSS") / 1024.0,
                bench::ProcStatusKib(pids[1], "VmRSS") / 1024.0,
                bench::ProcStatusKib(pids[2], "VmRSS") / 1024.0, load1);
    std::fflush(stdout);
    last_stored = stored;
    last_queries = queries;
  }
  stop = true;
  for (std::thread& t : threads) t.join();
  const double total_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf(
      "# total: %lld reports stored (%.1f/s), %lld queries (%.1f/s), "
      "%lld errors in %.0f s\n",
      static_cast<long long>(counters.stored.load()),
      counters.stored.load() / total_seconds,
      static_cast<long long>(counters.queries.load()),
      counters.queries.load() / total_seconds,
      static_cast<long long>(counters.errors.load()), total_seconds);
  for (int i = 0; i < 3; ++i) {
    std::printf("# %s: VmRSS %.1f MiB, VmHWM %.1f MiB, CPU %.1f s\n", names[i],
                bench::ProcStatusKib(pids[i], "VmRSS") / 1024.0,
                bench::ProcStatusKib(pids[i], "VmHWM") / 1024.0,
                bench::ProcCpuSeconds(pids[i]) - cpu_before[i]);
  }
  if (!counters.first_error.empty()) {
    std::printf("# first error: %s\n", counters.first_error.c_str());
  }
  *services = {};
  if (counters.errors.load() == 0) {
    std::filesystem::remove_all(dir);
    return 0;
  }
  std::printf("# logs and store kept in %s\n", dir.c_str());
  return 1;
}

}  // namespace
}  // namespace govreport

int main(int argc, char** argv) { return govreport::Main(argc, argv); }
