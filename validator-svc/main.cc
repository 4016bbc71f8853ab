// validator-svc: Reports in, findings out, over gRPC (govreport.v1.Validator).
// Flags and environment -> config -> validator -> server scaffold.

#include <cstdint>
#include <string>

#include "absl/flags/flag.h"
#include "common/config.h"
#include "common/log.h"
#include "common/regions/gazetteer.h"
#include "common/server/server.h"
#include "common/server/server_flags.h"
#include "validator-svc/validator.h"
#include "validator-svc/validator_service.h"

ABSL_FLAG(int32_t, port, 50052, "gRPC port; 0 picks a free one.");
ABSL_FLAG(int32_t, metrics_port, 9102,
          "Prometheus /metrics HTTP port; 0 disables it.");
#ifndef GOVREPORT_DEFAULT_GAZETTEER_DIR
#error "GOVREPORT_DEFAULT_GAZETTEER_DIR must be defined by the build"
#endif

ABSL_FLAG(std::string, gazetteer_dir, GOVREPORT_DEFAULT_GAZETTEER_DIR,
          "Directory of the gazetteer files (data/gazetteer); AGENCY-MISMATCH "
          "uses it to recognise the names of other townships.");
ABSL_FLAG(std::string, validator_config, "",
          "JSON file of severity overrides, disabled rules and thresholds; "
          "empty: the contract's defaults.");

namespace govreport::validator {
namespace {

constexpr char kProgram[] = "validator-svc";

int Main(int argc, char** argv) {
  config::ParseFlags(
      argc, argv,
      {.program = kProgram,
       .usage = "Serves govreport.v1.Validator: checks a parsed Report "
                "against the rules of the contract and returns findings."});
  absl::StatusOr<server::ServerConfig> server_config =
      server::ServerConfigFromFlags(
          {.program = kProgram,
           .port = absl::GetFlag(FLAGS_port),
           .metrics_port = absl::GetFlag(FLAGS_metrics_port)});
  if (!server_config.ok()) {
    return config::ConfigError(kProgram, server_config.status());
  }

  ValidatorConfig validator_config;
  const std::string config_path = absl::GetFlag(FLAGS_validator_config);
  if (!config_path.empty()) {
    absl::StatusOr<ValidatorConfig> loaded = LoadValidatorConfig(config_path);
    if (!loaded.ok()) {
      return config::ConfigError(kProgram, loaded.status());
    }
    validator_config = *std::move(loaded);
  }

  const std::string gazetteer_dir = absl::GetFlag(FLAGS_gazetteer_dir);
  absl::StatusOr<std::unique_ptr<regions::Gazetteer>> gazetteer =
      regions::Gazetteer::Load(gazetteer_dir);
  if (!gazetteer.ok()) {
    return config::ConfigError(kProgram, gazetteer.status());
  }

  const Validator validator(std::move(validator_config), gazetteer->get());
  server::Server server(*std::move(server_config));
  ValidatorService service(&validator, &server.calls());
  return server::ServeUntilSignal(
      server, {{v1::Validator::service_full_name(), &service}});
}

}  // namespace
}  // namespace govreport::validator

int main(int argc, char** argv) {
  return govreport::validator::Main(argc, argv);
}
