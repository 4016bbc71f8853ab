// Throughput for downloaded formats: each HTML, PDF and DOCX sample under
// data/samples/real, decoded alone (BM_Decode) and parsed end to end by
// the Parser (BM_Parse: detection, decoder, text engine, metadata,
// regions). items_per_second is reports per second per core (CPU time).
//
//   build/bin/decoders_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/regions/gazetteer.h"
#include "parser-svc/decoders/docx_decoder.h"
#include "parser-svc/decoders/html_decoder.h"
#include "parser-svc/decoders/pdf_decoder.h"
#include "parser-svc/parser.h"

namespace {

namespace fs = std::filesystem;

std::string Read(const std::string& name) {
  std::ifstream in(fs::path(GOVREPORT_DATA_DIR) / "samples" / "real" / name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const govreport::parser::Parser& SharedParser() {
  static const govreport::parser::Parser* parser = [] {
    auto gazetteer = govreport::regions::Gazetteer::Load(
        std::string(GOVREPORT_DATA_DIR) + "/gazetteer");
    govreport::parser::ParserOptions options;
    options.gazetteer = gazetteer.ok() ? gazetteer->release() : nullptr;
    return new govreport::parser::Parser(options);
  }();
  return *parser;
}

void Decode(benchmark::State& state, const std::string& name) {
  const std::string bytes = Read(name);
  for (auto _ : state) {
    absl::StatusOr<govreport::parser::DecodedDocument> doc;
    if (name.ends_with(".html")) {
      doc = govreport::parser::DecodeHtml(name, bytes);
    } else if (name.ends_with(".docx")) {
      doc = govreport::parser::DecodeDocx(name, bytes);
    } else {
      doc = govreport::parser::DecodePdf(name, bytes);
    }
    if (!doc.ok())
      state.SkipWithError(std::string(doc.status().message()).c_str());
    benchmark::DoNotOptimize(doc);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * bytes.size());
}

void Parse(benchmark::State& state, const std::string& name) {
  const std::string bytes = Read(name);
  const govreport::parser::Parser& parser = SharedParser();
  for (auto _ : state) {
    absl::StatusOr<govreport::v1::Report> report = parser.Parse(name, bytes);
    if (!report.ok()) {
      state.SkipWithError(std::string(report.status().message()).c_str());
    }
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * bytes.size());
}

const char* const kSamples[] = {
    "city-2025-sample.html", "shanghai-office-2019-v2019-tables.html",
    "template-2021-blank.docx", "hongze-district-2024.pdf",
    "huaian-city-2024.pdf"};

int Register() {
  for (const char* sample : kSamples) {
    benchmark::RegisterBenchmark((std::string("BM_Decode/") + sample).c_str(),
                                 Decode, std::string(sample));
    benchmark::RegisterBenchmark((std::string("BM_Parse/") + sample).c_str(),
                                 Parse, std::string(sample));
  }
  return 0;
}
[[maybe_unused]] const int registered = Register();

}  // namespace

BENCHMARK_MAIN();
