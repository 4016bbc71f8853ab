// Parser throughput over the text corpus (data/samples seeds and real
// .txt/.md): reports per second per core and MB/s, with region resolution.
//
//   build/bin/parser_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/parser/text_corpus.h"
#include "common/regions/gazetteer.h"
#include "parser-svc/parser.h"

namespace {

using Doc = govreport::bench::BenchDocument;

const std::vector<Doc>& Corpus() {
  static const auto* docs =
      new std::vector<Doc>(govreport::bench::LoadTextCorpus(""));
  return *docs;
}

const govreport::regions::Gazetteer* SharedGazetteer() {
  static const govreport::regions::Gazetteer* g = [] {
    auto loaded = govreport::regions::Gazetteer::Load(
        std::string(GOVREPORT_DATA_DIR) + "/gazetteer");
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return g;
}

const govreport::parser::Parser& SharedParser(bool regions) {
  static const auto* with =
      new govreport::parser::Parser({.gazetteer = SharedGazetteer()});
  static const auto* without = new govreport::parser::Parser({});
  return regions ? *with : *without;
}

// The whole corpus per iteration.
void BM_ParseCorpus(benchmark::State& state) {
  const auto& parser = SharedParser(state.range(0) != 0);
  const auto& docs = Corpus();
  size_t bytes = 0;
  for (const Doc& d : docs) bytes += d.bytes.size();
  for (auto _ : state) {
    for (const Doc& d : docs) {
      auto report = parser.Parse(d.name, d.bytes);
      benchmark::DoNotOptimize(report);
    }
  }
  state.SetItemsProcessed(state.iterations() * docs.size());
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["reports/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * docs.size()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseCorpus)
    ->Arg(1)
    ->Arg(0)
    ->ArgName("regions")
    ->Unit(benchmark::kMicrosecond);

// One document per benchmark.
void BM_ParseOne(benchmark::State& state, const Doc* doc) {
  const auto& parser = SharedParser(true);
  for (auto _ : state) {
    auto report = parser.Parse(doc->name, doc->bytes);
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(state.iterations() * doc->bytes.size());
  state.counters["reports/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

int RegisterEach() {
  for (const Doc& d : Corpus()) {
    benchmark::RegisterBenchmark(("BM_ParseOne/" + d.name).c_str(), BM_ParseOne,
                                 &d)
        ->Unit(benchmark::kMicrosecond);
  }
  return 0;
}
const int kRegistered = RegisterEach();

}  // namespace

BENCHMARK_MAIN();
