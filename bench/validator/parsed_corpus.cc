#include "bench/validator/parsed_corpus.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "parser-svc/parser.h"

namespace govreport::validator {

ParsedCorpus LoadParsedCorpus() {
  ParsedCorpus corpus;
  auto loaded = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
  if (loaded.ok()) corpus.gazetteer = *std::move(loaded);
  // No parse deadline: under valgrind a PDF takes longer than the default
  // and the corpus would lose it.
  parser::Parser parser({.gazetteer = corpus.gazetteer.get(),
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
        corpus.reports.push_back(*std::move(report));
    }
  }
  return corpus;
}

}  // namespace govreport::validator
