#ifndef GOVREPORT_AGGREGATOR_SVC_STORE_SQLITE_STORE_H_
#define GOVREPORT_AGGREGATOR_SVC_STORE_SQLITE_STORE_H_

// The embedded backend: one SQLite file in WAL mode, so readers never wait
// for the writer. Every connection sets synchronous=NORMAL (a committed
// transaction survives a crash of the process; a power cut may lose the last
// few), a busy timeout, and a page cache.

#include <memory>
#include <string>

#include "aggregator-svc/store/sql.h"

namespace govreport::aggregator {

struct SqliteOptions {
  // How long a connection waits for the write lock before failing.
  int busy_timeout_ms = 10000;
  // Page cache per connection, in KiB.
  int cache_kib = 65536;
};

// Connections to the database file at `path` (created when missing).
std::unique_ptr<SqlDatabase> NewSqliteDatabase(std::string path,
                                               SqliteOptions options = {});

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_STORE_SQLITE_STORE_H_
