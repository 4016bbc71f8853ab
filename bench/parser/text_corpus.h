#ifndef GOVREPORT_BENCH_PARSER_TEXT_CORPUS_H_
#define GOVREPORT_BENCH_PARSER_TEXT_CORPUS_H_

// The parser benchmarks' input documents, read into memory and sorted by
// name.
//
//   for (const BenchDocument& d : LoadTextCorpus("")) parser.Parse(d.name,
//   d.bytes);

#include <string>
#include <vector>

namespace govreport::bench {

struct BenchDocument {
  std::string name;
  std::string bytes;
};

// Every .txt/.md under data/samples/{seeds,real} whose file name contains
// `name_filter` (all for ""), named by file name.
std::vector<BenchDocument> LoadTextCorpus(const std::string& name_filter);

// Every regular file below `dir`, any format, but .json (ground truth),
// named by path.
std::vector<BenchDocument> LoadFolder(const std::string& dir);

}  // namespace govreport::bench

#endif  // GOVREPORT_BENCH_PARSER_TEXT_CORPUS_H_
