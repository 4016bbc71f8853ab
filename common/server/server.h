#ifndef GOVREPORT_COMMON_SERVER_SERVER_H_
#define GOVREPORT_COMMON_SERVER_SERVER_H_

// The one server scaffold every govreport service runs in:
//   * gRPC callback API, max message size and keepalive from ServerConfig;
//   * grpc.health.v1 (gRPC's default service): "" and each registered
//     service SERVING once started, NOT_SERVING when shutdown begins;
//   * server reflection;
//   * Prometheus /metrics on its own HTTP port, per-method counts and
//     latency filled by an interceptor (metrics.h);
//   * TLS or mutual TLS from PEM files (server_credentials.h);
//   * access control: every application call is checked against the
//     --auth_config roles before its handler may run (access_interceptor.h);
//   * a server-side deadline on every application call
//     (deadline_interceptor.h), and a maximum connection age so that clients
//     rebalance;
//   * admission limit and worker pool for handlers (calls(), reactors.h);
//   * graceful shutdown on SIGTERM/SIGINT: health NOT_SERVING, admitted calls
//     finish (new calls are still accepted while load balancers catch up),
//     then grpc::Server::Shutdown with what remains of the deadline, which
//     cancels whatever still runs.
//
//   server::Server server(config);
//   ParserService service(&parser, &server.calls());
//   RETURN_IF_ERROR(server.Start({{v1::Parser::service_full_name(),
//   &service}})); return server.RunUntilSignal();  // blocks; OK after a clean
//   shutdown
//
// Thread-safety: Start, RunUntilSignal and Shutdown are called from one
// thread (main); RequestShutdown, port accessors and SetServing from any.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "common/server/call_deadlines.h"
#include "common/server/call_runner.h"
#include "common/server/metrics.h"
#include "common/server/server_config.h"
#include "grpcpp/impl/service_type.h"
#include "grpcpp/server.h"

namespace govreport::server {

// A service implementation and its full proto name ("govreport.v1.Parser"),
// the name health checks ask for. The service is not owned.
struct ServiceEntry {
  std::string name;
  grpc::Service* service;
};

class Server {
 public:
  explicit Server(ServerConfig config);
  // Shuts down (as Shutdown) if still running.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The admission limit and worker pool that services hand their calls to.
  // Valid for the Server's life.
  CallRunner& calls() { return *calls_; }
  ServerMetrics& metrics() { return *metrics_; }
  const ServerConfig& config() const { return config_; }

  // Reads the TLS files and the auth config, binds the gRPC port and the
  // metrics port and starts serving. Services must outlive the Server. Errors
  // name the flag and file that could not be read, or the address that could
  // not be bound. Logs one "serving" line with the ports.
  absl::Status Start(std::vector<ServiceEntry> services);

  // The bound ports (useful with port 0); 0 before Start / when disabled.
  int port() const { return port_; }
  int metrics_port() const;

  // Sets the health status of "" and every registered service.
  void SetServing(bool serving);

  // Installs SIGTERM/SIGINT handlers, blocks until a signal or
  // RequestShutdown, then runs Shutdown. Returns OK after a clean shutdown.
  absl::Status RunUntilSignal();

  // Wakes RunUntilSignal as a signal would. Async-signal-safe.
  void RequestShutdown();

  // Graceful shutdown as described above; idempotent; blocks until done.
  void Shutdown();

 private:
  ServerConfig config_;
  std::unique_ptr<ServerMetrics> metrics_;
  std::unique_ptr<CallRunner> calls_;
  std::unique_ptr<CallDeadlines> deadlines_;
  std::vector<ServiceEntry> services_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  int wake_pipe_[2] = {-1, -1};
  bool shut_down_ = false;
};

// main()'s last line: Start, RunUntilSignal, and the process exit code — 0
// after a clean shutdown, 1 when the server could not start (logged as an
// error line naming the reason).
int ServeUntilSignal(Server& server, std::vector<ServiceEntry> services);

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_SERVER_H_
