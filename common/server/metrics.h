#ifndef GOVREPORT_COMMON_SERVER_METRICS_H_
#define GOVREPORT_COMMON_SERVER_METRICS_H_

// The process's Prometheus registry and the per-method RPC metrics that the
// server interceptor (metrics_interceptor.h) fills:
//
//   grpc_server_handled_total{grpc_service,grpc_method,grpc_code}   counter
//   grpc_server_handling_seconds{grpc_service,grpc_method}          histogram
//   grpc_server_in_flight_calls{grpc_service,grpc_method}           gauge
//   govreport_build_info{program,version}                           gauge = 1
//   govreport_access_denied_total{grpc_service,grpc_method,grpc_code}  counter
//   govreport_server_deadline_exceeded_total{grpc_service,grpc_method} counter
//
// The last two are filled by the access check and the server-side deadline
// (access_interceptor.h, deadline_interceptor.h); grpc_code there is
// UNAUTHENTICATED or PERMISSION_DENIED.
//
// grpc_service is the full service name ("govreport.v1.Parser"), grpc_method
// the bare method ("Parse"), grpc_code the canonical code name ("OK",
// "RESOURCE_EXHAUSTED"). Services may register their own families on
// registry().
//
// Thread-safe: all methods may be called concurrently.

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "prometheus/counter.h"
#include "prometheus/exposer.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace govreport::server {

// "/govreport.v1.Parser/Parse" -> {"govreport.v1.Parser", "Parse"}; a name
// without that shape goes whole into `method` with service "unknown".
struct MethodName {
  std::string service;
  std::string method;
};
MethodName SplitMethodName(absl::string_view full_method);

// The metric labels of a called method: SplitMethodName for a method this
// process defines (in the generated protobuf descriptor pool, or gRPC's
// health service), else {"unknown", "unknown"} — a caller asking for made-up
// method names must not be able to grow the label set without bound.
MethodName MetricLabelsFor(absl::string_view full_method);

class ServerMetrics {
 public:
  ServerMetrics(absl::string_view program, absl::string_view version);
  ~ServerMetrics();

  // Serves GET /metrics on host:port over HTTP. Port 0 is not allowed here
  // (the caller skips the call to disable the endpoint). Errors name the
  // address.
  absl::Status StartExposer(absl::string_view host, int port);
  // The bound HTTP port, or 0 when not serving.
  int exposer_port() const;

  void CallStarted(const MethodName& method);
  // `code` is a google.rpc.Code number.
  void CallFinished(const MethodName& method, int code, absl::Duration latency);

  void AccessDenied(const MethodName& method, int code);
  void ServerDeadlineExceeded(const MethodName& method);

  // The text exposition of everything registered (what /metrics returns).
  std::string Render() const;

  prometheus::Registry& registry() { return *registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& handled_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Family<prometheus::Gauge>& in_flight_;
  prometheus::Family<prometheus::Counter>& access_denied_;
  prometheus::Family<prometheus::Counter>& deadline_exceeded_;
  std::unique_ptr<prometheus::Exposer> exposer_;
};

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_METRICS_H_
