// aggregator-svc: ingests reports (parsed and validated by parser-svc and
// validator-svc) into SQLite or PostgreSQL and serves regional statistics
// over gRPC (govreport.v1.Aggregator).
// Flags and environment -> config -> gazetteer + store + pipeline -> server
// scaffold.

#include <cstdint>
#include <string>

#include "absl/flags/flag.h"
#include "aggregator-svc/aggregator.h"
#include "aggregator-svc/aggregator_service.h"
#include "aggregator-svc/ingest.h"
#include "common/config.h"
#include "common/log.h"
#include "common/net/pem_file.h"
#include "common/regions/gazetteer.h"
#include "common/server/server.h"
#include "common/server/server_flags.h"
#include "validator-svc/config.h"

#ifndef GOVREPORT_DEFAULT_GAZETTEER_DIR
#error "GOVREPORT_DEFAULT_GAZETTEER_DIR must be defined by the build"
#endif

ABSL_FLAG(int32_t, port, 50053, "gRPC port; 0 picks a free one.");
ABSL_FLAG(int32_t, metrics_port, 9103,
          "Prometheus /metrics HTTP port; 0 disables it.");
ABSL_FLAG(std::string, parser_address, "localhost:50051",
          "parser-svc address (host:port).");
ABSL_FLAG(std::string, validator_address, "localhost:50052",
          "validator-svc address (host:port).");
ABSL_FLAG(
    std::string, db, "sqlite:///var/lib/govreport/govreport.db",
    "Store DSN: sqlite:///abs/path.db or postgresql://user@host:port/dbname.");
ABSL_FLAG(std::string, gazetteer_dir, GOVREPORT_DEFAULT_GAZETTEER_DIR,
          "Directory of the gazetteer files (data/gazetteer).");
ABSL_FLAG(
    std::string, validator_config, "",
    "JSON rule configuration for the cross-report rules (as validator-svc's).");
ABSL_FLAG(bool, cross_report, true,
          "Run CARRY-CONTINUITY, STOCK-CONTINUITY and TEXT-REUSE at ingest.");
ABSL_FLAG(int32_t, ingest_workers, 16,
          "Documents parsed and validated at once (calls in flight to the two "
          "services).");
ABSL_FLAG(int32_t, parse_deadline_seconds, 60,
          "Deadline of each call to parser-svc.");
ABSL_FLAG(int32_t, validate_deadline_seconds, 20,
          "Deadline of each call to validator-svc.");
ABSL_FLAG(int32_t, rpc_attempts, 4,
          "Attempts per call to parser-svc/validator-svc on UNAVAILABLE or "
          "RESOURCE_EXHAUSTED (2..5).");

ABSL_FLAG(std::string, upstream_tls_ca_file, "",
          "PEM CA certificates that parser-svc's and validator-svc's "
          "certificates must chain to; set it to call them over TLS. Empty "
          "(and no --upstream_tls_cert_file): plaintext.");
ABSL_FLAG(std::string, upstream_tls_cert_file, "",
          "PEM client certificate presented to parser-svc and validator-svc "
          "(mutual TLS; its CN/SAN is this service's identity there).");
ABSL_FLAG(std::string, upstream_tls_key_file, "",
          "PEM private key of --upstream_tls_cert_file.");
ABSL_FLAG(std::string, upstream_tls_server_name, "",
          "Name the upstream certificates must carry, when not the host of "
          "--parser_address / --validator_address.");
ABSL_FLAG(std::string, upstream_token_file, "",
          "File holding a bearer token sent to parser-svc and validator-svc "
          "(when they authorise by token rather than by mTLS identity).");

