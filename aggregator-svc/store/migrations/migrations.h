#ifndef GOVREPORT_AGGREGATOR_SVC_STORE_MIGRATIONS_MIGRATIONS_H_
#define GOVREPORT_AGGREGATOR_SVC_STORE_MIGRATIONS_MIGRATIONS_H_

// Versioned schema migrations: NNNN_name.sqlite.sql and NNNN_name.postgres.sql
// in this folder, compiled into the binary (migrations_data.cc is generated
// by CMake). A migration is never edited once released; a change is a new
// version.

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "aggregator-svc/store/sql.h"

namespace govreport::aggregator {

struct Migration {
  int version;
  absl::string_view name;
  absl::string_view sqlite;
  absl::string_view postgres;
};

// All migrations, ascending by version.
const std::vector<Migration>& Migrations();

// Applies the migrations newer than the database's schema version, all in one
// transaction, recording each in schema_migrations. Concurrent callers (two
// replicas starting together) serialise on a lock. FAILED_PRECONDITION when
// the database is newer than this binary.
absl::Status ApplyMigrations(SqlConnection& connection);

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_STORE_MIGRATIONS_MIGRATIONS_H_
