// Gazetteer load, resolver index build and Resolve over the sample corpus.
//
//   ninja -C build-regions regions_bench && build-regions/bin/regions_bench
//
// The Resolve benchmarks feed each text report of data/samples whole, as the
// parser does, and count reports and bytes per second on one core.

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "common/regions/gazetteer.h"
#include "common/regions/resolver.h"

namespace govreport::regions {
namespace {

constexpr char kGazetteerDir[] = GOVREPORT_DATA_DIR "/gazetteer";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Resident set size in bytes (/proc/self/statm).
double ResidentBytes() {
  long pages_total = 0, pages_resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) {
      pages_resident = 0;
    }
    std::fclose(f);
  }
  return static_cast<double>(pages_resident) * sysconf(_SC_PAGESIZE);
}

const Gazetteer& SharedGazetteer() {
  static const Gazetteer* const g = Gazetteer::Load(kGazetteerDir)->release();
  return *g;
}

const RegionResolver& SharedResolver() {
  static const RegionResolver* const r = new RegionResolver(SharedGazetteer());
  return *r;
}

void BM_GazetteerLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto g = Gazetteer::Load(kGazetteerDir);
    if (!g.ok()) state.SkipWithError(std::string(g.status().message()).c_str());
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond);

void BM_ResolverBuild(benchmark::State& state) {
  const Gazetteer& g = SharedGazetteer();
  for (auto _ : state) {
    RegionResolver resolver(g);
    benchmark::DoNotOptimize(&resolver);
  }
}
BENCHMARK(BM_ResolverBuild)->Unit(benchmark::kMillisecond);

// Memory held by one gazetteer plus its resolver (first iteration's growth).
void BM_Memory(benchmark::State& state) {
  double grown = 0;
  for (auto _ : state) {
    const double before = ResidentBytes();
    auto g = Gazetteer::Load(kGazetteerDir);
    auto r = std::make_unique<RegionResolver>(**g);
    grown = ResidentBytes() - before;
    benchmark::DoNotOptimize(r);
  }
  state.counters["rss_MiB"] = grown / (1024.0 * 1024.0);
}
BENCHMARK(BM_Memory)->Iterations(1)->Unit(benchmark::kMillisecond);

struct Sample {
  const char* file;
  const char* agency;
  const char* title;
  int year;
};

const Sample kSamples[] = {
    {"seeds/000_875541e45b987938.txt", "西工区西工街道办事处",
     "西工区西工街道办事处 2023 年政府信息公开工作年度报告", 2023},
    {"seeds/001_49a36d82f9765fca.txt", "西工区统计局",
     "西工区统计局 2023 年政府信息公开工作年度报告", 2023},
    {"seeds/002_6a46581b0013c0e7.txt", "卫滨区解放路街道办事处",
     "卫滨区解放路街道办事处 2024 年政府信息公开工作 年度报告", 2024},
    {"seeds/003_f5bd25535f6ad151.txt", "任留街道办事处", "", 2023},
    {"seeds/004_5aba0e603a8547b6.txt", "政务服务局",
     "政务服务局 2023 年政府信息公开工作年度报告", 2023},
    {"real/pingtan-2014-not-a-report.txt", "平潭综合实验区管委会办公室",
     "关于2014年政府信息公开工作要点落实情况的函", 2014},
    {"real/pingtan-2018-pre2019.txt", "平潭综合实验区",
     "平潭综合实验区2018年度政府信息公开工作年度报告", 2018},
    {"real/pingtan-2019-v2019-flattened.txt", "平潭综合实验区",
     "平潭综合实验区2019年度政府信息公开工作年度报告", 2019},
    {"real/pingtan-2023-flattened.txt", "平潭综合实验区",
     "平潭综合实验区2023年度政府信息公开工作年度报告", 2023},
    {"real/pingtan-2025-flattened.txt", "平潭综合实验区",
     "平潭综合实验区2025年度政府信息公开工作年度报告", 2025},
    {"real/shanghai-stc-2024-pdf-markdown.md", "上海市科委",
     "2024 年上海市科委政府信息公开工作年度报告", 2024},
};

void BM_Resolve(benchmark::State& state) {
  const Sample& sample = kSamples[state.range(0)];
  const std::string text =
      ReadFile(std::string(GOVREPORT_DATA_DIR "/samples/") + sample.file);
  const RegionResolver& resolver = SharedResolver();
  const RegionClues clues{sample.agency, sample.title, text, sample.year};
  for (auto _ : state) {
    RegionMatch match = resolver.Resolve(clues);
    benchmark::DoNotOptimize(match);
  }
  state.SetLabel(sample.file);
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Resolve)
    ->DenseRange(0, std::size(kSamples) - 1)
    ->Unit(benchmark::kMicrosecond);

// The whole text corpus in turn: the mix the parser sees.
void BM_ResolveCorpus(benchmark::State& state) {
  std::vector<std::string> texts;
  int64_t bytes = 0;
  for (const Sample& s : kSamples) {
    texts.push_back(
        ReadFile(std::string(GOVREPORT_DATA_DIR "/samples/") + s.file));
    bytes += static_cast<int64_t>(texts.back().size());
  }
  const RegionResolver& resolver = SharedResolver();
  for (auto _ : state) {
    for (size_t i = 0; i < texts.size(); ++i) {
      RegionMatch match = resolver.Resolve(RegionClues{
          kSamples[i].agency, kSamples[i].title, texts[i], kSamples[i].year});
      benchmark::DoNotOptimize(match);
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(texts.size()));
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_ResolveCorpus)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace govreport::regions

BENCHMARK_MAIN();
