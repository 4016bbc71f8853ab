// SQLite on a full disk (issue 9): the database lives on a 2 MiB tmpfs and
// aggregator-svc ingests until the file system is full. The items that do
// not fit fail RESOURCE_EXHAUSTED with a message naming the database and
// "disk full"; the service keeps running and serving reads; PRAGMA
// integrity_check is "ok"; once the tmpfs is grown the same items go in,
// each once. Mounting needs root: the test skips, saying so, without it.
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/faults/fault_fixture.h"
#include "tests/faults/store_audit.h"

namespace govreport::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string IntegrityCheck(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    std::string message = sqlite3_errmsg(db);
    sqlite3_close_v2(db);
    return "cannot open: " + message;
  }
  std::string result;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) ==
      SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      if (!result.empty()) result += "; ";
      result += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
  } else {
    result = sqlite3_errmsg(db);
  }
  sqlite3_finalize(stmt);
  sqlite3_close_v2(db);
  return result;
}

class SqliteDiskFull : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) {
      GTEST_SKIP() << "mounting a size-limited tmpfs needs root; the full-disk "
                      "test did not run";
    }
    dir_ = MakeTempDir("disk-full");
    mount_ = dir_ + "/small";
    ASSERT_EQ(mkdir(mount_.c_str(), 0755), 0) << std::strerror(errno);
    if (mount("tmpfs", mount_.c_str(), "tmpfs", 0, "size=2m") != 0) {
      const std::string reason = std::strerror(errno);
      std::filesystem::remove_all(dir_);
      GTEST_SKIP() << "cannot mount a 2 MiB tmpfs at " << mount_ << " ("
                   << reason << "); the full-disk test did not run";
    }
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) umount2(mount_.c_str(), MNT_DETACH);
    if (!dir_.empty() && !HasFailure()) std::filesystem::remove_all(dir_);
  }

  std::string dir_;
  std::string mount_;
  bool mounted_ = false;
};

TEST_F(SqliteDiskFull, FailsClearlyKeepsServingAndResumesWhenSpaceIsFreed) {
  const std::string db_path = mount_ + "/aggregator.db";
  const std::string dsn = "sqlite://" + db_path;
  absl::StatusOr<ThreeServices> services = StartThreeServices(dsn, dir_);
  ASSERT_TRUE(services.ok()) << services.status();
  auto stub = AggregatorStub(services->aggregator->address());

  // Far more than 2 MiB of reports, streamed in chunks until one fails.
  const Corpus corpus =
      GenerateCorpus({.reports = 4000, .document_every = 20, .seed = 31});
  std::set<std::string> stored;
  std::vector<v1::IngestRequest> failed;
  std::vector<std::string> failed_ids;
  std::string first_error;
  for (size_t start = 0; start < corpus.items.size() && failed.empty();
       start += 200) {
    std::vector<v1::IngestRequest> chunk(
        corpus.items.begin() + start,
        corpus.items.begin() + std::min(start + 200, corpus.items.size()));
    StreamOutcome outcome = StreamIngest(*stub, chunk);
    ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
    for (int i = 0; i < outcome.summary.results_size(); ++i) {
      const v1::IngestResponse& r = outcome.summary.results(i);
      if (r.outcome() == v1::INGEST_OUTCOME_FAILED) {
        if (first_error.empty()) first_error = r.error_message();
        EXPECT_EQ(r.error_code(),
                  static_cast<int>(absl::StatusCode::kResourceExhausted))
            << r.name() << ": " << r.error_message();
        failed.push_back(chunk[i]);
        failed_ids.push_back(corpus.ids[start + i]);
      } else {
        EXPECT_TRUE(IsStored(r)) << r.name();
        stored.insert(corpus.ids[start + i]);
      }
    }
  }
  ASSERT_FALSE(failed.empty()) << "the 2 MiB tmpfs never filled up";
  std::cout << stored.size() << " reports stored, " << failed.size()
            << " failed on the full disk: " << first_error << "\n";
  EXPECT_FALSE(stored.empty());
  EXPECT_THAT(first_error, HasSubstr(db_path));
  EXPECT_THAT(first_error, HasSubstr("disk full"));

  // Still serving, from what was committed.
  const std::vector<std::string> listed = ListAllIds(*stub);
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), stored);
  EXPECT_FALSE(
      StatsBytes(*stub, corpus.provinces[0].first, corpus.provinces[0].second)
          .starts_with("error"));
  EXPECT_EQ(IntegrityCheck(db_path), "ok");

  // Space freed: the tmpfs grows to 64 MiB; the items that failed go in.
  ASSERT_EQ(mount("tmpfs", mount_.c_str(), "tmpfs", MS_REMOUNT, "size=64m"), 0)
      << std::strerror(errno);
  StreamOutcome resent = StreamIngest(*stub, failed);
  ASSERT_TRUE(resent.status.ok()) << resent.status.error_message();
  EXPECT_EQ(resent.summary.failed(), 0);
  EXPECT_EQ(resent.summary.stored(), static_cast<int>(failed.size()));
  for (const std::string& id : failed_ids) stored.insert(id);
  const std::vector<std::string> after = ListAllIds(*stub);
  EXPECT_EQ(std::set<std::string>(after.begin(), after.end()), stored);
  EXPECT_EQ(after.size(), stored.size());

  services->aggregator.reset();  // SIGTERM: checkpoints and closes
  EXPECT_EQ(IntegrityCheck(db_path), "ok");
  absl::StatusOr<StoreAudit> audit = AuditStore(dsn);
  ASSERT_TRUE(audit.ok()) << audit.status();
  EXPECT_THAT(audit->problems, IsEmpty());
  EXPECT_EQ(audit->ids.size(), stored.size());
}

}  // namespace
}  // namespace govreport::testing
