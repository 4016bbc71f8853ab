// SIGKILL of parser-svc during a stream (issue 9): the documents that reach
// the aggregator after the kill fail UNAVAILABLE once the configured attempts
// (--rpc_attempts) are spent, the parsed reports of the same stream (which
// need validator-svc only) and the documents stored before go through, and
// the store holds no half-written report: each stored report has its cells,
// findings and region links, and every rollup equals the sum recomputed from
// the stored reports. A parser-svc restarted on the same port takes the
// failed documents again.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include "absl/strings/numbers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/faults/fault_fixture.h"
#include "tests/faults/store_audit.h"

namespace govreport::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr int kItems = 400;
constexpr size_t kKillAfter = 200;  // items written before the kill

int PortOf(const std::string& address) {
  int port = 0;
  EXPECT_TRUE(absl::SimpleAtoi(address.substr(address.rfind(':') + 1), &port));
  return port;
}

TEST(ParserKill, DocumentsAfterTheKillFailUnavailableAndNothingIsHalfWritten) {
  // Even items are raw documents, odd ones parsed reports.
  const Corpus corpus =
      GenerateCorpus({.reports = kItems, .document_every = 2, .seed = 17});
  const std::string dir = MakeTempDir("parser-kill");
  const std::string dsn = "sqlite://" + dir + "/aggregator.db";
  absl::StatusOr<ThreeServices> services = StartThreeServices(
      dsn, dir, {"--rpc_attempts=3", "--parse_deadline_seconds=20"});
  ASSERT_TRUE(services.ok()) << services.status();
  auto stub = AggregatorStub(services->aggregator->address());
  const std::string parser_address = services->parser->address();

  // Kill once half of what was written is stored: the documents still in
  // flight then fail or succeed, those written later all fail.
  StreamOutcome outcome = StreamIngest(*stub, corpus.items, [&](size_t i) {
    if (i + 1 != kKillAfter) return;
    for (int wait = 0; wait < 1200; ++wait) {
      if (StoredReportCount(*stub) >= static_cast<int64_t>(kKillAfter / 2))
        break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    services->parser->Kill();
  });
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  ASSERT_EQ(outcome.summary.results_size(), kItems);

  std::set<std::string> stored_ids;
  std::vector<v1::IngestRequest> failed_items;
  for (int i = 0; i < kItems; ++i) {
    SCOPED_TRACE(i);
    const v1::IngestResponse& r = outcome.summary.results(i);
    const bool document = corpus.items[i].has_document();
    if (r.outcome() == v1::INGEST_OUTCOME_FAILED) {
      EXPECT_TRUE(document) << r.error_message();
      EXPECT_EQ(r.error_code(),
                static_cast<int>(absl::StatusCode::kUnavailable));
      EXPECT_THAT(r.error_message(), HasSubstr("parser-svc"));
      EXPECT_THAT(r.error_message(), HasSubstr(r.name()));
      failed_items.push_back(corpus.items[i]);
      continue;
    }
    EXPECT_TRUE(IsStored(r)) << r.error_message();
    EXPECT_EQ(r.report_id(), corpus.ids[i]);
    stored_ids.insert(corpus.ids[i]);
    // Documents written after the kill cannot have been parsed.
    if (static_cast<size_t>(i) >= kKillAfter) {
      EXPECT_FALSE(document);
    }
  }
  // Every document after the kill, and every parsed report.
  EXPECT_GE(failed_items.size(), (kItems - kKillAfter) / 2);
  EXPECT_GE(stored_ids.size(), kKillAfter / 2 + (kItems - kKillAfter) / 2);
  EXPECT_EQ(outcome.summary.failed(), static_cast<int>(failed_items.size()));

  const std::vector<std::string> listed = ListAllIds(*stub);
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), stored_ids);
  EXPECT_EQ(listed.size(), stored_ids.size());
  absl::StatusOr<StoreAudit> audit = AuditStore(dsn);
  ASSERT_TRUE(audit.ok()) << audit.status();
  EXPECT_THAT(audit->problems, IsEmpty());
  EXPECT_EQ(audit->reports_with_cells, static_cast<int>(stored_ids.size()));
  EXPECT_FALSE(audit->rollups.empty());

  // parser-svc back on its port: the failed documents go in, once.
  absl::StatusOr<std::unique_ptr<ServiceProcess>> parser =
      ServiceProcess::Start("parser-svc", PortOf(parser_address), {}, dir);
  ASSERT_TRUE(parser.ok()) << parser.status();
  // The aggregator's channel reconnects on its own backoff schedule (about
  // a second at first); until it has, items fail UNAVAILABLE again and are
  // re-sent.
  int stored_on_retry = 0;
  for (int round = 0; round < 60 && !failed_items.empty(); ++round) {
    if (round > 0) std::this_thread::sleep_for(std::chrono::seconds(1));
    StreamOutcome retry = StreamIngest(*stub, failed_items);
    ASSERT_TRUE(retry.status.ok()) << retry.status.error_message();
    std::vector<v1::IngestRequest> still_failed;
    for (int i = 0; i < retry.summary.results_size(); ++i) {
      const v1::IngestResponse& r = retry.summary.results(i);
      if (r.outcome() == v1::INGEST_OUTCOME_FAILED) {
        EXPECT_EQ(r.error_code(),
                  static_cast<int>(absl::StatusCode::kUnavailable));
        still_failed.push_back(failed_items[i]);
      } else {
        EXPECT_TRUE(IsStored(r));
        ++stored_on_retry;
      }
    }
    failed_items = std::move(still_failed);
  }
  EXPECT_EQ(failed_items.size(), 0u);
  EXPECT_EQ(stored_on_retry + static_cast<int>(stored_ids.size()), kItems);
  EXPECT_EQ(ListAllIds(*stub), corpus.SortedIds());
  audit = AuditStore(dsn);
  ASSERT_TRUE(audit.ok()) << audit.status();
  EXPECT_THAT(audit->problems, IsEmpty());
  EXPECT_EQ(audit->ids.size(), static_cast<size_t>(kItems));
  services->aggregator.reset();
  if (!::testing::Test::HasFailure()) std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace govreport::testing
