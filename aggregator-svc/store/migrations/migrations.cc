#include "aggregator-svc/store/migrations/migrations.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace govreport::aggregator {
namespace {

// Key of the PostgreSQL advisory lock that serialises migrations.
constexpr int64_t kMigrationLock = 0x676f76726570;  // "govrep"

absl::Status ApplyInTransaction(SqlConnection& connection) {
  const bool postgres = connection.dialect() == SqlDialect::kPostgres;
  if (postgres) {
    const SqlParam lock[] = {kMigrationLock};
    RETURN_IF_ERROR(connection.Exec("SELECT pg_advisory_xact_lock($1)", lock));
  }
  RETURN_IF_ERROR(
      connection.ExecScript("CREATE TABLE IF NOT EXISTS schema_migrations ("
                            " version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
                            "applied_at TEXT NOT NULL)"));
  ASSIGN_OR_RETURN(
      SqlResult current,
      connection.Query(
          "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {}));
  const int64_t applied = current.Int(0, 0);
  const std::vector<Migration>& migrations = Migrations();
  if (!migrations.empty() && applied > migrations.back().version) {
    return absl::FailedPreconditionError(
        absl::StrCat("database schema is version ", applied,
                     " but this binary knows only up to ",
                     migrations.back().version, "; run a newer aggregator"));
  }
  for (const Migration& m : migrations) {
    if (m.version <= applied) continue;
    absl::Status status =
        connection.ExecScript(postgres ? m.postgres : m.sqlite);
    if (!status.ok()) {
      return absl::Status(status.code(),
                          absl::StrCat("migration ", m.version, "_", m.name,
                                       ": ", status.message()));
    }
    const SqlParam row[] = {static_cast<int64_t>(m.version), m.name};
    RETURN_IF_ERROR(connection.Exec(
        postgres ? "INSERT INTO schema_migrations VALUES ($1, $2, "
                   "to_char(now() AT TIME ZONE "
                   "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
                 : "INSERT INTO schema_migrations VALUES ($1, $2, "
                   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        row));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyMigrations(SqlConnection& connection) {
  RETURN_IF_ERROR(connection.BeginWrite());
  absl::Status status = ApplyInTransaction(connection);
  if (!status.ok()) {
    connection.ExecScript("ROLLBACK").IgnoreError();
    return status;
  }
  return connection.ExecScript("COMMIT");
}

}  // namespace govreport::aggregator
