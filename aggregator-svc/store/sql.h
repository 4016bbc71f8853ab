#ifndef GOVREPORT_AGGREGATOR_SVC_STORE_SQL_H_
#define GOVREPORT_AGGREGATOR_SVC_STORE_SQL_H_

// The little SQL surface the store needs from a database engine, so that one
// implementation of the store's queries (sql_store.cc) runs on SQLite and on
// PostgreSQL alike. Statements are written once in the subset both engines
// accept, with $1..$n placeholders; values always travel as parameters.
//
// A connection is used by one thread at a time.

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace govreport::aggregator {

// Bytes bound as a BLOB / BYTEA rather than as text.
struct SqlBlob {
  absl::string_view bytes;
};

// A statement parameter. Strings are bound as text.
using SqlParam =
    std::variant<std::nullptr_t, int64_t, double, absl::string_view, SqlBlob>;

// A result value: NULL, an integer, a real, or text/blob bytes.
using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;

// The rows of a result, materialised.
class SqlResult {
 public:
  SqlResult() = default;
  explicit SqlResult(std::vector<std::vector<SqlValue>> rows)
      : rows_(std::move(rows)) {}

  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }

  bool IsNull(size_t row, size_t col) const;
  // Integer value; reals are truncated, text parsed; NULL is 0.
  int64_t Int(size_t row, size_t col) const;
  // Real value; NULL is 0.
  double Double(size_t row, size_t col) const;
  // Text or blob bytes; NULL is "".
  const std::string& Text(size_t row, size_t col) const;

 private:
  std::vector<std::vector<SqlValue>> rows_;
};

enum class SqlDialect { kSqlite, kPostgres };

// Errors map onto absl codes the store acts on: ALREADY_EXISTS for a
// unique-key violation, ABORTED for a deadlock or serialisation failure
// (retry the transaction), UNAVAILABLE for a lost connection (reconnect and
// retry), RESOURCE_EXHAUSTED for a full disk.
class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  // Runs one statement with parameters $1..$n and returns its rows.
  virtual absl::StatusOr<SqlResult> Query(
      absl::string_view sql, absl::Span<const SqlParam> params) = 0;

  // Runs a script of statements without parameters (migrations).
  virtual absl::Status ExecScript(absl::string_view sql) = 0;

  // Starts a transaction that will write (SQLite takes the write lock now so
  // that a busy database fails fast instead of deadlocking later).
  virtual absl::Status BeginWrite() = 0;

  // False once the connection is lost; the owner then opens a new one.
  virtual bool healthy() const = 0;

  virtual SqlDialect dialect() const = 0;

  // Convenience for statements without results.
  absl::Status Exec(absl::string_view sql, absl::Span<const SqlParam> params) {
    return Query(sql, params).status();
  }
};

// Opens connections to one database.
class SqlDatabase {
 public:
  virtual ~SqlDatabase() = default;
  virtual absl::StatusOr<std::unique_ptr<SqlConnection>> Connect() = 0;
  virtual SqlDialect dialect() const = 0;
  // Where the data lives, for messages ("sqlite:///x.db", "postgresql://...").
  virtual std::string description() const = 0;
};

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_STORE_SQL_H_
