#include "common/server/server_flags.h"

#include <cstdint>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "common/config.h"
#include "common/log.h"

ABSL_FLAG(std::string, host, "0.0.0.0",
          "Address to listen on for gRPC and /metrics.");
ABSL_FLAG(int64_t, max_message_bytes, int64_t{64} << 20,
          "Largest gRPC message received or sent, in bytes.");
ABSL_FLAG(int32_t, max_concurrent_calls, 64,
          "Application calls admitted at once (a stream counts as one); "
          "beyond it calls get RESOURCE_EXHAUSTED with a retry hint.");
ABSL_FLAG(int32_t, worker_threads, 0,
          "Threads running handlers; 0 means the number of CPUs.");
ABSL_FLAG(int32_t, keepalive_time_seconds, 60,
          "Interval of HTTP/2 keepalive pings to clients.");
ABSL_FLAG(int32_t, keepalive_timeout_seconds, 20,
          "How long to wait for a keepalive ping's ack before closing.");
ABSL_FLAG(int32_t, shutdown_deadline_seconds, 20,
          "On SIGTERM/SIGINT: health goes NOT_SERVING, calls in progress get "
          "this long to finish, then the rest are cancelled.");
ABSL_FLAG(std::string, log_level, "info",
          "Lowest level logged: debug, info, warning or error. Document "
          "text is logged only at debug.");
ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate chain of this server; set it (with "
          "--tls_key_file) to serve TLS. Empty: plaintext.");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key of --tls_cert_file.");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA certificates; when set, every client must present a "
          "certificate signed by one of them (mutual TLS).");
ABSL_FLAG(std::string, auth_config, "",
          "File mapping bearer-token hashes and mTLS identities to roles "
          "(see README, Security). Empty: every caller may call every "
          "method.");
ABSL_FLAG(int32_t, max_call_seconds, 120,
          "Server-side deadline: a call is cancelled with DEADLINE_EXCEEDED "
          "when this long passes between a request message and the server's "
          "next message out (a unary call's whole run; a stream per item; an "
          "idle stream is never cut); 0 disables it.");
ABSL_FLAG(int32_t, max_connection_age_seconds, 300,
          "Connections are closed gracefully (GOAWAY) after about this age so "
          "that clients rebalance over new replicas; calls in progress "
          "finish. 0 disables it.");
ABSL_FLAG(int32_t, inject_latency_ms, 0,
          "FAULT INJECTION for tests: delay every application call (and "
          "every message of a stream) by this many milliseconds. Keep 0 in "
          "production.");

namespace govreport::server {
namespace {

absl::Status OutOfRange(absl::string_view flag, absl::string_view range,
                        int64_t value) {
  return absl::InvalidArgumentError(absl::StrCat(
      config::DescribeSetting(flag), " must be ", range, ", got ", value));
}

absl::Status CheckPort(absl::string_view flag, int value) {
  if (value < 0 || value > 65535) return OutOfRange(flag, "0..65535", value);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ServerConfig> ServerConfigFromFlags(
    const ServerFlagValues& values) {
  absl::StatusOr<logging::Level> level =
      logging::ParseLevel(absl::GetFlag(FLAGS_log_level));
  if (!level.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        config::DescribeSetting("log_level"), ": ", level.status().message()));
  }

  ServerConfig config;
  config.program = values.program;
  config.version = std::string(config::Version());
  config.host = absl::GetFlag(FLAGS_host);
  if (config.host.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(config::DescribeSetting("host"), " must not be empty"));
  }
  if (absl::Status s = CheckPort("port", values.port); !s.ok()) return s;
  if (absl::Status s = CheckPort("metrics_port", values.metrics_port);
      !s.ok()) {
    return s;
  }
  config.port = values.port;
  config.metrics_port = values.metrics_port;

  const int64_t max_message = absl::GetFlag(FLAGS_max_message_bytes);
  if (max_message < 1024 || max_message > INT32_MAX) {
    return OutOfRange("max_message_bytes", "1024..2147483647", max_message);
  }
  config.max_message_bytes = max_message;

  const int32_t max_calls = absl::GetFlag(FLAGS_max_concurrent_calls);
  if (max_calls < 1)
    return OutOfRange("max_concurrent_calls", ">= 1", max_calls);
  config.max_concurrent_calls = max_calls;

  const int32_t workers = absl::GetFlag(FLAGS_worker_threads);
  if (workers < 0 || workers > 1024) {
    return OutOfRange("worker_threads", "0..1024", workers);
  }
  config.worker_threads = workers;

  const int32_t keepalive = absl::GetFlag(FLAGS_keepalive_time_seconds);
  if (keepalive < 1)
    return OutOfRange("keepalive_time_seconds", ">= 1", keepalive);
  config.keepalive_time = absl::Seconds(keepalive);
  const int32_t keepalive_timeout =
      absl::GetFlag(FLAGS_keepalive_timeout_seconds);
  if (keepalive_timeout < 1) {
    return OutOfRange("keepalive_timeout_seconds", ">= 1", keepalive_timeout);
  }
  config.keepalive_timeout = absl::Seconds(keepalive_timeout);

  const int32_t deadline = absl::GetFlag(FLAGS_shutdown_deadline_seconds);
  if (deadline < 0)
    return OutOfRange("shutdown_deadline_seconds", ">= 0", deadline);
  config.shutdown_deadline = absl::Seconds(deadline);

  const int32_t latency = absl::GetFlag(FLAGS_inject_latency_ms);
  if (latency < 0) return OutOfRange("inject_latency_ms", ">= 0", latency);
  config.inject_latency = absl::Milliseconds(latency);

  config.tls_cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  config.tls_key_file = absl::GetFlag(FLAGS_tls_key_file);
  config.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  config.auth_config_file = absl::GetFlag(FLAGS_auth_config);

  const int32_t max_call = absl::GetFlag(FLAGS_max_call_seconds);
  if (max_call < 0) return OutOfRange("max_call_seconds", ">= 0", max_call);
  config.max_call_duration = absl::Seconds(max_call);
  const int32_t max_age = absl::GetFlag(FLAGS_max_connection_age_seconds);
  if (max_age < 0) {
    return OutOfRange("max_connection_age_seconds", ">= 0", max_age);
  }
  config.max_connection_age = absl::Seconds(max_age);

  logging::SetLevel(*level);
  return config;
}

}  // namespace govreport::server
