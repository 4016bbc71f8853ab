// What the lint knows about govreport's binaries: their flags, defaults and
// health service names, as the team's conventions define them. A container
// is taken to run a binary when its image's repository ends in that name
// (registry.example.com/govreport/parser-svc:1.2.3 runs parser-svc).

// common/server/server_flags.h, plus --port and --metrics_port of each main.cc.
const COMMON_FLAGS = [
  "host", "port", "metrics_port", "max_message_bytes", "max_concurrent_calls",
  "worker_threads", "keepalive_time_seconds", "keepalive_timeout_seconds",
  "shutdown_deadline_seconds", "log_level", "inject_latency_ms",
  "tls_cert_file", "tls_key_file", "tls_client_ca_file", "auth_config",
  "max_call_seconds", "max_connection_age_seconds",
];

export const BINARIES = {
  "parser-svc": {
    defaults: { port: 50051, metrics_port: 9101, shutdown_deadline_seconds: 20 },
    health: "govreport.v1.Parser",
    // Who may open gRPC connections to it: peers must select pods with these labels.
    callers: { "app.kubernetes.io/name": "aggregator-svc" },
    flags: [...COMMON_FLAGS, "gazetteer_dir", "max_document_bytes", "max_decompressed_bytes",
      "max_parse_seconds", "max_parse_memory_bytes"],
  },
  "validator-svc": {
    defaults: { port: 50052, metrics_port: 9102, shutdown_deadline_seconds: 20 },
    health: "govreport.v1.Validator",
    callers: { "app.kubernetes.io/name": "aggregator-svc" },
    flags: [...COMMON_FLAGS, "gazetteer_dir", "validator_config"],
  },
  "aggregator-svc": {
    defaults: { port: 50053, metrics_port: 9103, shutdown_deadline_seconds: 20 },
    health: "govreport.v1.Aggregator",
    callers: { "govreport.io/dashboard-client": "true" },
    flags: [...COMMON_FLAGS, "parser_address", "validator_address", "db", "gazetteer_dir",
      "validator_config", "cross_report", "ingest_workers", "parse_deadline_seconds",
      "validate_deadline_seconds", "rpc_attempts", "upstream_tls_ca_file",
      "upstream_tls_cert_file", "upstream_tls_key_file", "upstream_tls_server_name",
      "upstream_token_file"],
    // Addresses of other services this binary calls: flag -> binary it must reach.
    calls: { parser_address: "parser-svc", validator_address: "validator-svc" },
  },
};

export const LOG_LEVELS = ["debug", "info", "warning", "error"];

// "max_message_bytes" -> "GOVREPORT_MAX_MESSAGE_BYTES".
export function envVarFor(flag) {
  return `GOVREPORT_${flag.toUpperCase()}`;
}

// The binary name a container image runs, or undefined.
export function binaryOf(image) {
  if (typeof image !== "string") return undefined;
  const noDigest = image.split("@")[0];
  const lastSlash = noDigest.lastIndexOf("/");
  const colon = noDigest.indexOf(":", lastSlash + 1);
  const repo = colon >= 0 ? noDigest.slice(0, colon) : noDigest;
  const base = repo.slice(lastSlash + 1);
  return Object.hasOwn(BINARIES, base) ? base : undefined;
}

// Other servers of the deployment, known by image: their port and callers.
export const DEPENDENCIES = {
  postgres: { port: 5432, callers: { "app.kubernetes.io/name": "aggregator-svc" } },
};
