// parser-svc: documents in, Reports out, over gRPC (govreport.v1.Parser).
// Flags and environment -> config -> gazetteer + parser -> server scaffold.

#include <cstdint>
#include <string>
#include <utility>

#include "absl/flags/flag.h"
#include "common/config.h"
#include "common/log.h"
#include "common/regions/gazetteer.h"
#include "common/server/server.h"
#include "common/server/server_flags.h"
#include "parser-svc/parser.h"
#include "parser-svc/parser_service.h"

#ifndef GOVREPORT_DEFAULT_GAZETTEER_DIR
#error "GOVREPORT_DEFAULT_GAZETTEER_DIR must be defined by the build"
#endif

ABSL_FLAG(int32_t, port, 50051, "gRPC port; 0 picks a free one.");
ABSL_FLAG(int32_t, metrics_port, 9101,
          "Prometheus /metrics HTTP port; 0 disables it.");
ABSL_FLAG(std::string, gazetteer_dir, GOVREPORT_DEFAULT_GAZETTEER_DIR,
          "Directory of the gazetteer files (data/gazetteer).");
ABSL_FLAG(int64_t, max_document_bytes, int64_t{32} << 20,
          "Documents larger than this are refused.");
ABSL_FLAG(int64_t, max_decompressed_bytes, int64_t{256} << 20,
          "Largest total a DOCX may decompress to.");
ABSL_FLAG(double, max_parse_seconds, 10,
          "Wall-clock time one document's parse may take; past it the "
          "document fails with DEADLINE_EXCEEDED.");
ABSL_FLAG(int64_t, max_parse_memory_bytes, int64_t{512} << 20,
          "Estimated memory one document's parse may hold; past it the "
          "document fails with RESOURCE_EXHAUSTED before the memory is taken.");

namespace govreport::parser {
namespace {

constexpr char kProgram[] = "parser-svc";

int Main(int argc, char** argv) {
  config::ParseFlags(
      argc, argv,
      {.program = kProgram,
       .usage = "Serves govreport.v1.Parser: turns annual-report documents "
                "(text, HTML, DOCX, PDF) into structured Reports."});
  absl::StatusOr<server::ServerConfig> server_config =
      server::ServerConfigFromFlags(
          {.program = kProgram,
           .port = absl::GetFlag(FLAGS_port),
           .metrics_port = absl::GetFlag(FLAGS_metrics_port)});
  if (!server_config.ok()) {
    return config::ConfigError(kProgram, server_config.status());
  }
  const int64_t max_document = absl::GetFlag(FLAGS_max_document_bytes);
  const int64_t max_decompressed = absl::GetFlag(FLAGS_max_decompressed_bytes);
  const double max_parse_seconds = absl::GetFlag(FLAGS_max_parse_seconds);
  const int64_t max_parse_memory = absl::GetFlag(FLAGS_max_parse_memory_bytes);
  if (!(max_parse_seconds > 0) || max_parse_memory < 1) {
    return config::ConfigError(
        kProgram,
        absl::InvalidArgumentError(
            "--max_parse_seconds (env GOVREPORT_MAX_PARSE_SECONDS) and "
            "--max_parse_memory_bytes (env GOVREPORT_MAX_PARSE_MEMORY_BYTES) "
            "must be positive"));
  }
  if (max_document < 1 || max_decompressed < 1) {
    return config::ConfigError(
        kProgram, absl::InvalidArgumentError(
                      "--max_document_bytes (env GOVREPORT_MAX_DOCUMENT_BYTES) "
                      "and --max_decompressed_bytes (env "
                      "GOVREPORT_MAX_DECOMPRESSED_BYTES) must be positive"));
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
  logging::Info("gazetteer loaded", {{"gazetteer_dir", gazetteer_dir},
                                     {"divisions", (*gazetteer)->size()}});

  ParserOptions options;
  options.max_document_bytes = static_cast<size_t>(max_document);
  options.max_decompressed_bytes = static_cast<size_t>(max_decompressed);
  options.gazetteer = gazetteer->get();
  options.max_parse_time = absl::Seconds(max_parse_seconds);
  options.max_parse_memory_bytes = static_cast<size_t>(max_parse_memory);
  const Parser parser(std::move(options));
  server::Server server(*std::move(server_config));
  ParserService service(&parser, &server.calls());
  return server::ServeUntilSignal(
      server, {{v1::Parser::service_full_name(), &service}});
}

}  // namespace
}  // namespace govreport::parser

int main(int argc, char** argv) { return govreport::parser::Main(argc, argv); }
