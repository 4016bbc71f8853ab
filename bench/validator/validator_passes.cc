// A fixed amount of validation work for instruction counts: the sample
// corpus is parsed once (as in validator_bench), then every parsed annual
// report is validated `passes` times on one thread. Google Benchmark picks
// its iteration counts by time, which under valgrind gives too few; this
// gives a count per validation that does not depend on the machine's load:
//
//   valgrind --tool=callgrind
//       --toggle-collect='govreport::validator::Validator::Validate*'
//       build-bench/bin/validator_passes 20      (one command line)
//
// Instructions per validation = collected Ir / (reports × passes), both
// printed on stderr.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "common/regions/gazetteer.h"
#include "parser-svc/parser.h"
#include "validator-svc/validator.h"

int main(int argc, char** argv) {
  using namespace govreport;
  const int passes = argc > 1 ? std::atoi(argv[1]) : 20;
  auto gazetteer = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
  if (!gazetteer.ok()) {
    std::cerr << gazetteer.status() << "\n";
    return 1;
  }
  // No parse deadline: under valgrind a PDF takes longer than the default
  // and the corpus would lose it.
  parser::Parser parser({.gazetteer = gazetteer->get(),
                         .max_parse_time = absl::InfiniteDuration()});
  std::vector<v1::Report> reports;
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
        reports.push_back(*std::move(report));
    }
  }
  validator::Validator validator({}, gazetteer->get());
  // One warm-up validation outside the counted passes: first-use statics.
  size_t findings = reports.empty() ? 0 : validator.Validate(reports[0]).size();
  findings = 0;
  for (int pass = 0; pass < passes; ++pass) {
    for (const v1::Report& report : reports)
      findings += validator.Validate(report).size();
  }
  std::cerr << reports.size() << " reports x " << passes
            << " passes = " << reports.size() * passes + 1
            << " validations (one warm-up), " << findings << " findings\n";
  return 0;
}
