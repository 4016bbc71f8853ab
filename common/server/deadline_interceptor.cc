#include "common/server/deadline_interceptor.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/log.h"
#include "common/server/method_permissions.h"
#include "grpcpp/server_context.h"

namespace govreport::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

class DeadlineInterceptor : public grpc::experimental::Interceptor {
 public:
  DeadlineInterceptor(CallDeadlines* deadlines, absl::Duration limit,
                      ServerMetrics* metrics,
                      grpc::experimental::ServerRpcInfo* info)
      : deadlines_(deadlines),
        limit_(limit),
        metrics_(metrics),
        method_(info->method()),
        context_(info->server_context()),
        applies_(limit > absl::ZeroDuration() && !AccessFor(method_).open) {}

  ~DeadlineInterceptor() override { Disarm(); }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_MESSAGE)) {
      Arm();  // The server owes progress from now on.
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_MESSAGE) ||
        methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      Disarm();  // It made progress; waiting for the client is not its time.
    }
    methods->Proceed();
  }

 private:
  void Arm() {
    if (!applies_) return;
    absl::MutexLock lock(&mu_);
    if (id_ != 0) {
      deadlines_->Rearm(id_, absl::Now() + limit_);
      return;
    }
    grpc_call* call = context_->c_call();
    if (call == nullptr) return;
    const MethodName name = MetricLabelsFor(method_);
    const int64_t seconds = absl::ToInt64Seconds(limit_);
    const std::string limit_text =
        seconds * 1000 == absl::ToInt64Milliseconds(limit_)
            ? absl::StrCat(seconds, " s")
            : absl::StrCat(absl::ToInt64Milliseconds(limit_), " ms");
    ServerMetrics* metrics = metrics_;
    id_ = deadlines_->Arm(
        call, absl::Now() + limit_,
        absl::StrCat("the server's deadline of ", limit_text,
                     " (--max_call_seconds) passed without progress"),
        [metrics, name, limit_text] {
          metrics->ServerDeadlineExceeded(name);
          logging::Warning(
              "call cancelled: server deadline exceeded",
              {{"method", absl::StrCat(name.service, "/", name.method)},
               {"max_call", limit_text}});
        });
  }

  void Disarm() {
    CallDeadlines::Id id = 0;
    {
      absl::MutexLock lock(&mu_);
      id = std::exchange(id_, 0);
    }
    if (id != 0) deadlines_->Disarm(id);
  }

  CallDeadlines* const deadlines_;
  const absl::Duration limit_;
  ServerMetrics* const metrics_;
  const std::string method_;
  grpc::ServerContextBase* const context_;
  const bool applies_;
  // Hooks of one stream may run on different threads.
  absl::Mutex mu_;
  CallDeadlines::Id id_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace

grpc::experimental::Interceptor*
DeadlineInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new DeadlineInterceptor(deadlines_, limit_, metrics_, info);
}

}  // namespace govreport::server
