#include "cli/pipeline_setup.h"

#include <cstdlib>

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
  ASSIGN_OR_RETURN(pipeline.gazetteer,
                   regions::Gazetteer::Load(args.Get("gazetteer_dir")));
  parser::ParserOptions options;
  options.max_document_bytes = pipeline.max_file_bytes;
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
