#include "common/server/grpc_status.h"

#include <string>

namespace govreport::server {
namespace {

// google.rpc.Code numbers 0..16, shared by absl::StatusCode and
// grpc::StatusCode.
constexpr int kMaxCode = 16;

constexpr const char* kCodeNames[kMaxCode + 1] = {
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
};

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const int code = static_cast<int>(status.code());
  if (code <= 0 || code > kMaxCode) {
    return grpc::Status(grpc::StatusCode::UNKNOWN,
                        std::string(status.message()));
  }
  return grpc::Status(static_cast<grpc::StatusCode>(code),
                      std::string(status.message()));
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  const int code = static_cast<int>(status.error_code());
  if (code <= 0 || code > kMaxCode) {
    return absl::UnknownError(status.error_message());
  }
  return absl::Status(static_cast<absl::StatusCode>(code),
                      status.error_message());
}

int32_t ToRpcCode(const absl::Status& status) {
  const int code = static_cast<int>(status.code());
  return code >= 0 && code <= kMaxCode ? code : 2;  // 2: UNKNOWN.
}

const char* RpcCodeName(int code) {
  if (code < 0 || code > kMaxCode) return "UNKNOWN";
  return kCodeNames[code];
}

}  // namespace govreport::server
