#ifndef GOVREPORT_TESTS_FAULTS_STORE_AUDIT_H_
#define GOVREPORT_TESTS_FAULTS_STORE_AUDIT_H_

// Reads a store's tables directly (SQLite file or PostgreSQL DSN, through the
// store's own SqlDatabase) and recomputes what the aggregator maintains
// incrementally, so that fault tests can prove there are no half-written
// rows: every report has its payload (cells), its region links and its
// findings as counted in its row, and every rollup and rule rollup equals
// the sum recomputed from the current, counted reports.
//
//   absl::StatusOr<StoreAudit> audit = AuditStore("sqlite:///tmp/x/a.db");
//   EXPECT_THAT(audit->problems, IsEmpty());
//   EXPECT_EQ(audit->ids.size(), 10000u);
//
// Safe to run while an aggregator serves the same database (it only reads).

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/statusor.h"
#include "aggregator-svc/metrics/rollup.h"

namespace govreport::testing {

struct StoreAudit {
  // Every stored report id (superseded versions included), and how many
  // rows carry each id (1 unless the store double-wrote).
  std::map<std::string, int> ids;
  // Stored rollups, non-zero rows only: (region, year, kind) -> sums.
  std::map<std::tuple<std::string, int, std::string>, aggregator::Sums> rollups;
  // Stored rule rollups, non-zero rows: (region, year, kind, rule, severity)
  // -> (findings, reports).
  std::map<std::tuple<std::string, int, std::string, std::string, int>,
           std::pair<int64_t, int64_t>>
      rule_rollups;
  // Reports with at least one cell in their payload.
  int reports_with_cells = 0;
  // Every inconsistency found, in words (empty when the store is whole).
  std::vector<std::string> problems;
};

// `dsn` as aggregator-svc's --db.
absl::StatusOr<StoreAudit> AuditStore(const std::string& dsn);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_FAULTS_STORE_AUDIT_H_
