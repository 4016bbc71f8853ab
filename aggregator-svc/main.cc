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
  absl::StatusOr<std::unique_ptr<ReportProcessor>> processor =
      NewRemoteProcessor(remote);
  if (!processor.ok()) return config::ConfigError(kProgram, processor.status());

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
