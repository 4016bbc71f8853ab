#ifndef GOVREPORT_COMMON_SERVER_METHOD_PERMISSIONS_H_
#define GOVREPORT_COMMON_SERVER_METHOD_PERMISSIONS_H_

// The role each RPC method needs, in one table that the server scaffold
// enforces for every call (access_interceptor.h), so that no service can
// forget it:
//
//   govreport.v1.Aggregator  Ingest, IngestStream                   "ingest"
//                            GetReport, ListReports, GetRegionStats,
//                            GetTimeSeries, GetRanking, ListChildren  "read"
//   govreport.v1.Parser      Parse, ParseStream                      "process"
//   govreport.v1.Validator   Validate, ValidateStream                "process"
//   grpc.health.v1.Health, server reflection                         open
//
// Any other method needs a role no one can hold: adding an RPC means adding
// its line here (a test checks that every method of the protos has one).
//
//   MethodAccess access = AccessFor("/govreport.v1.Aggregator/Ingest");
//   // access.open == false, access.role == "ingest"
//
// Thread-safe: stateless.

#include <string>

#include "absl/strings/string_view.h"

namespace govreport::server {

inline constexpr char kRoleIngest[] = "ingest";
inline constexpr char kRoleRead[] = "read";
inline constexpr char kRoleProcess[] = "process";
// Required by methods missing from the table; AccessPolicy rejects it as a
// role name, so no caller has it.
inline constexpr char kRoleUnlisted[] = "<unlisted method>";

struct MethodAccess {
  // Health and reflection: no credential needed, not an application call.
  bool open = false;
  std::string role;
};

// `full_method` as gRPC gives it: "/package.Service/Method".
MethodAccess AccessFor(absl::string_view full_method);

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_METHOD_PERMISSIONS_H_
