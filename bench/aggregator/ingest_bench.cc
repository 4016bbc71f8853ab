// End-to-end ingest through the three real services on loopback: N documents
// streamed to aggregator-svc (IngestStream), parsed by parser-svc, validated
// by validator-svc, stored in SQLite (or --db). Prints reports/s.
//
//   ingest_bench [--documents=10000] [--streams=1] [--db=sqlite:///tmp/x.db]
//                [--aggregator_arg=--cross_report=false ...]
//
// Documents are the five seed reports, each copy made distinct by a trailing
// numbered line, so every one is new bytes (and, after the first five, a newer
// version of the same agency's year: the supersession path).

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "bench/aggregator/bench_util.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "tests/aggregator/service_processes.h"

int main(int argc, char** argv) {
  using namespace govreport;
  const int documents = std::stoi(bench::Arg(argc, argv, "documents", "10000"));
  const int streams = std::stoi(bench::Arg(argc, argv, "streams", "1"));
  char pattern[] = "/tmp/govreport-ingest-bench-XXXXXX";
  const std::string dir = mkdtemp(pattern);
  const std::string dsn =
      bench::Arg(argc, argv, "db", "sqlite://" + dir + "/bench.db");
  std::vector<std::string> aggregator_args;
  for (int i = 1; i < argc; ++i) {
    if (absl::StartsWith(argv[i], "--aggregator_arg="))
      aggregator_args.push_back(argv[i] + 17);
  }

  std::vector<std::string> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::string(GOVREPORT_DATA_DIR) + "/samples/seeds")) {
    if (entry.path().extension() == ".txt")
      seeds.push_back(bench::ReadFile(entry.path()));
  }
  std::sort(seeds.begin(), seeds.end());

  absl::StatusOr<testing::ThreeServices> services =
      testing::StartThreeServices(dsn, dir, aggregator_args);
  if (!services.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(services.status().message()).c_str());
    return 1;
  }
  auto stub = v1::Aggregator::NewStub(grpc::CreateChannel(
      services->aggregator->address(), grpc::InsecureChannelCredentials()));

  auto run = [&](int first, int count, v1::IngestStreamResponse* summary) {
    grpc::ClientContext context;
    auto writer = stub->IngestStream(&context, summary);
    for (int i = first; i < first + count; ++i) {
      v1::IngestRequest request;
      request.mutable_document()->set_name(absl::StrCat("doc-", i, ".txt"));
      request.mutable_document()->set_content(
          absl::StrCat(seeds[i % seeds.size()], "\n（本文件编号 ", i, "）\n"));
      if (!writer->Write(request)) break;
    }
    writer->WritesDone();
    grpc::Status status = writer->Finish();
    if (!status.ok())
      std::fprintf(stderr, "stream: %s\n", status.error_message().c_str());
  };

  // Warm-up: connections, page cache, the first version of each agency.
  v1::IngestStreamResponse warm;
  run(1000000000, 50, &warm);

  const pid_t pids[3] = {services->parser->pid(), services->validator->pid(),
                         services->aggregator->pid()};
  double cpu_before[3];
  for (int i = 0; i < 3; ++i) cpu_before[i] = bench::ProcCpuSeconds(pids[i]);
  const auto start = std::chrono::steady_clock::now();
  std::vector<v1::IngestStreamResponse> summaries(streams);
  std::vector<std::thread> threads;
  const int per_stream = documents / streams;
  for (int s = 0; s < streams; ++s) {
    threads.emplace_back(
        [&, s] { run(s * per_stream, per_stream, &summaries[s]); });
  }
  for (std::thread& t : threads) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  int stored = 0, duplicates = 0, failed = 0;
  for (const v1::IngestStreamResponse& s : summaries) {
    stored += s.stored();
    duplicates += s.duplicates();
    failed += s.failed();
  }
  const int total = per_stream * streams;
  std::printf("documents %d in %d stream(s): %.2f s, %.0f reports/s\n", total,
              streams, seconds, total / seconds);
  std::printf("stored %d, duplicates %d, failed %d\n", stored, duplicates,
              failed);
  // CPU time per report of each service: what the throughput would be on an
  // otherwise idle machine, whatever else shares the cores during the run.
  const char* names[3] = {"parser-svc", "validator-svc", "aggregator-svc"};
  double cpu_total = 0;
  for (int i = 0; i < 3; ++i) {
    const double cpu = bench::ProcCpuSeconds(pids[i]) - cpu_before[i];
    cpu_total += cpu;
    std::printf("%s: %.3f ms CPU per report, VmHWM %lld KiB\n", names[i],
                1000 * cpu / total,
                static_cast<long long>(bench::ProcStatusKib(pids[i], "VmHWM")));
  }
  std::printf(
      "all three: %.3f ms CPU per report -> %.0f reports/s on 2 idle cores\n",
      1000 * cpu_total / total, 2 * total / cpu_total);
  for (const v1::IngestStreamResponse& s : summaries) {
    for (const v1::IngestResponse& r : s.results()) {
      if (r.outcome() == v1::INGEST_OUTCOME_FAILED) {
        std::printf("first failure: %s: %s\n", r.name().c_str(),
                    r.error_message().c_str());
        break;
      }
    }
  }
  *services = {};
  std::filesystem::remove_all(dir);
  return failed == 0 ? 0 : 1;
}
