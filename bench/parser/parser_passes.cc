// A fixed amount of parsing, for instruction counts that do not depend on the
// machine's load:
//
//   valgrind --tool=callgrind --toggle-collect='*MeasuredPasses*'
//       build/bin/parser_passes [PASSES] [NAME_SUBSTRING]
//
// `parser_passes dump [NAME_SUBSTRING]` prints every Report in full (text
// format) instead, to compare two builds' outputs byte for byte. A
// NAME_SUBSTRING that is a directory selects every file below it instead.
//
// One warm-up pass (tables built on first use: folding, gazetteer indexes)
// runs outside MeasuredPasses; then PASSES (default 10) passes over every
// .txt/.md under data/samples whose file name contains NAME_SUBSTRING (all
// of them by default). Instructions per report = the collected total divided
// by PASSES × the documents printed.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/regions/gazetteer.h"
#include "parser-svc/parser.h"

namespace {

namespace fs = std::filesystem;

struct Doc {
  std::string name;
  std::string bytes;
};

std::vector<Doc> LoadCorpus(const std::string& filter) {
  std::vector<Doc> out;
  if (!filter.empty() && fs::is_directory(filter)) {
    // Every file below a directory (but .json), any format.
    for (const auto& e : fs::recursive_directory_iterator(filter)) {
      if (!e.is_regular_file() || e.path().extension() == ".json") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back({e.path().string(), ss.str()});
    }
    std::sort(out.begin(), out.end(),
              [](const Doc& a, const Doc& b) { return a.name < b.name; });
    return out;
  }
  for (const char* dir : {"seeds", "real"}) {
    fs::path root = fs::path(GOVREPORT_DATA_DIR) / "samples" / dir;
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::directory_iterator(root)) {
      std::string ext = e.path().extension().string();
      if (ext != ".txt" && ext != ".md") continue;
      std::string name = e.path().filename().string();
      if (name.find(filter) == std::string::npos) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back({name, ss.str()});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Doc& a, const Doc& b) { return a.name < b.name; });
  return out;
}

// Returns the number of reports parsed without error.
__attribute__((noinline)) size_t MeasuredPasses(
    const govreport::parser::Parser& parser, const std::vector<Doc>& docs,
    int passes) {
  size_t ok = 0;
  for (int p = 0; p < passes; ++p) {
    for (const Doc& d : docs) ok += parser.Parse(d.name, d.bytes).ok();
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  const bool dump = argc > 1 && std::string(argv[1]) == "dump";
  int passes = argc > 1 && !dump ? std::atoi(argv[1]) : 10;
  std::string filter = argc > 2 ? argv[2] : "";
  auto gazetteer = govreport::regions::Gazetteer::Load(
      std::string(GOVREPORT_DATA_DIR) + "/gazetteer");
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "%s\n", gazetteer.status().ToString().c_str());
    return 1;
  }
  govreport::parser::ParserOptions options;
  options.gazetteer = gazetteer->get();
  govreport::parser::Parser parser(options);
  std::vector<Doc> docs = LoadCorpus(filter);
  if (dump) {
    for (const Doc& d : docs) {
      auto report = parser.Parse(d.name, d.bytes);
      std::printf("=== %s\n%s\n", d.name.c_str(),
                  report.ok() ? report->DebugString().c_str()
                              : report.status().ToString().c_str());
    }
    return 0;
  }
  for (const Doc& d : docs) {
    std::printf("%s\n", d.name.c_str());
    (void)parser.Parse(d.name, d.bytes);
  }
  size_t ok = MeasuredPasses(parser, docs, passes);
  std::printf("%d passes over %zu documents: %zu reports parsed\n", passes,
              docs.size(), ok);
  return 0;
}
