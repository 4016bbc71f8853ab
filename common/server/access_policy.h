#ifndef GOVREPORT_COMMON_SERVER_ACCESS_POLICY_H_
#define GOVREPORT_COMMON_SERVER_ACCESS_POLICY_H_

// Who may call what: the --auth_config file, which maps callers to roles,
// and the decision for one call.
//
// The file is plain text, one entry a line; '#' starts a comment:
//
//   # the token's SHA-256 in hex: printf %s "$TOKEN" | sha256sum
//   token <64 hex digits> roles=ingest,read name=loader
//   # the client certificate's subject CN or one of its SANs (mTLS)
//   identity aggregator.govreport.svc roles=process
//
// Roles are lowercase words; the services use "ingest", "read" and "process"
// (method_permissions.h). `name=` labels a token in logs (default: the first
// 8 hex digits of its hash); tokens themselves are never stored or logged.
//
// A caller presents a bearer token (metadata "authorization: Bearer <t>"),
// a client certificate (mTLS), or both; its roles are the union of what the
// file grants each. Decision for a method that needs `role`:
//   * no credential, an unknown token, or a malformed authorization header:
//     UNAUTHENTICATED;
//   * a known caller without `role`: PERMISSION_DENIED.
// Tokens are compared by their SHA-256 in constant time, against every entry.
//
//   absl::StatusOr<AccessPolicy> policy = AccessPolicy::Load(path);
//   AccessDecision d = policy->Decide("ingest", {.authorization = header,
//                                                .identities = {"cn"}});
//   if (!d.status.ok()) ... refuse with d.status (names the caller, never
//   the token)
//
// Thread-safe: immutable once loaded.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace govreport::server {

// What a caller presented.
struct CallerCredentials {
  // The whole "authorization" metadata value; empty when absent.
  std::string authorization;
  // The verified client certificate's subject CN and SANs (empty without
  // mTLS).
  std::vector<std::string> identities;
};

struct AccessDecision {
  absl::Status status;  // OK, UNAUTHENTICATED or PERMISSION_DENIED.
  // Who the caller is, for logs: "token:loader", "identity:cn", or
  // "anonymous". Never the token.
  std::string caller;
};

class AccessPolicy {
 public:
  // Parses the file; errors name the file and line ("auth.conf:3: ...").
  static absl::StatusOr<AccessPolicy> Load(const std::string& path);
  // Parses `text` as the file's contents; `source` names it in errors.
  static absl::StatusOr<AccessPolicy> Parse(absl::string_view text,
                                            absl::string_view source);

  AccessDecision Decide(absl::string_view role,
                        const CallerCredentials& caller) const;

  size_t token_count() const { return tokens_.size(); }
  size_t identity_count() const { return identities_.size(); }

 private:
  struct TokenEntry {
    std::string sha256;  // 32 raw bytes.
    std::string name;
    std::vector<std::string> roles;
  };
  struct IdentityEntry {
    std::string identity;
    std::vector<std::string> roles;
  };
  std::vector<TokenEntry> tokens_;
  std::vector<IdentityEntry> identities_;
};

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_ACCESS_POLICY_H_
