#ifndef GOVREPORT_COMMON_SERVER_ACCESS_INTERCEPTOR_H_
#define GOVREPORT_COMMON_SERVER_ACCESS_INTERCEPTOR_H_

// The access check of every call the server receives, before its handler
// runs: the method's role (method_permissions.h) against what the caller
// presents (bearer token, mTLS identity) under the AccessPolicy
// (access_policy.h). The decision is recorded in the CallRunner, whose
// admission step (CallRunner::Admit, used by ServeUnary, ServeStream and
// every hand-written reactor) refuses the call with it — unary and streaming
// calls alike — so a refused handler never runs. As a second line, the
// status a refused call sends is forced to the refusal.
//
// A refusal is logged at warning (method, caller label, peer, reason; never
// the token) and counted in govreport_access_denied_total by code.
// Health and reflection stay open; with no policy every call is allowed.
//
// Thread-safe: one interceptor per call; the factory is shared.

#include <memory>

#include "common/server/access_policy.h"
#include "common/server/call_runner.h"
#include "common/server/metrics.h"
#include "grpcpp/support/server_interceptor.h"

namespace govreport::server {

class AccessInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `policy` null: everything allowed. `runner` and `metrics` must outlive
  // every call of the server.
  AccessInterceptorFactory(std::shared_ptr<const AccessPolicy> policy,
                           CallRunner* runner, ServerMetrics* metrics)
      : policy_(std::move(policy)), runner_(runner), metrics_(metrics) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  std::shared_ptr<const AccessPolicy> policy_;
  CallRunner* runner_;
  ServerMetrics* metrics_;
};

// The caller's verified certificate names (subject CN, then SANs); empty
// when the peer did not present a certificate.
std::vector<std::string> PeerIdentities(const grpc::AuthContext& context);

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_ACCESS_INTERCEPTOR_H_
