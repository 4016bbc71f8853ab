#include "common/server/server.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/select.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/log.h"
#include "common/server/access_interceptor.h"
#include "common/server/deadline_interceptor.h"
#include "common/server/metrics_interceptor.h"
#include "common/server/server_credentials.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace govreport::server {
namespace {

// The write end of the running Server's wake pipe, for the signal handler.
std::atomic<int> g_signal_wake_fd{-1};

void OnTerminationSignal(int /*signal*/) {
  const int fd = g_signal_wake_fd.load();
  if (fd >= 0) {
    const char byte = 's';
    // Nothing to do on failure: a full pipe already holds a wake-up.
    [[maybe_unused]] ssize_t written = write(fd, &byte, 1);
  }
}

std::string HostPort(absl::string_view host, int port) {
  if (absl::StrContains(host, ':') && !absl::StartsWith(host, "[")) {
    return absl::StrCat("[", host, "]:", port);  // IPv6 literal.
  }
  return absl::StrCat(host, ":", port);
}

int ToMillis(absl::Duration d) {
  return static_cast<int>(absl::ToInt64Milliseconds(d));
}

}  // namespace

Server::Server(ServerConfig config)
    : config_(std::move(config)),
      metrics_(
          std::make_unique<ServerMetrics>(config_.program, config_.version)),
      calls_(std::make_unique<CallRunner>(CallRunnerOptions{
          .max_concurrent_calls = config_.max_concurrent_calls,
          .worker_threads = config_.worker_threads,
          .retry_after = config_.retry_after,
          .inject_latency = config_.inject_latency})),
      deadlines_(std::make_unique<CallDeadlines>()) {
  if (pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
    wake_pipe_[0] = wake_pipe_[1] = -1;
  }
}

Server::~Server() {
  Shutdown();
  if (wake_pipe_[0] >= 0) close(wake_pipe_[0]);
  if (wake_pipe_[1] >= 0) close(wake_pipe_[1]);
}

absl::Status Server::Start(std::vector<ServiceEntry> services) {
  if (server_ != nullptr) {
    return absl::FailedPreconditionError("the server is already started");
  }
  if (wake_pipe_[0] < 0) {
    return absl::InternalError("cannot create the shutdown wake-up pipe");
  }
  services_ = std::move(services);

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      ServerCredentialsFor(config_);
  if (!credentials.ok()) return credentials.status();
  std::shared_ptr<const AccessPolicy> policy;
  if (!config_.auth_config_file.empty()) {
    absl::StatusOr<AccessPolicy> loaded =
        AccessPolicy::Load(config_.auth_config_file);
    if (!loaded.ok()) {
      return absl::Status(
          loaded.status().code(),
          absl::StrCat("--auth_config: ", loaded.status().message()));
    }
    policy = std::make_shared<const AccessPolicy>(*std::move(loaded));
  }

  if (config_.metrics_port > 0) {
    if (absl::Status status =
            metrics_->StartExposer(config_.host, config_.metrics_port);
        !status.ok()) {
      return status;
    }
  }

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  grpc::ServerBuilder builder;
  const std::string address = HostPort(config_.host, config_.port);
  builder.AddListeningPort(address, *credentials, &port_);
  const int max_message =
      static_cast<int>(std::min<int64_t>(config_.max_message_bytes, INT32_MAX));
  builder.SetMaxReceiveMessageSize(max_message);
  builder.SetMaxSendMessageSize(max_message);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS,
                             ToMillis(config_.keepalive_time));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                             ToMillis(config_.keepalive_timeout));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(
      GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
      ToMillis(config_.min_client_ping_interval));
  if (config_.max_connection_age > absl::ZeroDuration()) {
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS,
                               ToMillis(config_.max_connection_age));
    if (config_.max_connection_age_grace != absl::InfiniteDuration()) {
      builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
                                 ToMillis(config_.max_connection_age_grace));
    }
  }
  // A second instance on the same port must fail, not share the traffic.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  for (const ServiceEntry& entry : services_) {
    builder.RegisterService(entry.service);
  }
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  // The access check and the deadline come first: the status a refused or
  // expired call sends is final before the metrics interceptor counts it.
  interceptors.push_back(std::make_unique<AccessInterceptorFactory>(
      policy, calls_.get(), metrics_.get()));
  interceptors.push_back(std::make_unique<DeadlineInterceptorFactory>(
      deadlines_.get(), config_.max_call_duration, metrics_.get()));
  interceptors.push_back(
      std::make_unique<MetricsInterceptorFactory>(metrics_.get()));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));

  server_ = builder.BuildAndStart();
  if (server_ == nullptr || port_ == 0) {
    server_.reset();
    port_ = 0;
    return absl::UnavailableError(
        absl::StrCat("cannot listen for gRPC on ", address,
                     " (address in use or not available?)"));
  }
  SetServing(true);

  logging::Fields names = logging::Fields::array();
  for (const ServiceEntry& entry : services_) names.push_back(entry.name);
  logging::Info(
      "serving",
      {{"program", config_.program},
       {"version", config_.version},
       {"host", config_.host},
       {"port", port_},
       {"metrics_port", metrics_port()},
       {"services", names},
       {"max_concurrent_calls", config_.max_concurrent_calls},
       {"max_message_bytes", config_.max_message_bytes},
       {"tls", config_.tls_cert_file.empty()
                   ? "off"
                   : (config_.tls_client_ca_file.empty() ? "tls" : "mtls")},
       {"auth", policy == nullptr ? "off" : "on"},
       {"max_call_seconds", absl::ToDoubleSeconds(config_.max_call_duration)}});
  if (config_.inject_latency > absl::ZeroDuration()) {
    logging::Warning("fault injection: every call is delayed",
                     {{"inject_latency_ms",
                       absl::ToInt64Milliseconds(config_.inject_latency)}});
  }
  return absl::OkStatus();
}

