#ifndef GOVREPORT_COMMON_STATUS_MACROS_H_
#define GOVREPORT_COMMON_STATUS_MACROS_H_

// RETURN_IF_ERROR and ASSIGN_OR_RETURN for absl::Status / absl::StatusOr,
// which Debian's Abseil 20220623 does not ship.
//
//   RETURN_IF_ERROR(WriteHeader(out));
//   ASSIGN_OR_RETURN(Report report, Parse(bytes));

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define GOVREPORT_CONCAT_INNER_(a, b) a##b
#define GOVREPORT_CONCAT_(a, b) GOVREPORT_CONCAT_INNER_(a, b)

#define RETURN_IF_ERROR(expr)                              \
  do {                                                     \
    ::absl::Status govreport_status_ = (expr);             \
    if (!govreport_status_.ok()) return govreport_status_; \
  } while (false)

#define ASSIGN_OR_RETURN(lhs, rexpr) \
  GOVREPORT_ASSIGN_OR_RETURN_IMPL_(  \
      GOVREPORT_CONCAT_(govreport_statusor_, __LINE__), lhs, rexpr)

#define GOVREPORT_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                     \
  if (!statusor.ok()) return std::move(statusor).status();     \
  lhs = std::move(statusor).value()

#endif  // GOVREPORT_COMMON_STATUS_MACROS_H_
