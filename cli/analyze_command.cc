// govreport analyze: the main job. A folder of reports in; checked data, a
// regional summary and report.html out; everything in one process.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "aggregator-svc/aggregator.h"
#include "cli/analyze/analyzed_file.h"
#include "cli/analyze/output_files.h"
#include "cli/analyze/report_html.h"
#include "cli/analyze/summary.h"
#include "cli/args.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/input_files.h"
#include "cli/pipeline_setup.h"
#include "cli/progress.h"
#include "validator-svc/validator.h"

namespace govreport::cli {
namespace {

constexpr char kUsage[] =
    "Usage: govreport analyze [--out DIR] [--db sqlite:///PATH] [--jobs N]\n"
    "                         [--fail-on-error] DIR|FILE...\n"
    "\n"
    "The whole pipeline in one process, no servers: parses every report "
    "(text,\n"
    "HTML, DOCX, PDF), checks it (arithmetic identities, blanks, sections,\n"
    "narrative against tables, copied text, continuity with the previous "
    "year),\n"
    "stores it in SQLite and computes every metric for every region level and\n"
    "year. Prints the files with problems, a regional summary and the most\n"
    "frequent findings, and writes to --out:\n"
    "  reports.csv, reports.jsonl  every report's metadata and cells\n"
    "  findings.csv                every finding with its cells and place\n"
    "  metrics.csv                 every metric, region, level, year, agency "
    "kind\n"
    "  skipped.csv                 files that are not reports, with the "
    "reason\n"
    "  report.html                 one self-contained page to open in a "
    "browser\n"
    "Inside a folder, X.expected.json beside X is a ground-truth file, not a\n"
    "report, and is left out.\n"
    "\n"
    "Examples:\n"
    "  govreport analyze data/samples\n"
    "  govreport analyze --out out/luoyang-2023 --jobs 4 "
    "~/reports/luoyang/2023\n"
    "  govreport analyze --db sqlite:///var/lib/govreport/all.db "
    "--fail-on-error reports/\n"
    "\n"
    "Exit status: 0 on success (files that are not annual reports are listed "
    "as\n"
    "skipped), 1 with --fail-on-error when any report has an ERROR finding, 2 "
    "when\n"
    "a file could not be read or parsed (the others are still analysed), on a\n"
    "usage error, or when the outputs cannot be written.\n\n";

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

// Parses and validates every file on `jobs` threads; results in input order.
std::vector<AnalyzedFile> ParseAndValidate(
    const std::vector<std::string>& paths, const Pipeline& pipeline,
    const validator::Validator& validator, int jobs, Progress& progress) {
  std::vector<AnalyzedFile> files(paths.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < paths.size(); i = next++) {
      AnalyzedFile& f = files[i];
      f.path = paths[i];
      auto bytes = ReadInputFile(f.path, pipeline.max_file_bytes);
      absl::StatusOr<v1::Report> report =
          bytes.ok() ? pipeline.parser->Parse(f.path, *bytes) : bytes.status();
      if (!report.ok()) {
        f.status = report.status();
      } else {
        f.findings = validator.Validate(*report);
        f.report = *std::move(report);
      }
      progress.Advance();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  return files;
}

// Stores the reports, then reads back each one's findings: the cross-report
// rules add to them, and may revise them as later reports arrive.
absl::Status StoreReports(aggregator::Aggregator& store,
                          std::vector<AnalyzedFile>& files) {
  std::vector<aggregator::ParsedReport> items;
  std::vector<size_t> index;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!files[i].report.has_value()) continue;
    aggregator::ParsedReport item;
    item.report = *files[i].report;
    item.findings = files[i].findings;
    items.push_back(std::move(item));
    index.push_back(i);
  }
  std::vector<v1::IngestResponse> results = store.IngestBatch(std::move(items));
  for (size_t k = 0; k < results.size(); ++k) {
    AnalyzedFile& f = files[index[k]];
    if (results[k].outcome() == v1::INGEST_OUTCOME_FAILED) {
      return absl::Status(
          static_cast<absl::StatusCode>(results[k].error_code()),
          absl::StrCat(f.path,
                       ": could not be stored: ", results[k].error_message()));
    }
    v1::GetReportRequest request;
    request.set_id(results[k].report_id());
    auto stored = store.GetReport(request);
    if (!stored.ok()) return stored.status();
    f.findings.assign(stored->findings().begin(), stored->findings().end());
  }
  return absl::OkStatus();
}

}  // namespace

