#ifndef GOVREPORT_AGGREGATOR_SVC_STORE_POSTGRES_STORE_H_
#define GOVREPORT_AGGREGATOR_SVC_STORE_POSTGRES_STORE_H_

// The shared backend: PostgreSQL 15 through libpq, for deployments where
// several aggregator replicas write to one database. Statements are prepared
// once per connection; a lost connection reports UNAVAILABLE and the store
// reconnects.

#include <memory>
#include <string>

#include "aggregator-svc/store/sql.h"

namespace govreport::aggregator {

// Connections to the database named by a libpq URI
// ("postgresql://user@host:port/dbname", "postgresql:///db?host=/sock/dir").
std::unique_ptr<SqlDatabase> NewPostgresDatabase(std::string uri);

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_STORE_POSTGRES_STORE_H_
