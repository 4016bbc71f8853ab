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
#include <iostream>
#include <vector>

#include "bench/validator/parsed_corpus.h"
#include "validator-svc/validator.h"

int main(int argc, char** argv) {
  using namespace govreport;
  const int passes = argc > 1 ? std::atoi(argv[1]) : 20;
  validator::ParsedCorpus corpus = validator::LoadParsedCorpus();
  const std::vector<v1::Report>& reports = corpus.reports;
  validator::Validator validator({}, corpus.gazetteer.get());
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