int Server::metrics_port() const { return metrics_->exposer_port(); }

void Server::SetServing(bool serving) {
  if (server_ == nullptr) return;
  grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
  if (health == nullptr) return;
  health->SetServingStatus("", serving);
  for (const ServiceEntry& entry : services_) {
    health->SetServingStatus(entry.name, serving);
  }
}

void Server::RequestShutdown() {
  if (wake_pipe_[1] >= 0) {
    const char byte = 'r';
    [[maybe_unused]] ssize_t written = write(wake_pipe_[1], &byte, 1);
  }
}

absl::Status Server::RunUntilSignal() {
  if (server_ == nullptr) {
    return absl::FailedPreconditionError("RunUntilSignal before Start");
  }
  g_signal_wake_fd.store(wake_pipe_[1]);
  struct sigaction action = {};
  action.sa_handler = OnTerminationSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  struct sigaction old_term = {};
  struct sigaction old_int = {};
  sigaction(SIGTERM, &action, &old_term);
  sigaction(SIGINT, &action, &old_int);

  // Block until the signal handler or RequestShutdown writes to the pipe.
  fd_set read_fds;
  while (true) {
    FD_ZERO(&read_fds);
    FD_SET(wake_pipe_[0], &read_fds);
    const int ready =
        select(wake_pipe_[0] + 1, &read_fds, nullptr, nullptr, nullptr);
    if (ready > 0) break;
    if (ready < 0 && errno != EINTR) {
      return absl::InternalError("waiting for a shutdown signal failed");
    }
  }
  logging::Info(
      "shutdown requested",
      {{"deadline_seconds", absl::ToInt64Seconds(config_.shutdown_deadline)},
       {"in_flight", calls_->in_flight()}});
  Shutdown();
  sigaction(SIGTERM, &old_term, nullptr);
  sigaction(SIGINT, &old_int, nullptr);
  g_signal_wake_fd.store(-1);
  return absl::OkStatus();
}

void Server::Shutdown() {
  if (server_ == nullptr || shut_down_) return;
  shut_down_ = true;
  const absl::Time deadline = absl::Now() + config_.shutdown_deadline;
  SetServing(false);
  const bool drained = calls_->WaitUntilIdle(deadline);
  server_->Shutdown(absl::ToChronoTime(deadline));
  // Handlers cancelled by Shutdown still finish their reactor; wait for them
  // so that no worker touches a call after the server is gone.
  calls_->WaitUntilIdle(absl::InfiniteFuture());
  server_->Wait();
  logging::Info("stopped", {{"drained_before_deadline", drained}});
}

int ServeUntilSignal(Server& server, std::vector<ServiceEntry> services) {
  absl::Status status = server.Start(std::move(services));
  if (status.ok()) status = server.RunUntilSignal();
  if (!status.ok()) {
    logging::Error("server failed", {{"program", server.config().program},
                                     {"error", std::string(status.message())}});
    return 1;
  }
  return 0;
}

}  // namespace govreport::server
