// Validations per second on parsed reports: the sample corpus is parsed
// once (parser + gazetteer), then Validator::Validate runs over the parsed
// reports round-robin on one thread. items_per_second is validations per
// second per core.
//
//   ninja -C build-bench validator_bench && build-bench/bin/validator_bench

#include "bench/validator/parsed_corpus.h"
#include "benchmark/benchmark.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

const ParsedCorpus& Load() {
  static const ParsedCorpus* const corpus =
      new ParsedCorpus(LoadParsedCorpus());
  return *corpus;
}

void BM_ValidateParsedReport(benchmark::State& state) {
  const ParsedCorpus& corpus = Load();
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
  const ParsedCorpus& corpus = Load();
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
  const ParsedCorpus& corpus = Load();
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
