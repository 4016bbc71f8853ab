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

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/parser/text_corpus.h"
#include "common/regions/gazetteer.h"
#include "parser-svc/parser.h"

namespace {

using Doc = govreport::bench::BenchDocument;

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
  std::vector<Doc> docs =
      !filter.empty() && std::filesystem::is_directory(filter)
          ? govreport::bench::LoadFolder(filter)
          : govreport::bench::LoadTextCorpus(filter);
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
