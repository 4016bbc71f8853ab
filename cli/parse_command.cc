// govreport parse: documents in, the contract's export shapes out.

#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/args.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/input_files.h"
#include "cli/pipeline_setup.h"
#include "cli/report_text.h"
#include "common/report/report_export.h"

namespace govreport::cli {
namespace {

constexpr char kUsage[] =
    "Usage: govreport parse [--format json|csv|text] FILE|DIR...\n"
    "\n"
    "Parses annual reports (text, HTML, DOCX, PDF; UTF-8, GB18030 or UTF-16) "
    "and\n"
    "prints each as structured data: metadata and every table cell "
    "(CONTRACT.md\n"
    "section 3). JSON prints one object per file (pretty for a single file, "
    "one\n"
    "line each for several); CSV prints a header and one row per file.\n"
    "\n"
    "Examples:\n"
    "  govreport parse report.txt\n"
    "  govreport parse --format csv reports/ > reports.csv\n"
    "  govreport parse --format text "
    "data/samples/seeds/000_875541e45b987938.txt\n"
    "\n"
    "Exit status: 0 when every file parsed, 2 when a file could not be read "
    "or\n"
    "parsed (the others are still printed) or on a usage error.\n\n";

}  // namespace

int RunParse(const std::vector<std::string>& argv) {
  std::vector<OptionSpec> specs = {
      {"format", "json|csv|text", "json", "output format"}};
  for (auto& spec : PipelineOptionSpecs()) specs.push_back(spec);
  int exit_code = kExitOk;
  std::optional<ParsedArgs> args =
      StartCommand("parse", kUsage, specs, argv, &exit_code);
  if (!args) return exit_code;
  if (absl::Status ok = CheckChoice(*args, "format", {"json", "csv", "text"});
      !ok.ok()) {
    return Fail("parse", ok);
  }
  const std::string& format = args->Get("format");
  absl::StatusOr<PreparedRun> run = PrepareRun(*args);
  if (!run.ok()) return Fail("parse", run.status());
  const std::vector<std::string>* files = &run->files;
  Pipeline* pipeline = &run->pipeline;

  int status = kExitOk;
  std::vector<v1::Report> reports;
  reports.reserve(files->size());
  for (const std::string& file : *files) {
    auto bytes = ReadInputFile(file, pipeline->max_file_bytes);
    absl::StatusOr<v1::Report> report =
        bytes.ok() ? pipeline->parser->Parse(file, *bytes) : bytes.status();
    if (!report.ok()) {
      std::fprintf(stderr, "govreport parse: %s\n",
                   std::string(report.status().message()).c_str());
      status = kExitUsage;
      continue;
    }
    if (format == "json") {
      auto json = ReportToJson(*report);
      std::printf("%s\n", files->size() == 1 ? json.dump(1).c_str()
                                             : json.dump().c_str());
    } else if (format == "text") {
      std::printf("%s\n", ReportAsText(*report).c_str());
    } else {
      reports.push_back(*std::move(report));
    }
  }
  if (format == "csv") {
    std::vector<const v1::Report*> pointers;
    for (const auto& r : reports) pointers.push_back(&r);
    std::fputs(ReportsToCsv(pointers).c_str(), stdout);
  }
  return status;
}

}  // namespace govreport::cli
