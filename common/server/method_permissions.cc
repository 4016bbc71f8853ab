#include "common/server/method_permissions.h"

#include "absl/strings/match.h"

namespace govreport::server {
namespace {

struct Entry {
  const char* method;
  const char* role;
};

constexpr Entry kTable[] = {
    {"/govreport.v1.Aggregator/Ingest", kRoleIngest},
    {"/govreport.v1.Aggregator/IngestStream", kRoleIngest},
    {"/govreport.v1.Aggregator/GetReport", kRoleRead},
    {"/govreport.v1.Aggregator/ListReports", kRoleRead},
    {"/govreport.v1.Aggregator/GetRegionStats", kRoleRead},
    {"/govreport.v1.Aggregator/GetTimeSeries", kRoleRead},
    {"/govreport.v1.Aggregator/GetRanking", kRoleRead},
    {"/govreport.v1.Aggregator/ListChildren", kRoleRead},
    {"/govreport.v1.Parser/Parse", kRoleProcess},
    {"/govreport.v1.Parser/ParseStream", kRoleProcess},
    {"/govreport.v1.Validator/Validate", kRoleProcess},
    {"/govreport.v1.Validator/ValidateStream", kRoleProcess},
};

}  // namespace

MethodAccess AccessFor(absl::string_view full_method) {
  if (absl::StartsWith(full_method, "/grpc.health.v1.Health/") ||
      absl::StartsWith(full_method, "/grpc.reflection.")) {
    return {.open = true, .role = ""};
  }
  for (const Entry& entry : kTable) {
    if (full_method == entry.method) return {.open = false, .role = entry.role};
  }
  return {.open = false, .role = kRoleUnlisted};
}

}  // namespace govreport::server
