#ifndef GOVREPORT_TESTS_AGGREGATOR_TEST_POSTGRES_H_
#define GOVREPORT_TESTS_AGGREGATOR_TEST_POSTGRES_H_

// A throwaway PostgreSQL 15 server for tests: initdb in a temporary folder,
// pg_ctl on a free loopback port with its unix socket in that folder, stopped
// and deleted at the end. As root the server runs as the postgres user
// (PostgreSQL refuses root).

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace govreport::testing {

class TestPostgres {
 public:
  static absl::StatusOr<std::unique_ptr<TestPostgres>> Start();
  ~TestPostgres();

  // A DSN for a fresh, empty schema of its own (search_path set in the URI).
  absl::StatusOr<std::string> NewSchemaDsn();

  // Restarts the server (fault tests).
  absl::Status Restart();

  int port() const { return port_; }
  const std::string& dir() const { return dir_; }

 private:
  TestPostgres() = default;
  absl::Status Run(const std::string& command) const;

  std::string dir_;
  int port_ = 0;
  int schemas_ = 0;
};

// The process-wide server, started on first use.
absl::StatusOr<TestPostgres*> SharedTestPostgres();

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_AGGREGATOR_TEST_POSTGRES_H_
