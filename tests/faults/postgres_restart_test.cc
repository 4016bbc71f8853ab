// PostgreSQL restarted under aggregator-svc during an ingest (issue 9): the
// aggregator reconnects (a broken connection reports UNAVAILABLE, the writer
// opens a new one and retries the whole transaction a bounded number of
// times), and re-sending what failed, or the whole stream, leaves every
// report stored exactly once with rollups equal to the sums of the stored
// reports. A real PostgreSQL 15 runs on loopback (tests/aggregator/
// test_postgres.h), one per test since the tests stop it.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/aggregator/test_postgres.h"
#include "tests/faults/fault_fixture.h"
#include "tests/faults/store_audit.h"

namespace govreport::testing {
namespace {

using ::testing::IsEmpty;

bool Retryable(int code) {
  return code == static_cast<int>(absl::StatusCode::kUnavailable) ||
         code == static_cast<int>(absl::StatusCode::kAborted);
}

// pg_ctl on the test server, as TestPostgres runs it.
int PgCtl(const TestPostgres& pg, const std::string& action) {
  const std::string command = absl::StrCat(
      "/usr/lib/postgresql/15/bin/pg_ctl -D ", pg.dir(), "/data -l ", pg.dir(),
      "/server.log -w -t 60 -o \"-p ", pg.port(), " -k ", pg.dir(),
      " -c listen_addresses=127.0.0.1 -c fsync=off\" ", action,
      " >/dev/null 2>&1");
  return std::system(
      (geteuid() == 0 ? "runuser -u postgres -- " + command : command).c_str());
}

class PostgresRestart : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<TestPostgres>> pg = TestPostgres::Start();
    ASSERT_TRUE(pg.ok()) << pg.status();
    pg_ = *std::move(pg);
    absl::StatusOr<std::string> dsn = pg_->NewSchemaDsn();
    ASSERT_TRUE(dsn.ok()) << dsn.status();
    dsn_ = *dsn;
    dir_ = MakeTempDir("postgres-restart");
    absl::StatusOr<ThreeServices> services = StartThreeServices(dsn_, dir_);
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = *std::move(services);
    stub_ = AggregatorStub(services_.aggregator->address());
  }
  void TearDown() override {
    services_ = {};
    pg_.reset();
    if (!dir_.empty() && !HasFailure()) std::filesystem::remove_all(dir_);
  }

  // Every report once, rollups whole.
  void ExpectExactlyOnce(const Corpus& corpus) {
    EXPECT_EQ(ListAllIds(*stub_), corpus.SortedIds());
    absl::StatusOr<StoreAudit> audit = AuditStore(dsn_);
    ASSERT_TRUE(audit.ok()) << audit.status();
    EXPECT_THAT(audit->problems, IsEmpty());
    EXPECT_EQ(audit->ids.size(), corpus.ids.size());
    for (const auto& [id, rows] : audit->ids) EXPECT_EQ(rows, 1) << id;
    EXPECT_EQ(audit->reports_with_cells, static_cast<int>(corpus.ids.size()));
  }

  std::unique_ptr<TestPostgres> pg_;
  std::string dsn_;
  std::string dir_;
  ThreeServices services_;
  std::unique_ptr<v1::Aggregator::Stub> stub_;
};

TEST_F(PostgresRestart, RestartDuringStreamThenResendStoresEveryReportOnce) {
  const int n = 1000;
  const Corpus corpus =
      GenerateCorpus({.reports = n, .document_every = 10, .seed = 23});
  StreamOutcome outcome;
  std::thread stream([&] { outcome = StreamIngest(*stub_, corpus.items); });
  // Restart (pg_ctl restart -m fast: sessions are terminated, 57P01) while
  // the stream is being written and stored.
  int64_t before = 0;
  for (int wait = 0; wait < 1200 && before < n / 5; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    before = StoredReportCount(*stub_);
  }
  EXPECT_GE(before, n / 5);
  absl::Status restarted = pg_->Restart();
  stream.join();
  ASSERT_TRUE(restarted.ok()) << restarted;
  // The restart happened during the stream, not after it.
  EXPECT_LT(before, n);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  ASSERT_EQ(outcome.summary.results_size(), n);
  // A batch whose COMMIT went through but whose acknowledgement was lost
  // with the connection is retried and finds its rows: its items say
  // DUPLICATE, and are stored once all the same (checked below).
  int failed = 0;
  for (const v1::IngestResponse& r : outcome.summary.results()) {
    if (r.outcome() != v1::INGEST_OUTCOME_FAILED) {
      EXPECT_TRUE(IsStored(r) || r.outcome() == v1::INGEST_OUTCOME_DUPLICATE)
          << r.name();
      continue;
    }
    ++failed;
    EXPECT_TRUE(Retryable(r.error_code()))
        << r.name() << ": " << r.error_code() << " " << r.error_message();
  }

  std::cout << "PostgreSQL restarted with " << before << " of " << n
            << " reports stored; " << failed
            << " items failed during the restart and were re-sent\n";

  // Reads reconnect too.
  const std::string stats =
      StatsBytes(*stub_, corpus.provinces[0].first, corpus.provinces[0].second);
  EXPECT_FALSE(stats.starts_with("error")) << stats;

  // The whole stream again: what was stored is a duplicate, what failed is
  // stored now.
  StreamOutcome again = StreamIngest(*stub_, corpus.items);
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  EXPECT_EQ(again.summary.failed(), 0);
  EXPECT_EQ(again.summary.stored(), failed);
  EXPECT_EQ(again.summary.duplicates(), n - failed);
  ExpectExactlyOnce(corpus);
}

TEST_F(PostgresRestart, ItemsFailUnavailableWhileDownAndGoInOnceAfterStart) {
  const Corpus corpus =
      GenerateCorpus({.reports = 60, .document_every = 10, .seed = 29});
  const std::vector<v1::IngestRequest> first(corpus.items.begin(),
                                             corpus.items.begin() + 20);
  const std::vector<v1::IngestRequest> rest(corpus.items.begin() + 20,
                                            corpus.items.end());
  StreamOutcome stored = StreamIngest(*stub_, first);
  ASSERT_TRUE(stored.status.ok()) << stored.status.error_message();
  EXPECT_EQ(stored.summary.stored(), 20);

  // Down for longer than the writer's attempts (about 6 s of backoff).
  ASSERT_EQ(PgCtl(*pg_, "-m fast stop"), 0);
  StreamOutcome down = StreamIngest(*stub_, rest);
  ASSERT_TRUE(down.status.ok()) << down.status.error_message();
  ASSERT_EQ(down.summary.results_size(), 40);
  for (const v1::IngestResponse& r : down.summary.results()) {
    EXPECT_EQ(r.outcome(), v1::INGEST_OUTCOME_FAILED) << r.name();
    EXPECT_EQ(r.error_code(), static_cast<int>(absl::StatusCode::kUnavailable))
        << r.name() << ": " << r.error_message();
  }
  // A read fails cleanly rather than hanging or crashing the service.
  EXPECT_TRUE(
      StatsBytes(*stub_, corpus.provinces[0].first, corpus.provinces[0].second)
          .starts_with("error 14"));

  ASSERT_EQ(PgCtl(*pg_, "start"), 0);
  StreamOutcome resent = StreamIngest(*stub_, rest);
  ASSERT_TRUE(resent.status.ok()) << resent.status.error_message();
  EXPECT_EQ(resent.summary.stored(), 40);
  EXPECT_EQ(resent.summary.failed(), 0);
  ExpectExactlyOnce(corpus);
}

}  // namespace
}  // namespace govreport::testing
