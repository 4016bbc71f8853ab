#ifndef GOVREPORT_COMMON_SERVER_SERVER_FLAGS_H_
#define GOVREPORT_COMMON_SERVER_SERVER_FLAGS_H_

// The flags every service binary shares (each also settable as
// GOVREPORT_<NAME>, see common/config.h):
//
//   --host                       listening address (0.0.0.0)
//   --max_message_bytes          largest gRPC message (64 MiB)
//   --max_concurrent_calls       admitted application calls (64)
//   --worker_threads             handler threads (0 = CPUs)
//   --keepalive_time_seconds     ping idle clients (60)
//   --keepalive_timeout_seconds  wait for the ping ack (20)
//   --shutdown_deadline_seconds  SIGTERM to forced end (20)
//   --log_level                  debug|info|warning|error (info)
//   --tls_cert_file              PEM chain: serve TLS ("" = plaintext)
//   --tls_key_file               its PEM key
//   --tls_client_ca_file         require client certs from this CA (mTLS)
//   --auth_config                roles per token / identity ("" = open)
//   --max_call_seconds           server-side deadline (120; 0 = none)
//   --max_connection_age_seconds GOAWAY after this age (300; 0 = never)
//   --inject_latency_ms          FAULT INJECTION for tests (0)
//
// --port and --metrics_port have a different default per binary, so each
// main.cc defines them and passes their values in.

#include "absl/status/statusor.h"
#include "common/server/server_config.h"

namespace govreport::server {

struct ServerFlagValues {
  std::string program;   // e.g. "parser-svc".
  int port = 0;          // The binary's --port.
  int metrics_port = 0;  // The binary's --metrics_port.
};

// Reads the shared flags (after config::ParseFlags) into a ServerConfig and
// applies --log_level. File flags are only recorded here; Server::Start reads
// the files (a missing one is a startup error naming flag and file, exit 1).
// Out-of-range values are InvalidArgument naming the flag and its variable
// ("--port (env GOVREPORT_PORT) must be 0..65535, got 70000").
absl::StatusOr<ServerConfig> ServerConfigFromFlags(
    const ServerFlagValues& values);

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_SERVER_FLAGS_H_
