#ifndef GOVREPORT_TESTS_AGGREGATOR_BACKEND_FIXTURE_H_
#define GOVREPORT_TESTS_AGGREGATOR_BACKEND_FIXTURE_H_

// Runs a test suite against both store backends: a SQLite file in a fresh
// temporary folder, and a fresh schema of a real PostgreSQL 15 server the
// test binary starts on loopback (test_postgres.h).

#include <filesystem>
#include <memory>
#include <string>

#include "common/regions/gazetteer.h"
#include "gtest/gtest.h"
#include "tests/aggregator/test_postgres.h"

namespace govreport::testing {

enum class Backend { kSqlite, kPostgres };

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      char pattern[] = "/tmp/govreport-agg-XXXXXX";
      ASSERT_NE(mkdtemp(pattern), nullptr);
      dir_ = pattern;
      dsn_ = "sqlite://" + dir_ + "/store.db";
    } else {
      absl::StatusOr<TestPostgres*> pg = SharedTestPostgres();
      ASSERT_TRUE(pg.ok()) << pg.status();
      absl::StatusOr<std::string> dsn = (*pg)->NewSchemaDsn();
      ASSERT_TRUE(dsn.ok()) << dsn.status();
      dsn_ = *dsn;
    }
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  static const regions::Gazetteer& Gazetteer() {
    static const regions::Gazetteer* gazetteer = [] {
      auto loaded = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
      if (!loaded.ok()) {
        ADD_FAILURE() << loaded.status();
        std::abort();
      }
      return loaded->release();
    }();
    return *gazetteer;
  }

  std::string dsn_;
  std::string dir_;
};

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_AGGREGATOR_BACKEND_FIXTURE_H_
