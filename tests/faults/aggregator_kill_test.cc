// kill -9 of aggregator-svc in the middle of a streamed ingest of 10,000
// generated reports (issue 9): after a restart on the same SQLite file and a
// second ingest of the same stream, every report is stored exactly once and
// every rollup and statistic equals that of a reference ingest of the same
// items into a second store without the crash.
//
// Cost: the stream is ingested about 2.3 times (a third before the crash, all
// of it after, all of it for the reference). Raw documents cost a parse
// (parser-svc) and a validation; parsed reports a validation only. So that
// the test stays within a minute or two under ASan on 2 cores, every
// GOVREPORT_FAULT_DOCUMENT_EVERY-th item (default 10) is a raw text
// document and the others are the generator's parsed reports: all 10,000
// reports still go through the aggregator's stream, pipeline, writer and
// store, which is what the crash concerns. GOVREPORT_FAULT_REPORTS (default
// 10,000) scales the corpus.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/faults/fault_fixture.h"
#include "tests/faults/store_audit.h"

namespace govreport::testing {
namespace {

using ::testing::IsEmpty;

TEST(AggregatorKill,
     ReingestAfterKill9StoresEveryReportOnceWithSameStatistics) {
  const int n = EnvInt("GOVREPORT_FAULT_REPORTS", 10000);
  const Corpus corpus = GenerateCorpus(
      {.reports = n,
       .document_every = EnvInt("GOVREPORT_FAULT_DOCUMENT_EVERY", 10)});
  ASSERT_EQ(corpus.items.size(), static_cast<size_t>(n));
  ASSERT_EQ(std::set<std::string>(corpus.ids.begin(), corpus.ids.end()).size(),
            corpus.ids.size());

  const std::string dir = MakeTempDir("aggregator-kill");
  const std::string crash_dsn = "sqlite://" + dir + "/crash.db";
  const std::string reference_dsn = "sqlite://" + dir + "/reference.db";
  absl::StatusOr<ThreeServices> services = StartThreeServices(crash_dsn, dir);
  ASSERT_TRUE(services.ok()) << services.status();
  auto stub = AggregatorStub(services->aggregator->address());

  // The reference: the same stream into a second store without a crash, on
  // its own aggregator, concurrently (the two share parser and validator).
  absl::StatusOr<std::unique_ptr<ServiceProcess>> reference =
      StartAggregator(reference_dsn, services->parser->address(),
                      services->validator->address(), dir);
  ASSERT_TRUE(reference.ok()) << reference.status();
  auto reference_stub = AggregatorStub((*reference)->address());
  StreamOutcome clean;
  std::thread reference_stream(
      [&] { clean = StreamIngest(*reference_stub, corpus.items); });
  struct Joiner {
    std::thread& t;
    ~Joiner() {
      if (t.joinable()) t.join();
    }
  } joiner{reference_stream};

  // Killed once a third of the stream is committed (polled every 100 items,
  // and after the last write until it is), so that later items are in every
  // stage: on the wire, parsed, queued for the writer, inside an open
  // transaction.
  bool killed = false;
  int64_t count_at_kill = 0;
  StreamOutcome first = StreamIngest(*stub, corpus.items, [&](size_t i) {
    const bool last = i + 1 == corpus.items.size();
    if (killed || (i % 100 != 99 && !last)) return;
    for (int wait = 0; wait < (last ? 6000 : 1); ++wait) {
      count_at_kill = StoredReportCount(*stub);
      if (count_at_kill >= n / 3) {
        services->aggregator->Kill();
        killed = true;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  ASSERT_TRUE(killed) << "the stream ended before a third was stored";
  EXPECT_FALSE(first.status.ok());
  EXPECT_LT(count_at_kill, n);
  std::cout << "killed after " << first.written << " items written, "
            << count_at_kill << " stored\n";

  // What survived the crash is whole: committed transactions only.
  absl::StatusOr<StoreAudit> after_crash = AuditStore(crash_dsn);
  ASSERT_TRUE(after_crash.ok()) << after_crash.status();
  EXPECT_THAT(after_crash->problems, IsEmpty());
  const int survived = static_cast<int>(after_crash->ids.size());
  EXPECT_GE(survived, n / 3);
  EXPECT_LT(survived, n);

  absl::StatusOr<std::unique_ptr<ServiceProcess>> restarted =
      StartAggregator(crash_dsn, services->parser->address(),
                      services->validator->address(), dir);
  ASSERT_TRUE(restarted.ok()) << restarted.status();
  services->aggregator = *std::move(restarted);
  stub = AggregatorStub(services->aggregator->address());
  StreamOutcome second = StreamIngest(*stub, corpus.items);
  ASSERT_TRUE(second.status.ok()) << second.status.error_message();
  EXPECT_EQ(second.summary.failed(), 0);
  EXPECT_EQ(second.summary.duplicates(), survived);
  EXPECT_EQ(second.summary.stored(), n - survived);
  ASSERT_EQ(second.summary.results_size(), n);
  for (int i = 0; i < n; ++i) {
    ASSERT_EQ(second.summary.results(i).report_id(), corpus.ids[i])
        << i << ": " << second.summary.results(i).error_message();
  }

  reference_stream.join();
  ASSERT_TRUE(clean.status.ok()) << clean.status.error_message();
  EXPECT_EQ(clean.summary.stored(), n);
  EXPECT_EQ(clean.summary.failed(), 0);

  // Exactly once: the ids served, and the rows under them.
  const std::vector<std::string> want_ids = corpus.SortedIds();
  EXPECT_EQ(ListAllIds(*stub), want_ids);
  EXPECT_EQ(ListAllIds(*reference_stub), want_ids);
  absl::StatusOr<StoreAudit> crashed = AuditStore(crash_dsn);
  absl::StatusOr<StoreAudit> clean_audit = AuditStore(reference_dsn);
  ASSERT_TRUE(crashed.ok()) << crashed.status();
  ASSERT_TRUE(clean_audit.ok()) << clean_audit.status();
  EXPECT_THAT(crashed->problems, IsEmpty());
  EXPECT_THAT(clean_audit->problems, IsEmpty());
  EXPECT_EQ(crashed->ids.size(), static_cast<size_t>(n));
  for (const auto& [id, rows] : crashed->ids) EXPECT_EQ(rows, 1) << id;
  EXPECT_EQ(crashed->reports_with_cells, n);
  // Every rollup row, every metric input, of every region, year and kind.
  EXPECT_EQ(crashed->rollups.size(), clean_audit->rollups.size());
  EXPECT_TRUE(crashed->rollups == clean_audit->rollups);
  EXPECT_TRUE(crashed->rule_rollups == clean_audit->rule_rollups);

  // And as the dashboards read them: every province and year touched, and
  // the first few counties and prefectures.
  std::set<std::pair<std::string, int>> regions(corpus.provinces.begin(),
                                                corpus.provinces.end());
  for (size_t i = 0; i < 5; ++i) {
    if (i < corpus.counties.size()) regions.insert(corpus.counties[i]);
    if (i < corpus.prefectures.size()) regions.insert(corpus.prefectures[i]);
  }
  for (const auto& [region, year] : regions) {
    const std::string got = StatsBytes(*stub, region, year);
    ASSERT_FALSE(got.starts_with("error")) << region << " " << year << got;
    EXPECT_EQ(got, StatsBytes(*reference_stub, region, year))
        << region << " " << year;
  }
  services->aggregator.reset();
  reference->reset();
  if (!::testing::Test::HasFailure()) std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace govreport::testing
