#include "common/server/metrics_interceptor.h"

#include <atomic>
#include <utility>

#include "absl/time/clock.h"
#include "grpcpp/support/status.h"

namespace govreport::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

class MetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(ServerMetrics* metrics, MethodName method)
      : metrics_(metrics), method_(std::move(method)), start_(absl::Now()) {
    metrics_->CallStarted(method_);
  }

  ~MetricsInterceptor() override { Record(grpc::StatusCode::CANCELLED); }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      Record(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  // Records the first status only.
  void Record(grpc::StatusCode code) {
    if (recorded_.exchange(true)) return;
    metrics_->CallFinished(method_, static_cast<int>(code),
                           absl::Now() - start_);
  }

  ServerMetrics* const metrics_;
  const MethodName method_;
  const absl::Time start_;
  // PRE_SEND_STATUS and other batches of a stream may be intercepted on
  // different threads.
  std::atomic<bool> recorded_{false};
};

}  // namespace

grpc::experimental::Interceptor*
MetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new MetricsInterceptor(metrics_, MetricLabelsFor(info->method()));
}

}  // namespace govreport::server
