#include "common/server/access_interceptor.h"

#include <string>
#include <utility>
#include <vector>

#include "common/log.h"
#include "common/server/grpc_status.h"
#include "common/server/method_permissions.h"
#include "grpcpp/security/auth_context.h"
#include "grpcpp/server_context.h"

namespace govreport::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

class AccessInterceptor : public grpc::experimental::Interceptor {
 public:
  AccessInterceptor(const AccessPolicy* policy, CallRunner* runner,
                    ServerMetrics* metrics,
                    grpc::experimental::ServerRpcInfo* info)
      : policy_(policy),
        runner_(runner),
        metrics_(metrics),
        method_(info->method()),
        context_(info->server_context()) {}

  ~AccessInterceptor() override {
    if (recorded_) runner_->ForgetCall(context_);
  }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      Check(*methods->GetRecvInitialMetadata());
    }
    if (!refusal_.ok() && methods->QueryInterceptionHookPoint(
                              InterceptionHookPoints::PRE_SEND_STATUS)) {
      methods->ModifySendStatus(refusal_);
    }
    methods->Proceed();
  }

 private:
  void Check(
      const std::multimap<grpc::string_ref, grpc::string_ref>& metadata) {
    const MethodAccess access = AccessFor(method_);
    if (access.open) return;  // Not an application call: never admitted.
    grpc::Status decision = grpc::Status::OK;
    if (policy_ != nullptr) {
      CallerCredentials caller;
      auto header = metadata.find("authorization");
      if (header != metadata.end()) {
        caller.authorization.assign(header->second.data(),
                                    header->second.size());
      }
      if (std::shared_ptr<const grpc::AuthContext> auth =
              context_->auth_context();
          auth != nullptr) {
        caller.identities = PeerIdentities(*auth);
      }
      AccessDecision result = policy_->Decide(access.role, caller);
      if (!result.status.ok()) {
        decision = ToGrpcStatus(result.status);
        const MethodName name = MetricLabelsFor(method_);
        metrics_->AccessDenied(name, static_cast<int>(decision.error_code()));
        logging::Warning(
            "call refused",
            {{"method", absl::StrCat(name.service, "/", name.method)},
             {"code", RpcCodeName(static_cast<int>(decision.error_code()))},
             {"caller", result.caller},
             {"peer", context_->peer()},
             {"reason", std::string(result.status.message())}});
      }
    }
    refusal_ = decision;
    runner_->RecordAccess(context_, std::move(decision));
    recorded_ = true;
  }

  const AccessPolicy* const policy_;
  CallRunner* const runner_;
  ServerMetrics* const metrics_;
  const std::string method_;
  grpc::ServerContextBase* const context_;
  bool recorded_ = false;
  grpc::Status refusal_ = grpc::Status::OK;
};

}  // namespace

std::vector<std::string> PeerIdentities(const grpc::AuthContext& context) {
  std::vector<std::string> identities;
  if (!context.IsPeerAuthenticated()) return identities;
  for (const char* property :
       {"x509_common_name", "x509_subject_alternative_name"}) {
    for (const grpc::string_ref& value : context.FindPropertyValues(property)) {
      identities.emplace_back(value.data(), value.size());
    }
  }
  return identities;
}

grpc::experimental::Interceptor*
AccessInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new AccessInterceptor(policy_.get(), runner_, metrics_, info);
}

}  // namespace govreport::server
