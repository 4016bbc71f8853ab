#ifndef GOVREPORT_TESTS_FAULTS_FAULT_FIXTURE_H_
#define GOVREPORT_TESTS_FAULTS_FAULT_FIXTURE_H_

// What the fault tests share: a corpus of generated reports as ingest
// requests with the ids the aggregator will give them, the aggregator-svc
// binary started against given parser/validator addresses, a client-streamed
// ingest that reports how far it got, and the reads that count and compare
// what a store holds.
//
//   Corpus corpus = GenerateCorpus({.reports = 1000, .document_every = 10});
//   auto services = StartThreeServices(dsn, dir);
//   auto stub = AggregatorStub(services->aggregator->address());
//   StreamOutcome out = StreamIngest(*stub, corpus.items);
//   EXPECT_EQ(ListAllIds(*stub), corpus.SortedIds());

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "grpcpp/support/status.h"
#include "tests/aggregator/service_processes.h"

namespace govreport::testing {

struct CorpusOptions {
  int reports = 100;
  // Every n-th item is a raw document (rendered text through parser-svc);
  // the others are the generator's parsed reports (validator-svc only).
  // 1 makes every item a document.
  int document_every = 1;
  uint64_t seed = 9;
};

struct Corpus {
  std::vector<v1::IngestRequest> items;
  // ids[i] is the report id the aggregator gives items[i]: the SHA-256 of a
  // document's bytes, or the id set on a parsed report.
  std::vector<std::string> ids;
  // (code, year) of every item's province, prefecture (when its path has
  // one) and county, in item order.
  std::vector<std::pair<std::string, int>> provinces;
  std::vector<std::pair<std::string, int>> prefectures;
  std::vector<std::pair<std::string, int>> counties;

  std::vector<std::string> SortedIds() const;
};

// Deterministic for given options. Every report has a known region (the
// gazetteer's), a year 2021..2025 and the 2021 template.
Corpus GenerateCorpus(const CorpusOptions& options);

// An integer from the environment variable `name`, or `fallback`.
int EnvInt(const char* name, int fallback);

// A fresh folder under /tmp.
std::string MakeTempDir(const std::string& prefix);

std::unique_ptr<v1::Aggregator::Stub> AggregatorStub(
    const std::string& address);

// aggregator-svc alone on a free port, wired to running parser/validator.
absl::StatusOr<std::unique_ptr<ServiceProcess>> StartAggregator(
    const std::string& dsn, const std::string& parser_address,
    const std::string& validator_address, const std::string& log_dir,
    std::vector<std::string> extra_args = {});

struct StreamOutcome {
  grpc::Status status;
  v1::IngestStreamResponse summary;
  // Items the client wrote before the stream broke (all when it did not).
  size_t written = 0;
};

// Streams `items` through IngestStream. `after_write(i)` (optional) runs
// after item i was written; it may break the stream (kill the server).
StreamOutcome StreamIngest(
    v1::Aggregator::Stub& stub, const std::vector<v1::IngestRequest>& items,
    const std::function<void(size_t)>& after_write = nullptr);

// STORED or SUPERSEDED_PREVIOUS (a new version of an agency's year).
bool IsStored(const v1::IngestResponse& response);

// ListReports total (superseded versions included); -1 when the call fails.
int64_t StoredReportCount(v1::Aggregator::Stub& stub);

// Every stored id through ListReports paging, in order; fails the current
// test on an error.
std::vector<std::string> ListAllIds(v1::Aggregator::Stub& stub);

// GetRegionStats, serialised (deterministic) so that two stores compare
// byte for byte; the status message when the call fails.
std::string StatsBytes(v1::Aggregator::Stub& stub, const std::string& region,
                       int year);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_FAULTS_FAULT_FIXTURE_H_
