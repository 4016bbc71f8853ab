#ifndef GOVREPORT_COMMON_SERVER_METRICS_INTERCEPTOR_H_
#define GOVREPORT_COMMON_SERVER_METRICS_INTERCEPTOR_H_

// A gRPC server interceptor that records every call (health and reflection
// included) in ServerMetrics: in-flight from the moment the call is matched,
// then count by status code and latency when the server sends the status —
// before the client can see it, so a caller that got its answer finds the
// call already counted. A call that ends without a status (the client went
// away) is counted as CANCELLED.
//
// Thread-safe: one interceptor per call; ServerMetrics is thread-safe.

#include "common/server/metrics.h"
#include "grpcpp/support/server_interceptor.h"

namespace govreport::server {

class MetricsInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `metrics` must outlive every call of the server.
  explicit MetricsInterceptorFactory(ServerMetrics* metrics)
      : metrics_(metrics) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  ServerMetrics* metrics_;
};

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_METRICS_INTERCEPTOR_H_
