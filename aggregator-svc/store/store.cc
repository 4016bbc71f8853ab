#include "aggregator-svc/store/store.h"

#include <filesystem>
#include <system_error>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "aggregator-svc/store/postgres_store.h"
#include "aggregator-svc/store/sql_store.h"
#include "aggregator-svc/store/sqlite_store.h"

namespace govreport::aggregator {

absl::StatusOr<std::unique_ptr<Store>> OpenStore(absl::string_view dsn) {
  if (absl::StartsWith(dsn, "sqlite://")) {
    std::string path(dsn.substr(9));
    if (path.empty() || path[0] != '/') {
      return absl::InvalidArgumentError(
          absl::StrCat("--db ", dsn,
                       ": a SQLite DSN needs an absolute path, as in "
                       "sqlite:///var/lib/x.db"));
    }
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code error;
    std::filesystem::create_directories(parent, error);
    if (error) {
      return absl::FailedPreconditionError(
          absl::StrCat("--db ", dsn, ": cannot create ", parent.string(), ": ",
                       error.message()));
    }
    return OpenSqlStore(NewSqliteDatabase(std::move(path)));
  }
  if (absl::StartsWith(dsn, "postgresql://") ||
      absl::StartsWith(dsn, "postgres://")) {
    return OpenSqlStore(NewPostgresDatabase(std::string(dsn)));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("--db ", dsn,
                   ": expected sqlite:///abs/path.db or "
                   "postgresql://user@host:port/dbname"));
}

}  // namespace govreport::aggregator
