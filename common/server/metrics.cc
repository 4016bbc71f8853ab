#include "common/server/metrics.h"

#include <exception>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/server/grpc_status.h"
#include "google/protobuf/descriptor.h"
#include "prometheus/text_serializer.h"

namespace govreport::server {
namespace {

// Seconds; from a cache hit to a large PDF.
const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* buckets = new prometheus::Histogram::BucketBoundaries{
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
      0.5,   1,      2.5,   5,    10,    30,   60};
  return *buckets;
}

}  // namespace

MethodName SplitMethodName(absl::string_view full_method) {
  // "/package.Service/Method"
  if (full_method.size() > 1 && full_method.front() == '/') {
    const absl::string_view rest = full_method.substr(1);
    const size_t slash = rest.find('/');
    if (slash != absl::string_view::npos && slash > 0 &&
        slash + 1 < rest.size()) {
      return {std::string(rest.substr(0, slash)),
              std::string(rest.substr(slash + 1))};
    }
  }
  return {"unknown", std::string(full_method)};
}

MethodName MetricLabelsFor(absl::string_view full_method) {
  MethodName name = SplitMethodName(full_method);
  // gRPC's default health service is not built from generated protobuf code.
  const bool health = name.service == "grpc.health.v1.Health" &&
                      (name.method == "Check" || name.method == "Watch");
  if (health ||
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
          absl::StrCat(name.service, ".", name.method)) != nullptr) {
    return name;
  }
  return {"unknown", "unknown"};
}

ServerMetrics::ServerMetrics(absl::string_view program,
                             absl::string_view version)
    : registry_(std::make_shared<prometheus::Registry>()),
      handled_(prometheus::BuildCounter()
                   .Name("grpc_server_handled_total")
                   .Help("RPCs completed on the server, by status code.")
                   .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("grpc_server_handling_seconds")
                   .Help("Time from the call's arrival to its status, in "
                         "seconds.")
                   .Register(*registry_)),
      in_flight_(prometheus::BuildGauge()
                     .Name("grpc_server_in_flight_calls")
                     .Help("RPCs arrived and not yet answered.")
                     .Register(*registry_)),
      access_denied_(prometheus::BuildCounter()
                         .Name("govreport_access_denied_total")
                         .Help("Calls refused by the access check "
                               "(--auth_config), by status code.")
                         .Register(*registry_)),
      deadline_exceeded_(
          prometheus::BuildCounter()
              .Name("govreport_server_deadline_exceeded_total")
              .Help("Calls the server cancelled after --max_call_seconds "
                    "without progress.")
              .Register(*registry_)) {
  prometheus::BuildGauge()
      .Name("govreport_build_info")
      .Help("Always 1; labels name the binary and its version.")
      .Register(*registry_)
      .Add({{"program", std::string(program)},
            {"version", std::string(version)}})
      .Set(1);
}

ServerMetrics::~ServerMetrics() = default;

absl::Status ServerMetrics::StartExposer(absl::string_view host, int port) {
  const std::string address = absl::StrCat(host, ":", port);
  try {
    exposer_ = std::make_unique<prometheus::Exposer>(address, 2);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve /metrics on ", address, ": ", e.what()));
  }
  exposer_->RegisterCollectable(registry_);
  return absl::OkStatus();
}

int ServerMetrics::exposer_port() const {
  if (exposer_ == nullptr) return 0;
  const std::vector<int> ports = exposer_->GetListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

void ServerMetrics::AccessDenied(const MethodName& method, int code) {
  access_denied_
      .Add({{"grpc_service", method.service},
            {"grpc_method", method.method},
            {"grpc_code", RpcCodeName(code)}})
      .Increment();
}

void ServerMetrics::ServerDeadlineExceeded(const MethodName& method) {
  deadline_exceeded_
      .Add({{"grpc_service", method.service}, {"grpc_method", method.method}})
      .Increment();
}

void ServerMetrics::CallStarted(const MethodName& method) {
  in_flight_
      .Add({{"grpc_service", method.service}, {"grpc_method", method.method}})
      .Increment();
}

void ServerMetrics::CallFinished(const MethodName& method, int code,
                                 absl::Duration latency) {
  const prometheus::Labels labels = {{"grpc_service", method.service},
                                     {"grpc_method", method.method}};
  prometheus::Labels with_code = labels;
  with_code.emplace("grpc_code", RpcCodeName(code));
  handled_.Add(with_code).Increment();
  latency_.Add(labels, LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(latency));
  in_flight_.Add(labels).Decrement();
}

std::string ServerMetrics::Render() const {
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace govreport::server
