// The --auth_config format and the decision for one call; the permission
// table covers every RPC of the protos.

#include "common/server/access_policy.h"

#include <string>

#include "absl/strings/escaping.h"
#include "common/server/method_permissions.h"
#include "common/sha256.h"
#include "google/protobuf/descriptor.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "govreport/v1/parser.grpc.pb.h"
#include "govreport/v1/validator.grpc.pb.h"
#include "gtest/gtest.h"

namespace govreport::server {
namespace {

std::string HashHex(const std::string& token) { return Sha256Hex(token); }

CallerCredentials Token(const std::string& authorization) {
  CallerCredentials caller;
  caller.authorization = authorization;
  return caller;
}

CallerCredentials Cert(const std::string& identity) {
  CallerCredentials caller;
  caller.identities = {identity};
  return caller;
}

AccessPolicy Policy() {
  const std::string text =
      "# loader and reader\n"
      "token " +
      HashHex("tok-ingest") +
      " roles=ingest,read name=loader\n"
      "token " +
      HashHex("tok-read") +
      " roles=read   # dashboards\n"
      "\n"
      "identity aggregator roles=process\n";
  absl::StatusOr<AccessPolicy> policy = AccessPolicy::Parse(text, "auth.conf");
  EXPECT_TRUE(policy.ok()) << policy.status();
  return *policy;
}

TEST(AccessPolicy, Sha256IsTheStandardDigest) {
  EXPECT_EQ(HashHex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(AccessPolicy, ParsesTokensAndIdentities) {
  AccessPolicy policy = Policy();
  EXPECT_EQ(policy.token_count(), 2u);
  EXPECT_EQ(policy.identity_count(), 1u);
}

TEST(AccessPolicy, KnownTokenWithTheRoleIsAllowed) {
  AccessDecision d = Policy().Decide("ingest", Token("Bearer tok-ingest"));
  EXPECT_TRUE(d.status.ok()) << d.status;
  EXPECT_EQ(d.caller, "token:loader");
  d = Policy().Decide("read", Token("bearer tok-read"));
  EXPECT_TRUE(d.status.ok()) << d.status;
  EXPECT_EQ(d.caller, "token:" + HashHex("tok-read").substr(0, 8));
}

TEST(AccessPolicy, KnownTokenWithoutTheRoleIsPermissionDenied) {
  AccessDecision d = Policy().Decide("ingest", Token("Bearer tok-read"));
  EXPECT_EQ(d.status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(d.status.message(),
            "token:" + HashHex("tok-read").substr(0, 8) +
                " lacks the role \"ingest\" this method needs");
}

TEST(AccessPolicy, MissingUnknownOrMalformedCredentialIsUnauthenticated) {
  AccessPolicy policy = Policy();
  EXPECT_EQ(policy.Decide("read", {}).status.code(),
            absl::StatusCode::kUnauthenticated);
  AccessDecision unknown = policy.Decide("read", Token("Bearer tok-ingestX"));
  EXPECT_EQ(unknown.status.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(unknown.status.message(), "the bearer token is not known");
  EXPECT_EQ(unknown.caller, "unknown-token");
  EXPECT_EQ(policy.Decide("read", Token("Basic dXNlcjpwdw==")).status.code(),
            absl::StatusCode::kUnauthenticated);
  // A certificate the file does not list.
  EXPECT_EQ(policy.Decide("process", Cert("intruder")).status.code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(AccessPolicy, MtlsIdentityGetsItsRoles) {
  AccessPolicy policy = Policy();
  AccessDecision d = policy.Decide("process", Cert("aggregator"));
  EXPECT_TRUE(d.status.ok()) << d.status;
  EXPECT_EQ(d.caller, "identity:aggregator");
  EXPECT_EQ(policy.Decide("read", Cert("aggregator")).status.code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(AccessPolicy, TheTokenNeverAppearsInMessages) {
  AccessPolicy policy = Policy();
  for (const char* token : {"tok-read", "tok-secret-unknown"}) {
    AccessDecision d =
        policy.Decide("ingest", Token(std::string("Bearer ") + token));
    EXPECT_EQ(d.status.message().find(token), absl::string_view::npos);
    EXPECT_EQ(d.caller.find(token), std::string::npos);
  }
}

TEST(AccessPolicy, ErrorsNameTheFileAndLine) {
  auto bad = AccessPolicy::Parse("\ntoken tok-in-clear roles=read\n", "a.conf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "a.conf:2: a token is given as the 64 lowercase hex digits of its "
            "SHA-256 (printf %s \"$TOKEN\" | sha256sum), never in clear");
  bad = AccessPolicy::Parse("identity x\n", "a.conf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "a.conf:1: identity needs a value and roles=...");
  bad = AccessPolicy::Parse("user x roles=read\n", "a.conf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "a.conf:1: unknown entry \"user\" (expected token or identity)");
  bad = AccessPolicy::Parse("identity x roles=Read\n", "a.conf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "a.conf:1: bad role name \"Read\" (lowercase letters, digits, - or "
            "_)");
  EXPECT_EQ(AccessPolicy::Load("/nonexistent/auth.conf").status().message(),
            "cannot read the auth config /nonexistent/auth.conf: No such file "
            "or directory");
}

TEST(MethodPermissions, IngestReadAndProcessAreSeparate) {
  EXPECT_EQ(AccessFor("/govreport.v1.Aggregator/Ingest").role, "ingest");
  EXPECT_EQ(AccessFor("/govreport.v1.Aggregator/IngestStream").role, "ingest");
  EXPECT_EQ(AccessFor("/govreport.v1.Aggregator/GetRegionStats").role, "read");
  EXPECT_EQ(AccessFor("/govreport.v1.Aggregator/ListReports").role, "read");
  EXPECT_EQ(AccessFor("/govreport.v1.Parser/ParseStream").role, "process");
  EXPECT_EQ(AccessFor("/govreport.v1.Validator/Validate").role, "process");
  EXPECT_TRUE(AccessFor("/grpc.health.v1.Health/Check").open);
  EXPECT_TRUE(AccessFor("/grpc.health.v1.Health/Watch").open);
  EXPECT_TRUE(
      AccessFor(
          "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
          .open);
  const MethodAccess unlisted = AccessFor("/govreport.v1.Aggregator/DropAll");
  EXPECT_FALSE(unlisted.open);
  EXPECT_EQ(unlisted.role, kRoleUnlisted);
  // No caller can hold the unlisted role.
  EXPECT_EQ(
      Policy().Decide(kRoleUnlisted, Token("Bearer tok-ingest")).status.code(),
      absl::StatusCode::kPermissionDenied);
}

TEST(MethodPermissions, EveryMethodOfTheProtosHasARole) {
  const google::protobuf::ServiceDescriptor* services[] = {
      v1::IngestRequest::descriptor()->file()->FindServiceByName("Aggregator"),
      v1::ParseRequest::descriptor()->file()->FindServiceByName("Parser"),
      v1::ValidateRequest::descriptor()->file()->FindServiceByName(
          "Validator")};
  for (const google::protobuf::ServiceDescriptor* service : services) {
    ASSERT_NE(service, nullptr);
    for (int i = 0; i < service->method_count(); ++i) {
      const std::string method =
          "/" + service->full_name() + "/" + service->method(i)->name();
      const MethodAccess access = AccessFor(method);
      EXPECT_FALSE(access.open) << method;
      EXPECT_NE(access.role, kRoleUnlisted) << method;
    }
  }
}

}  // namespace
}  // namespace govreport::server
