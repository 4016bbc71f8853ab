#ifndef GOVREPORT_BENCH_VALIDATOR_PARSED_CORPUS_H_
#define GOVREPORT_BENCH_VALIDATOR_PARSED_CORPUS_H_

// The validator benchmarks' input: every annual report of data/samples
// (seeds and real, any format, ground-truth sidecars left out), parsed once
// with the gazetteer.
//
//   ParsedCorpus corpus = LoadParsedCorpus();
//   Validator validator({}, corpus.gazetteer.get());
//   for (const v1::Report& r : corpus.reports) validator.Validate(r);

#include <memory>
#include <vector>

#include "common/regions/gazetteer.h"
#include "govreport/v1/report.pb.h"

namespace govreport::validator {

struct ParsedCorpus {
  // Null when data/gazetteer could not be loaded (then no region either).
  std::unique_ptr<regions::Gazetteer> gazetteer;
  std::vector<v1::Report> reports;
};

ParsedCorpus LoadParsedCorpus();

}  // namespace govreport::validator

#endif  // GOVREPORT_BENCH_VALIDATOR_PARSED_CORPUS_H_