int RunAnalyze(const std::vector<std::string>& argv) {
  std::vector<OptionSpec> specs = {
      {"out", "DIR", "out", "where the output files go"},
      {"db", "DSN", "", "store (default: sqlite://<out>/govreport.db)"},
      {"jobs", "N",
       absl::StrCat(std::max(1u, std::thread::hardware_concurrency())),
       "parallel workers"},
      {"config", "FILE", "", "rule configuration (JSON)"},
      {"fail-on-error", "", "", "exit 1 when any report has an ERROR finding"},
  };
  for (auto& spec : PipelineOptionSpecs()) specs.push_back(spec);
  int exit_code = kExitOk;
  std::optional<ParsedArgs> args =
      StartCommand("analyze", kUsage, specs, argv, &exit_code);
  if (!args) return exit_code;
  int jobs = 0;
  if (!absl::SimpleAtoi(args->Get("jobs"), &jobs) || jobs <= 0) {
    std::fprintf(
        stderr,
        "govreport analyze: --jobs must be a positive number, got \"%s\"\n",
        args->Get("jobs").c_str());
    return kExitUsage;
  }
  absl::StatusOr<PreparedRun> run = PrepareRun(*args);
  if (!run.ok()) return Fail("analyze", run.status());
  const std::vector<std::string>* paths = &run->files;
  const validator::ValidatorConfig& config = run->config;
  Pipeline* pipeline = &run->pipeline;

  const std::string out_dir = args->Get("out");
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "govreport analyze: %s: cannot create: %s\n",
                 out_dir.c_str(), ec.message().c_str());
    return kExitUsage;
  }
  std::string dsn = args->Get("db");
  if (dsn.empty()) {
    dsn = absl::StrCat(
        "sqlite://", std::filesystem::absolute(std::filesystem::path(out_dir) /
                                               "govreport.db")
                         .lexically_normal()
                         .string());
  }

  auto start = std::chrono::steady_clock::now();
  Progress progress(paths->size(), stderr, isatty(STDERR_FILENO) != 0);
  validator::Validator validator(config, pipeline->gazetteer.get());
  std::vector<AnalyzedFile> files =
      ParseAndValidate(*paths, *pipeline, validator, jobs, progress);
  progress.Finish();

  aggregator::AggregatorOptions options;
  options.dsn = dsn;
  options.gazetteer = pipeline->gazetteer.get();
  options.validator_config = config;
  auto store = aggregator::Aggregator::Open(options);
  if (!store.ok()) {
    return Fail("analyze", store.status());
  }
  if (absl::Status stored = StoreReports(**store, files); !stored.ok()) {
    return Fail("analyze", stored);
  }
  // Every metric for all agency kinds together, then for each kind.
  auto metrics = (*store)->ExportMetrics(/*by_kind=*/false);
  auto by_kind =
      metrics.ok() ? (*store)->ExportMetrics(/*by_kind=*/true) : metrics;
  if (!by_kind.ok()) {
    return Fail("analyze", by_kind.status());
  }
  metrics->insert(metrics->end(), by_kind->begin(), by_kind->end());
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();

  if (absl::Status written = WriteOutputFiles(out_dir, files, *metrics);
      !written.ok()) {
    return Fail("analyze", written);
  }
  HtmlReportInput html;
  html.files = &files;
  html.metrics = &*metrics;
  html.generated_at = NowUtc();
  for (const auto& m : *metrics) {
    std::vector<std::string> path =
        pipeline->gazetteer->PathOf(m.region_code());
    html.parent_of[m.region_code()] =
        path.size() >= 2 ? path[path.size() - 2] : "";
  }
  if (absl::Status written =
          WriteFileAtomically(out_dir, "report.html", RenderHtmlReport(html));
      !written.ok()) {
    return Fail("analyze", written);
  }

  SummaryInput summary{&files,  &*metrics, html.parent_of,
                       seconds, out_dir,   (*store)->store_description()};
  std::fputs(RenderSummary(summary).c_str(), stdout);
  bool any_error = false, unreadable = false;
  for (const auto& f : files) {
    any_error |= f.is_report() && f.Count(v1::SEVERITY_ERROR) > 0;
    unreadable |= !f.status.ok();
  }
  if (unreadable) return kExitUsage;
  return any_error && args->Flag("fail-on-error") ? kExitFindings : kExitOk;
}

}  // namespace govreport::cli
