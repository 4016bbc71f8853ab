#ifndef GOVREPORT_COMMON_SERVER_SERVER_CONFIG_H_
#define GOVREPORT_COMMON_SERVER_SERVER_CONFIG_H_

// What the server scaffold needs to know; main() fills it from flags
// (server_flags.h), tests fill it directly.

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace govreport::server {

struct ServerConfig {
  // Binary name for logs, --version and the build-info metric.
  std::string program;
  std::string version;

  // gRPC listening address; port 0 picks a free port (see Server::port()).
  std::string host = "0.0.0.0";
  int port = 0;
  // Prometheus /metrics over HTTP on `host`; 0 disables the endpoint.
  int metrics_port = 0;

  // Largest message received or sent.
  int64_t max_message_bytes = int64_t{64} << 20;
  // Application calls running or queued at once (a stream counts as one for
  // its whole life); beyond it calls get RESOURCE_EXHAUSTED with a retry
  // hint. Health and reflection are not counted.
  int max_concurrent_calls = 64;
  // Threads running handlers; 0 means the number of CPUs (at least 2).
  int worker_threads = 0;
  // The retry hint given with RESOURCE_EXHAUSTED.
  absl::Duration retry_after = absl::Milliseconds(250);

  // HTTP/2 keepalive pings to idle clients, and how long to wait for the ack.
  absl::Duration keepalive_time = absl::Seconds(60);
  absl::Duration keepalive_timeout = absl::Seconds(20);
  // Closest spacing of client pings the server tolerates.
  absl::Duration min_client_ping_interval = absl::Seconds(10);

  // From SIGTERM/SIGINT to the forced end of the calls still running.
  absl::Duration shutdown_deadline = absl::Seconds(20);

  // TLS (PEM files, read by Start): plaintext while tls_cert_file is empty.
  // With tls_client_ca_file, clients must present a certificate that chains
  // to it (mutual TLS); their CN/SANs then identify them to auth_config_file.
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;
  // Roles per caller (access_policy.h), read by Start; empty: every caller
  // may call every method.
  std::string auth_config_file;

  // Server-side deadline: from a request message to the server's next
  // message out (deadline_interceptor.h); zero disables it.
  absl::Duration max_call_duration = absl::Seconds(120);
  // Connections get GOAWAY after this age (with some jitter from gRPC) so
  // that clients reconnect and spread over new replicas; calls in progress
  // then get `max_connection_age_grace` to finish (infinite: as long as they
  // need). Zero age: connections are never aged out.
  absl::Duration max_connection_age = absl::Seconds(300);
  absl::Duration max_connection_age_grace = absl::InfiniteDuration();

  // FAULT INJECTION, for tests only: every application call (and every
  // message of a stream) sleeps this long before its handler runs.
  absl::Duration inject_latency = absl::ZeroDuration();
};

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_SERVER_CONFIG_H_
