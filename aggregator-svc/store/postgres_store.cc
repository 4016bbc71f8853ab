#include "aggregator-svc/store/postgres_store.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace govreport::aggregator {
namespace {

// Type OIDs from catalog/pg_type_d.h (a server header libpq-dev lacks).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

class PostgresConnection : public SqlConnection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  absl::StatusOr<SqlResult> Query(absl::string_view sql,
                                  absl::Span<const SqlParam> params) override {
    if (!healthy_) return absl::UnavailableError("postgres: connection lost");
    // Parameter types follow the C++ values, so one statement is prepared per
    // combination of types (NULLs leave the type to the server).
    std::vector<Oid> types(params.size());
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size());
    std::vector<int> formats(params.size());
    std::string key(sql);
    key.push_back('\0');
    for (size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              types[i] = 0;
              values[i] = nullptr;
            } else if constexpr (std::is_same_v<T, int64_t>) {
              types[i] = kInt8Oid;
              texts[i] = absl::StrCat(v);
            } else if constexpr (std::is_same_v<T, double>) {
              types[i] = kFloat8Oid;
              texts[i] = absl::StrCat(v);
            } else if constexpr (std::is_same_v<T, absl::string_view>) {
              types[i] = kTextOid;
              texts[i] = std::string(v);
            } else {
              types[i] = kByteaOid;
              values[i] = v.bytes.data();
              lengths[i] = static_cast<int>(v.bytes.size());
              formats[i] = 1;
            }
          },
          params[i]);
      if (types[i] != kByteaOid && types[i] != 0) values[i] = texts[i].c_str();
      key.append(absl::StrCat(types[i], ","));
    }

    auto it = prepared_.find(key);
    std::string name;
    if (it != prepared_.end()) {
      name = it->second;
    } else {
      name = absl::StrCat("s", prepared_.size());
      std::string text(sql);
      PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(),
                                static_cast<int>(params.size()), types.data());
      absl::Status status = Check(res, "prepare");
      PQclear(res);
      if (!status.ok()) return status;
      prepared_.emplace(std::move(key), name);
    }

    PGresult* res =
        PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                       values.data(), lengths.data(), formats.data(),
                       /*resultFormat=*/0);
    absl::Status status = Check(res, "query");
    if (!status.ok()) {
      PQclear(res);
      return status;
    }
    std::vector<std::vector<SqlValue>> rows(PQntuples(res));
    const int columns = PQnfields(res);
    for (size_t r = 0; r < rows.size(); ++r) {
      rows[r].reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(res, r, c)) {
          rows[r].emplace_back(nullptr);
          continue;
        }
        const char* v = PQgetvalue(res, r, c);
        switch (PQftype(res, c)) {
          case kInt2Oid:
          case kInt4Oid:
          case kInt8Oid:
            rows[r].emplace_back(
                static_cast<int64_t>(std::strtoll(v, nullptr, 10)));
            break;
          case kFloat4Oid:
          case kFloat8Oid:
            rows[r].emplace_back(std::strtod(v, nullptr));
            break;
          case kNumericOid:  // SUM(bigint) is numeric.
            if (absl::StrContains(v, '.')) {
              rows[r].emplace_back(std::strtod(v, nullptr));
            } else {
              rows[r].emplace_back(
                  static_cast<int64_t>(std::strtoll(v, nullptr, 10)));
            }
            break;
          case kBoolOid:
            rows[r].emplace_back(static_cast<int64_t>(v[0] == 't'));
            break;
          case kByteaOid: {
            size_t size = 0;
            unsigned char* bytes = PQunescapeBytea(
                reinterpret_cast<const unsigned char*>(v), &size);
            rows[r].emplace_back(
                std::string(reinterpret_cast<char*>(bytes), size));
            PQfreemem(bytes);
            break;
          }
          default:
            rows[r].emplace_back(std::string(v, PQgetlength(res, r, c)));
        }
      }
    }
    PQclear(res);
    return SqlResult(std::move(rows));
  }

  absl::Status ExecScript(absl::string_view sql) override {
    if (!healthy_) return absl::UnavailableError("postgres: connection lost");
    std::string text(sql);
    PGresult* res = PQexec(conn_, text.c_str());
    absl::Status status = Check(res, "exec");
    PQclear(res);
    return status;
  }

  absl::Status BeginWrite() override { return ExecScript("BEGIN"); }
  bool healthy() const override { return healthy_; }
  SqlDialect dialect() const override { return SqlDialect::kPostgres; }

 private:
  absl::Status Check(PGresult* res, absl::string_view what) {
    ExecStatusType st =
        res == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
      return absl::OkStatus();
    std::string message =
        absl::StrCat("postgres: ", what, ": ",
                     res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
    while (!message.empty() && message.back() == '\n') message.pop_back();
    const char* state =
        res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string code = state ? state : "";
    if (PQstatus(conn_) != CONNECTION_OK || absl::StartsWith(code, "08") ||
        code == "57P01" || code == "57P02" || code == "57P03") {
      healthy_ = false;
      return absl::UnavailableError(message);
    }
    if (code == "23505") return absl::AlreadyExistsError(message);
    if (code == "40001" || code == "40P01") return absl::AbortedError(message);
    if (code == "53100") return absl::ResourceExhaustedError(message);
    if (code.empty()) {
      healthy_ = false;
      return absl::UnavailableError(message);
    }
    return absl::InternalError(message);
  }

  PGconn* conn_;
  bool healthy_ = true;
  absl::flat_hash_map<std::string, std::string> prepared_;
};

void IgnoreNotice(void*, const char*) {}

class PostgresDatabase : public SqlDatabase {
 public:
  explicit PostgresDatabase(std::string uri) : uri_(std::move(uri)) {}

  absl::StatusOr<std::unique_ptr<SqlConnection>> Connect() override {
    PGconn* conn = PQconnectdb(uri_.c_str());
    if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
      std::string message = conn ? PQerrorMessage(conn) : "out of memory";
      while (!message.empty() && message.back() == '\n') message.pop_back();
      PQfinish(conn);
      return absl::UnavailableError(absl::StrCat("postgres: cannot connect to ",
                                                 description(), ": ", message));
    }
    PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
    return std::make_unique<PostgresConnection>(conn);
  }

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }

  // The URI without its password.
  std::string description() const override {
    size_t scheme = uri_.find("://");
    size_t at = uri_.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return uri_;
    size_t colon = uri_.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return uri_;
    return absl::StrCat(uri_.substr(0, colon), ":***", uri_.substr(at));
  }

 private:
  std::string uri_;
};

}  // namespace

std::unique_ptr<SqlDatabase> NewPostgresDatabase(std::string uri) {
  return std::make_unique<PostgresDatabase>(std::move(uri));
}

}  // namespace govreport::aggregator
