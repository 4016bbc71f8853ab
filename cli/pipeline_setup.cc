#include "cli/pipeline_setup.h"

#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cli/input_files.h"
#include "common/status_macros.h"

namespace govreport::cli {

std::string DefaultGazetteerDir() {
  if (const char* env = std::getenv("GOVREPORT_GAZETTEER_DIR");
      env != nullptr && *env) {
    return env;
  }
  return GOVREPORT_DEFAULT_GAZETTEER_DIR;
}

std::vector<OptionSpec> PipelineOptionSpecs() {
  return {
      {"gazetteer_dir", "DIR", DefaultGazetteerDir(),
       "gazetteer data for region resolution"},
      {"max_file_mb", "N", "32", "refuse files larger than N MiB"},
      {"max_parse_seconds", "S", "10",
       "a file whose parse takes longer fails (DEADLINE_EXCEEDED)"},
      {"max_parse_memory_bytes", "N", std::to_string(size_t{512} << 20),
       "a file whose parse would hold more (estimated) fails "
       "(RESOURCE_EXHAUSTED)"},
  };
}

absl::StatusOr<Pipeline> MakePipeline(const ParsedArgs& args) {
  Pipeline pipeline;
  int max_mb = 0;
  if (!absl::SimpleAtoi(args.Get("max_file_mb"), &max_mb) || max_mb <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("--max_file_mb must be a positive number, got \"",
                     args.Get("max_file_mb"), "\""));
  }
  pipeline.max_file_bytes = static_cast<size_t>(max_mb) << 20;
  double max_seconds = 0;
  if (!absl::SimpleAtod(args.Get("max_parse_seconds"), &max_seconds) ||
      !(max_seconds > 0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--max_parse_seconds must be a positive number, got \"",
                     args.Get("max_parse_seconds"), "\""));
  }
  uint64_t max_memory = 0;
  if (!absl::SimpleAtoi(args.Get("max_parse_memory_bytes"), &max_memory) ||
      max_memory == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--max_parse_memory_bytes must be a positive number, got \"",
        args.Get("max_parse_memory_bytes"), "\""));
  }
  ASSIGN_OR_RETURN(pipeline.gazetteer,
                   regions::Gazetteer::Load(args.Get("gazetteer_dir")));
  parser::ParserOptions options;
  options.max_document_bytes = pipeline.max_file_bytes;
  options.max_parse_time = absl::Seconds(max_seconds);
  options.max_parse_memory_bytes = static_cast<size_t>(max_memory);
  options.gazetteer = pipeline.gazetteer.get();
  pipeline.parser = std::make_unique<parser::Parser>(options);
  return pipeline;
}

absl::StatusOr<PreparedRun> PrepareRun(const ParsedArgs& args) {
  if (args.positional.empty()) {
    return absl::InvalidArgumentError("no input folder or file (see --help)");
  }
  PreparedRun run;
  ASSIGN_OR_RETURN(run.files, ExpandInputs(args.positional));
  if (!args.Get("config").empty()) {
    ASSIGN_OR_RETURN(run.config,
                     validator::LoadValidatorConfig(args.Get("config")));
  }
  ASSIGN_OR_RETURN(run.pipeline, MakePipeline(args));
  return run;
}

}  // namespace govreport::cli
