#include "aggregator-svc/store/sqlite_store.h"

#include <sqlite3.h>

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace govreport::aggregator {
namespace {

// `path` names the database in every message, so that an operator reading
// "disk full" knows which file system to look at.
absl::Status SqliteError(sqlite3* db, int rc, absl::string_view path,
                         absl::string_view what) {
  std::string message =
      absl::StrCat("sqlite://", path, ": ", what, ": ",
                   db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return absl::AlreadyExistsError(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(message);
    case SQLITE_FULL:
      return absl::ResourceExhaustedError(
          absl::StrCat(message, " (disk full)"));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return absl::DataLossError(message);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return absl::FailedPreconditionError(message);
    default:
      return absl::InternalError(message);
  }
}

class SqliteConnection : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string path)
      : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  absl::StatusOr<SqlResult> Query(absl::string_view sql,
                                  absl::Span<const SqlParam> params) override {
    sqlite3_stmt* stmt = nullptr;
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
      stmt = it->second;
    } else {
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return SqliteError(db_, rc, path_, "prepare");
      statements_.emplace(std::string(sql), stmt);
    }
    // Reset even when a step below fails, so the statement is reusable and
    // does not hold a read snapshot open.
    struct Resetter {
      sqlite3_stmt* s;
      ~Resetter() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } resetter{stmt};

    for (size_t i = 0; i < params.size(); ++i) {
      std::string name = absl::StrCat("$", i + 1);
      int index = sqlite3_bind_parameter_index(stmt, name.c_str());
      if (index == 0) continue;  // Not used by this statement.
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              return sqlite3_bind_null(stmt, index);
            } else if constexpr (std::is_same_v<T, int64_t>) {
              return sqlite3_bind_int64(stmt, index, v);
            } else if constexpr (std::is_same_v<T, double>) {
              return sqlite3_bind_double(stmt, index, v);
            } else if constexpr (std::is_same_v<T, absl::string_view>) {
              return sqlite3_bind_text64(stmt, index, v.data(), v.size(),
                                         SQLITE_STATIC, SQLITE_UTF8);
            } else {
              return sqlite3_bind_blob64(stmt, index, v.bytes.data(),
                                         v.bytes.size(), SQLITE_STATIC);
            }
          },
          params[i]);
      if (rc != SQLITE_OK) return SqliteError(db_, rc, path_, "bind");
    }

    std::vector<std::vector<SqlValue>> rows;
    const int columns = sqlite3_column_count(stmt);
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return SqliteError(db_, rc, path_, "step");
      std::vector<SqlValue>& row = rows.emplace_back();
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_NULL:
            row.emplace_back(nullptr);
            break;
          case SQLITE_INTEGER:
            row.emplace_back(
                static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
            break;
          case SQLITE_FLOAT:
            row.emplace_back(sqlite3_column_double(stmt, c));
            break;
          default: {
            const void* data = sqlite3_column_blob(stmt, c);
            int size = sqlite3_column_bytes(stmt, c);
            row.emplace_back(std::string(static_cast<const char*>(data),
                                         data == nullptr ? 0 : size));
          }
        }
      }
    }
    return SqlResult(std::move(rows));
  }

  absl::Status ExecScript(absl::string_view sql) override {
    std::string script(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &error);
    if (error != nullptr) sqlite3_free(error);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, path_, "exec");
    return absl::OkStatus();
  }

  absl::Status BeginWrite() override { return ExecScript("BEGIN IMMEDIATE"); }
  bool healthy() const override { return true; }
  SqlDialect dialect() const override { return SqlDialect::kSqlite; }

 private:
  sqlite3* db_;
  std::string path_;
  absl::flat_hash_map<std::string, sqlite3_stmt*> statements_;
};

class SqliteDatabase : public SqlDatabase {
 public:
  SqliteDatabase(std::string path, SqliteOptions options)
      : path_(std::move(path)), options_(options) {}

  absl::StatusOr<std::unique_ptr<SqlConnection>> Connect() override {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(
        path_.c_str(), &db,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
        nullptr);
    if (rc != SQLITE_OK) {
      absl::Status status = SqliteError(db, rc, path_, "open");
      sqlite3_close_v2(db);
      return status;
    }
    auto connection = std::make_unique<SqliteConnection>(db, path_);
    sqlite3_busy_timeout(db, options_.busy_timeout_ms);
    absl::Status status = connection->ExecScript(
        absl::StrCat("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                     "PRAGMA cache_size=-",
                     options_.cache_kib, "; PRAGMA temp_store=MEMORY;"));
    if (!status.ok()) return status;
    return connection;
  }

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  std::string description() const override {
    return absl::StrCat("sqlite://", path_);
  }

 private:
  std::string path_;
  SqliteOptions options_;
};

}  // namespace

std::unique_ptr<SqlDatabase> NewSqliteDatabase(std::string path,
                                               SqliteOptions options) {
  return std::make_unique<SqliteDatabase>(std::move(path), options);
}

}  // namespace govreport::aggregator
