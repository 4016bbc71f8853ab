#include "common/server/grpc_status.h"

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace govreport::server {
namespace {

TEST(ToGrpcStatus, KeepsCodeAndMessage) {
  grpc::Status status = ToGrpcStatus(
      absl::InvalidArgumentError("a.pdf: page 3: scanned PDF, no text layer"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "a.pdf: page 3: scanned PDF, no text layer");
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

TEST(ToGrpcStatus, MapsEveryCanonicalCodeToTheSameNumber) {
  for (int code = 1; code <= 16; ++code) {
    absl::Status in(static_cast<absl::StatusCode>(code), "m");
    grpc::Status out = ToGrpcStatus(in);
    EXPECT_EQ(static_cast<int>(out.error_code()), code);
    EXPECT_EQ(FromGrpcStatus(out), in);
  }
}

TEST(ToGrpcStatus, UnknownCodeNumbersBecomeUnknown) {
  absl::Status odd(static_cast<absl::StatusCode>(42), "odd");
  grpc::Status out = ToGrpcStatus(odd);
  EXPECT_EQ(out.error_code(), grpc::StatusCode::UNKNOWN);
  EXPECT_EQ(out.error_message(), "odd");
  EXPECT_EQ(ToRpcCode(odd), 2);
}

TEST(FromGrpcStatus, KeepsCodeAndMessage) {
  absl::Status status = FromGrpcStatus(
      grpc::Status(grpc::StatusCode::UNAVAILABLE, "parser-svc is down"));
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(status.message(), "parser-svc is down");
  EXPECT_TRUE(FromGrpcStatus(grpc::Status::OK).ok());
}

TEST(ToRpcCode, IsTheGoogleRpcCodeNumber) {
  EXPECT_EQ(ToRpcCode(absl::OkStatus()), 0);
  EXPECT_EQ(ToRpcCode(absl::InvalidArgumentError("x")), 3);
  EXPECT_EQ(ToRpcCode(absl::ResourceExhaustedError("x")), 8);
  EXPECT_EQ(ToRpcCode(absl::UnauthenticatedError("x")), 16);
}

TEST(RpcCodeName, NamesEveryCode) {
  EXPECT_STREQ(RpcCodeName(0), "OK");
  EXPECT_STREQ(RpcCodeName(3), "INVALID_ARGUMENT");
  EXPECT_STREQ(RpcCodeName(8), "RESOURCE_EXHAUSTED");
  EXPECT_STREQ(RpcCodeName(16), "UNAUTHENTICATED");
  EXPECT_STREQ(RpcCodeName(17), "UNKNOWN");
  EXPECT_STREQ(RpcCodeName(-1), "UNKNOWN");
}

}  // namespace
}  // namespace govreport::server
