// Validations per second on parsed reports: the sample corpus is parsed
// once (parser + gazetteer), then Validator::Validate runs over the parsed
// reports round-robin on one thread. items_per_second is validations per
// second per core.
//
//   ninja -C build-bench validator_bench && build-bench/bin/validator_bench

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "common/regions/gazetteer.h"
#include "parser-svc/parser.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

struct Corpus {
  std::unique_ptr<regions::Gazetteer> gazetteer;
  std::vector<v1::Report> reports;
};

const Corpus& Load() {
  static const Corpus* const corpus = [] {
    auto* c = new Corpus;
    auto loaded = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
    if (loaded.ok()) c->gazetteer = *std::move(loaded);
    // No parse deadline: under valgrind a PDF takes longer than the default
    // and the corpus would lose it.
    parser::Parser parser({.gazetteer = c->gazetteer.get(),
                           .max_parse_time = absl::InfiniteDuration()});
    for (const char* dir : {GOVREPORT_DATA_DIR "/samples/seeds",
                            GOVREPORT_DATA_DIR "/samples/real"}) {
      for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::string path = entry.path().string();
        if (absl::EndsWith(path, ".expected.json")) continue;
        std::ifstream in(path, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        auto report = parser.Parse(path, bytes.str());
        if (report.ok() && report->is_annual_report())
          c->reports.push_back(*std::move(report));
      }
    }
    return c;
  }();
  return *corpus;
}

void BM_ValidateParsedReport(benchmark::State& state) {
  const Corpus& corpus = Load();
  if (corpus.reports.empty()) {
    state.SkipWithError("no sample report parsed");
    return;
  }
  Validator validator({}, corpus.gazetteer.get());
  size_t i = 0;
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<v1::Finding> f =
        validator.Validate(corpus.reports[i++ % corpus.reports.size()]);
    findings += f.size();
    benchmark::DoNotOptimize(f);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["reports"] = static_cast<double>(corpus.reports.size());
  state.counters["findings_per_report"] = benchmark::Counter(
      static_cast<double>(findings) / std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_ValidateParsedReport);

// The same without the rules that read the prose (NARRATIVE-MISMATCH,
// FEE-NOTICE, AGENCY-MISMATCH): what the prose analysis costs.
void BM_ValidateTablesOnly(benchmark::State& state) {
  const Corpus& corpus = Load();
  if (corpus.reports.empty()) {
    state.SkipWithError("no sample report parsed");
    return;
  }
  ValidatorConfig config;
  config.disabled = {"NARRATIVE-MISMATCH", "FEE-NOTICE", "AGENCY-MISMATCH"};
  Validator validator(config, corpus.gazetteer.get());
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        validator.Validate(corpus.reports[i++ % corpus.reports.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ValidateTablesOnly);

// One report at a time: where the time goes (text size dominates).
void BM_ValidateOneReport(benchmark::State& state) {
  const Corpus& corpus = Load();
  if (static_cast<size_t>(state.range(0)) >= corpus.reports.size()) {
    state.SkipWithError("no such report");
    return;
  }
  const v1::Report& report = corpus.reports[state.range(0)];
  Validator validator({}, corpus.gazetteer.get());
  for (auto _ : state) benchmark::DoNotOptimize(validator.Validate(report));
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(
      report.source_name().substr(report.source_name().rfind('/') + 1));
  state.counters["text_kb"] = static_cast<double>(report.text().size()) / 1024;
}
BENCHMARK(BM_ValidateOneReport)->DenseRange(0, 13);

}  // namespace
}  // namespace govreport::validator

BENCHMARK_MAIN();
