#include "tests/aggregator/test_postgres.h"

#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "absl/strings/str_cat.h"

namespace govreport::testing {
namespace {

constexpr char kBin[] = "/usr/lib/postgresql/15/bin";

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

}  // namespace

absl::Status TestPostgres::Run(const std::string& command) const {
  std::string full = geteuid() == 0
                         ? absl::StrCat("runuser -u postgres -- ", command)
                         : command;
  full += absl::StrCat(" >>", dir_, "/commands.log 2>&1");
  int rc = std::system(full.c_str());
  if (rc != 0) {
    return absl::InternalError(
        absl::StrCat("`", command, "` failed (", rc, "); see ", dir_,
                     "/commands.log and ", dir_, "/server.log"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<TestPostgres>> TestPostgres::Start() {
  if (!std::filesystem::exists(absl::StrCat(kBin, "/initdb"))) {
    return absl::FailedPreconditionError(absl::StrCat(
        "PostgreSQL 15 is not installed (", kBin, "); run scripts/setup.sh"));
  }
  std::unique_ptr<TestPostgres> pg(new TestPostgres());
  char pattern[] = "/tmp/govreport-pg-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return absl::InternalError("mkdtemp failed");
  pg->dir_ = pattern;
  if (geteuid() == 0) {
    passwd* pw = getpwnam("postgres");
    if (pw == nullptr) return absl::FailedPreconditionError("no postgres user");
    if (chown(pg->dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      return absl::InternalError("chown of the temporary folder failed");
    }
  }
  pg->port_ = FreePort();
  absl::Status status =
      pg->Run(absl::StrCat(kBin, "/initdb -D ", pg->dir_,
                           "/data -U govreport --auth=trust -E UTF8 "
                           "--no-locale --no-sync"));
  if (!status.ok()) return status;
  status = pg->Run(
      absl::StrCat(kBin, "/pg_ctl -D ", pg->dir_, "/data -l ", pg->dir_,
                   "/server.log -w -t 60 -o \"-p ", pg->port_, " -k ", pg->dir_,
                   " -c listen_addresses=127.0.0.1 -c fsync=off\" start"));
  if (!status.ok()) return status;
  return pg;
}

absl::Status TestPostgres::Restart() {
  return Run(
      absl::StrCat(kBin, "/pg_ctl -D ", dir_, "/data -l ", dir_,
                   "/server.log -w -t 60 -m fast -o \"-p ", port_, " -k ", dir_,
                   " -c listen_addresses=127.0.0.1 -c fsync=off\" restart"));
}

TestPostgres::~TestPostgres() {
  Run(absl::StrCat(kBin, "/pg_ctl -D ", dir_,
                   "/data -w -t 60 -m immediate stop"))
      .IgnoreError();
  std::error_code error;
  std::filesystem::remove_all(dir_, error);
}

absl::StatusOr<std::string> TestPostgres::NewSchemaDsn() {
  std::string schema = absl::StrCat("t", ++schemas_, "_", getpid());
  std::string base =
      absl::StrCat("postgresql://govreport@127.0.0.1:", port_, "/postgres");
  PGconn* conn = PQconnectdb(base.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    return absl::UnavailableError(message);
  }
  PGresult* res = PQexec(conn, absl::StrCat("CREATE SCHEMA ", schema).c_str());
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  std::string message = PQerrorMessage(conn);
  PQclear(res);
  PQfinish(conn);
  if (!ok) return absl::InternalError(message);
  return absl::StrCat(base, "?options=-csearch_path%3D", schema);
}

absl::StatusOr<TestPostgres*> SharedTestPostgres() {
  static std::mutex mu;
  static std::unique_ptr<TestPostgres>* server = nullptr;
  static absl::Status* failure = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (server == nullptr && failure == nullptr) {
    absl::StatusOr<std::unique_ptr<TestPostgres>> started =
        TestPostgres::Start();
    if (started.ok()) {
      server = new std::unique_ptr<TestPostgres>(*std::move(started));
      // Stopped when the test binary exits.
      std::atexit([] { server->reset(); });
    } else {
      failure = new absl::Status(started.status());
    }
  }
  if (failure != nullptr) return *failure;
  return server->get();
}

}  // namespace govreport::testing