namespace govreport::aggregator {
namespace {

constexpr char kProgram[] = "aggregator-svc";

int Main(int argc, char** argv) {
  config::ParseFlags(
      argc, argv,
      {.program = kProgram,
       .usage =
           "Serves govreport.v1.Aggregator: ingests annual reports through "
           "parser-svc and validator-svc into SQLite or PostgreSQL and "
           "answers regional statistics."});
  absl::StatusOr<server::ServerConfig> server_config =
      server::ServerConfigFromFlags(
          {.program = kProgram,
           .port = absl::GetFlag(FLAGS_port),
           .metrics_port = absl::GetFlag(FLAGS_metrics_port)});
  if (!server_config.ok())
    return config::ConfigError(kProgram, server_config.status());
  const int workers = absl::GetFlag(FLAGS_ingest_workers);
  const int parse_deadline = absl::GetFlag(FLAGS_parse_deadline_seconds);
  const int validate_deadline = absl::GetFlag(FLAGS_validate_deadline_seconds);
  const int attempts = absl::GetFlag(FLAGS_rpc_attempts);
  if (workers < 1 || parse_deadline < 1 || validate_deadline < 1 ||
      attempts < 2 || attempts > 5) {
    return config::ConfigError(
        kProgram,
        absl::InvalidArgumentError(
            "--ingest_workers, --parse_deadline_seconds and "
            "--validate_deadline_seconds must be positive and --rpc_attempts "
            "2..5 "
            "(env GOVREPORT_INGEST_WORKERS, GOVREPORT_PARSE_DEADLINE_SECONDS, "
            "GOVREPORT_VALIDATE_DEADLINE_SECONDS, GOVREPORT_RPC_ATTEMPTS)"));
  }

  validator::ValidatorConfig validator_config;
  const std::string config_path = absl::GetFlag(FLAGS_validator_config);
  if (!config_path.empty()) {
    absl::StatusOr<validator::ValidatorConfig> loaded =
        validator::LoadValidatorConfig(config_path);
    if (!loaded.ok()) return config::ConfigError(kProgram, loaded.status());
    validator_config = *std::move(loaded);
  }

  const std::string gazetteer_dir = absl::GetFlag(FLAGS_gazetteer_dir);
  absl::StatusOr<std::unique_ptr<regions::Gazetteer>> gazetteer =
      regions::Gazetteer::Load(gazetteer_dir);
  if (!gazetteer.ok()) {
    logging::Error("cannot load the gazetteer",
                   {{"gazetteer_dir", gazetteer_dir},
                    {"error", std::string(gazetteer.status().message())}});
    return 1;
  }

  AggregatorOptions options;
  options.dsn = absl::GetFlag(FLAGS_db);
  options.gazetteer = gazetteer->get();
  options.validator_config = std::move(validator_config);
  options.cross_report = absl::GetFlag(FLAGS_cross_report);
  absl::StatusOr<std::unique_ptr<Aggregator>> aggregator =
      Aggregator::Open(std::move(options));
  if (!aggregator.ok()) {
    logging::Error("cannot open the store",
                   {{"error", std::string(aggregator.status().message())}});
    return 1;
  }
  logging::Info("store open", {{"db", (*aggregator)->store_description()},
                               {"divisions", (*gazetteer)->size()}});

  RemoteProcessorOptions remote;
  remote.parser_address = absl::GetFlag(FLAGS_parser_address);
  remote.validator_address = absl::GetFlag(FLAGS_validator_address);
  remote.parse_deadline = absl::Seconds(parse_deadline);
  remote.validate_deadline = absl::Seconds(validate_deadline);
  remote.max_attempts = attempts;
  remote.max_message_bytes = server_config->max_message_bytes;
  remote.security = {
      .ca_file = absl::GetFlag(FLAGS_upstream_tls_ca_file),
      .cert_file = absl::GetFlag(FLAGS_upstream_tls_cert_file),
      .key_file = absl::GetFlag(FLAGS_upstream_tls_key_file),
      .server_name = absl::GetFlag(FLAGS_upstream_tls_server_name),
      .bearer_token = "",
      .ca_flag = "--upstream_tls_ca_file",
      .cert_flag = "--upstream_tls_cert_file",
      .key_flag = "--upstream_tls_key_file"};
  if (const std::string token_file = absl::GetFlag(FLAGS_upstream_token_file);
      !token_file.empty()) {
    absl::StatusOr<std::string> token =
        net::ReadTokenFile(token_file, "--upstream_token_file");
    if (!token.ok()) {
      logging::Error("cannot start",
                     {{"error", std::string(token.status().message())}});
      return 1;
    }
    remote.security.bearer_token = *std::move(token);
  }
  absl::StatusOr<std::unique_ptr<ReportProcessor>> processor =
      NewRemoteProcessor(remote);
  if (!processor.ok() && absl::IsInvalidArgument(processor.status())) {
    return config::ConfigError(kProgram, processor.status());
  }
  if (!processor.ok()) {
    // A missing certificate or key file is a startup error (exit 1), as for
    // the server's own --tls_* files.
    logging::Error("cannot start",
                   {{"error", std::string(processor.status().message())}});
    return 1;
  }

  IngestPipeline pipeline(aggregator->get(), processor->get(),
                          {.workers = workers});
  server::Server server(*std::move(server_config));
  AggregatorService service(aggregator->get(), &pipeline, &server.calls());
  return server::ServeUntilSignal(
      server, {{v1::Aggregator::service_full_name(), &service}});
}

}  // namespace
}  // namespace govreport::aggregator

int main(int argc, char** argv) {
  return govreport::aggregator::Main(argc, argv);
}
