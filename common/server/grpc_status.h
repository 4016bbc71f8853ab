#ifndef GOVREPORT_COMMON_SERVER_GRPC_STATUS_H_
#define GOVREPORT_COMMON_SERVER_GRPC_STATUS_H_

// The one place where absl::Status meets grpc::Status. Code numbers are the
// same (both are google.rpc.Code); the message is kept verbatim.
//
// Thread-safe: stateless.

#include <cstdint>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace govreport::server {

grpc::Status ToGrpcStatus(const absl::Status& status);
absl::Status FromGrpcStatus(const grpc::Status& status);

// The google.rpc.Code number of `status`, for the error_code fields that
// streaming responses carry per item (0 for OK).
int32_t ToRpcCode(const absl::Status& status);

// The canonical name of a code number, e.g. 8 -> "RESOURCE_EXHAUSTED";
// "UNKNOWN" for numbers outside google.rpc.Code.
const char* RpcCodeName(int code);

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_GRPC_STATUS_H_
