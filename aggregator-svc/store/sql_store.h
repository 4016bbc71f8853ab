#ifndef GOVREPORT_AGGREGATOR_SVC_STORE_SQL_STORE_H_
#define GOVREPORT_AGGREGATOR_SVC_STORE_SQL_STORE_H_

// The Store over any SqlDatabase: every query is written once, in the SQL
// both SQLite and PostgreSQL accept, with parameters for every value.
// Readers take connections from a pool; one writer connection serves the
// write transactions one at a time. A connection that broke (PostgreSQL
// restarted) is replaced on next use.

#include <memory>

#include "absl/status/statusor.h"
#include "aggregator-svc/store/sql.h"
#include "aggregator-svc/store/store.h"

namespace govreport::aggregator {

// Connects, applies pending migrations and returns the store.
absl::StatusOr<std::unique_ptr<Store>> OpenSqlStore(
    std::unique_ptr<SqlDatabase> database);

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_STORE_SQL_STORE_H_
