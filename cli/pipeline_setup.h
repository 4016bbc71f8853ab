#ifndef GOVREPORT_CLI_PIPELINE_SETUP_H_
#define GOVREPORT_CLI_PIPELINE_SETUP_H_

// What the embedded subcommands share: the gazetteer and the parser built
// from the common options (--gazetteer_dir, --max_file_mb, and the limits
// per parse --max_parse_seconds and --max_parse_memory_bytes).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/args.h"
#include "common/regions/gazetteer.h"
#include "parser-svc/parser.h"
#include "validator-svc/validator.h"

namespace govreport::cli {

// The options every embedded subcommand accepts.
std::vector<OptionSpec> PipelineOptionSpecs();

struct Pipeline {
  std::unique_ptr<regions::Gazetteer> gazetteer;
  std::unique_ptr<parser::Parser> parser;
  size_t max_file_bytes = 0;
};

// Loads the gazetteer (an error names the directory) and builds the parser.
absl::StatusOr<Pipeline> MakePipeline(const ParsedArgs& args);

// What parse, validate and analyze prepare before the first file: the input
// files (positional DIR|FILE arguments, at least one), the rule configuration
// (--config, when the command has it), and the pipeline.
struct PreparedRun {
  std::vector<std::string> files;
  validator::ValidatorConfig config;
  Pipeline pipeline;
};
absl::StatusOr<PreparedRun> PrepareRun(const ParsedArgs& args);

// The default gazetteer directory: $GOVREPORT_GAZETTEER_DIR, else the one
// baked in at build time.
std::string DefaultGazetteerDir();

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_PIPELINE_SETUP_H_
