// govreport validate: documents in, findings out.

#include <cstdio>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/input_files.h"
#include "cli/pipeline_setup.h"
#include "cli/report_text.h"
#include "common/report/report_export.h"
#include "validator-svc/validator.h"

namespace govreport::cli {
namespace {

constexpr char kUsage[] =
    "Usage: govreport validate [--format json|text] [--config FILE] "
    "FILE|DIR...\n"
    "\n"
    "Parses each report and checks it against the rules of CONTRACT.md section "
    "4:\n"
    "the tables' arithmetic identities (T3-ROW, T3-COL, T3-SUM, T4-SUM), blank "
    "and\n"
    "invalid cells, missing tables and sections, outdated templates, narrative "
    "that\n"
    "contradicts the tables, another agency's name, fee notices. Prints the\n"
    "findings per file: JSON prints one line per file,\n"
    "{\"file\": ..., \"findings\": [{\"rule\", \"severity\", \"cells\", "
    "\"message\",\n"
    "\"expected\", \"actual\"}, ...]}; text prints a readable list.\n"
    "\n"
    "Examples:\n"
    "  govreport validate report.pdf\n"
    "  govreport validate --format json reports/ > findings.jsonl\n"
    "  govreport validate --config province-rules.json reports/\n"
    "\n"
    "Exit status: 0 when no file has an ERROR finding, 1 when any has (unless\n"
    "--fail-on-error=false), 2 when a file could not be read or on a usage "
    "error.\n\n";

}  // namespace

int RunValidate(const std::vector<std::string>& argv) {
  std::vector<OptionSpec> specs = {
      {"format", "json|text", "text", "output format"},
      {"config", "FILE", "",
       "rule configuration (JSON: severities, thresholds, disabled rules)"},
      {"fail-on-error", "true|false", "true",
       "exit 1 when any ERROR finding exists"},
  };
  for (auto& spec : PipelineOptionSpecs()) specs.push_back(spec);
  int exit_code = kExitOk;
  std::optional<ParsedArgs> args =
      StartCommand("validate", kUsage, specs, argv, &exit_code);
  if (!args) return exit_code;
  if (absl::Status ok = CheckChoice(*args, "format", {"json", "text"});
      !ok.ok()) {
    return Fail("validate", ok);
  }
  const std::string& format = args->Get("format");
  absl::StatusOr<PreparedRun> run = PrepareRun(*args);
  if (!run.ok()) return Fail("validate", run.status());
  const std::vector<std::string>* files = &run->files;
  Pipeline* pipeline = &run->pipeline;
  validator::Validator validator(run->config, run->pipeline.gazetteer.get());

  bool unreadable = false;
  bool any_error = false;
  for (const std::string& file : *files) {
    auto bytes = ReadInputFile(file, pipeline->max_file_bytes);
    absl::StatusOr<v1::Report> report =
        bytes.ok() ? pipeline->parser->Parse(file, *bytes) : bytes.status();
    if (!report.ok()) {
      std::fprintf(stderr, "govreport validate: %s\n",
                   std::string(report.status().message()).c_str());
      unreadable = true;
      continue;
    }
    std::vector<v1::Finding> findings = validator.Validate(*report);
    for (const auto& f : findings)
      any_error |= f.severity() == v1::SEVERITY_ERROR;
    if (format == "json") {
      nlohmann::ordered_json line;
      line["file"] = file;
      line["findings"] = nlohmann::ordered_json::array();
      for (const auto& f : findings)
        line["findings"].push_back(FindingToJson(f));
      std::printf("%s\n", line.dump().c_str());
    } else {
      std::printf("%s: %s %s, %zu finding%s\n%s", file.c_str(),
                  report->agency().empty() ? "(unknown agency)"
                                           : report->agency().c_str(),
                  report->has_year() ? std::to_string(report->year()).c_str()
                                     : "(year unknown)",
                  findings.size(), findings.size() == 1 ? "" : "s",
                  FindingsAsText(findings).c_str());
    }
  }
  if (unreadable) return kExitUsage;
  if (any_error && args->Get("fail-on-error") != "false") return kExitFindings;
  return kExitOk;
}

}  // namespace govreport::cli
