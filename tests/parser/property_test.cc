// Property test: random valid reports in every text layout (and in
// Traditional characters, and with full-width digits) parse back to their
// truth — every cell and the metadata — 100 %.

#include <cstdlib>
#include <fstream>
#include <string>

#include "common/regions/gazetteer.h"
#include "common/report/report_export.h"
#include "gtest/gtest.h"
#include "parser-svc/parser.h"
#include "tests/generator/report_generator.h"

namespace govreport::parser {
namespace {

using testing::GeneratedReport;
using testing::GeneratorOptions;
using testing::Layout;
using testing::ReportGenerator;

constexpr int kReports = 1050;

const regions::Gazetteer* SharedGazetteer() {
  static const regions::Gazetteer* g = [] {
    auto loaded = regions::Gazetteer::Load(std::string(GOVREPORT_DATA_DIR) +
                                           "/gazetteer");
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return g;
}

uint64_t Seed() {
  const char* env = std::getenv("GOVREPORT_PROPERTY_SEED");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 20261122;
}

// Field-by-field differences of two exports, for the failure message.
std::string Diff(const nlohmann::ordered_json& want,
                 const nlohmann::ordered_json& got) {
  std::string out;
  int shown = 0;
  for (auto& [k, v] : want.items()) {
    if (k == "cells") continue;
    if (got[k] != v)
      out += "  " + k + ": want " + v.dump() + " got " + got[k].dump() + "\n";
  }
  for (auto& [k, v] : want["cells"].items()) {
    if (got["cells"][k] != v && shown++ < 12) {
      out += "  " + k + ": want " + v.dump() + " got " +
             got["cells"][k].dump() + "\n";
    }
  }
  return out;
}

TEST(ParserProperty, RecoversEveryCellAndMetadataOfGeneratedReports) {
  const regions::Gazetteer* gazetteer = SharedGazetteer();
  ASSERT_NE(gazetteer, nullptr) << "gazetteer did not load from data/gazetteer";
  ReportGenerator generator(Seed(), gazetteer);
  Parser parser(ParserOptions{.gazetteer = gazetteer});
  int failures = 0;
  for (int i = 0; i < kReports; ++i) {
    GeneratorOptions options;
    options.layout = testing::kAllLayouts[i % 5];
    options.traditional = (i / 5) % 3 == 1;
    options.fullwidth_digits = (i / 5) % 4 == 2;
    options.tmpl = (i % 7 == 3) ? v1::TEMPLATE_V2019 : v1::TEMPLATE_V2021;
    GeneratedReport r = generator.Generate(options);
    absl::StatusOr<v1::Report> parsed = parser.Parse(r.name, r.bytes);
    ASSERT_TRUE(parsed.ok()) << r.name << ": " << parsed.status();
    nlohmann::ordered_json want = ReportToJson(r.truth);
    nlohmann::ordered_json got = ReportToJson(*parsed);
    if (want != got) {
      if (++failures <= 5) {
        std::string path = std::string("/tmp/") + r.name;
        std::ofstream(path) << r.bytes;
        ADD_FAILURE() << r.name << " (saved to " << path << ") differs:\n"
                      << Diff(want, got);
      }
    }
    EXPECT_EQ(parsed->label_deviations_size(), 0) << r.name;
  }
  EXPECT_EQ(failures, 0) << failures << " of " << kReports
                         << " generated reports differ";
}

TEST(ReportGenerator, MarksAmbiguousFlattenedRunsNullAndUniqueOnesNot) {
  // Independent brute force: "000" splits one way into 3 cells, "5845546"
  // several ways; "220000022" has two T3-COL splits.
  EXPECT_EQ(testing::CountSplits("000", 3, false, nullptr), 1u);
  EXPECT_GT(testing::CountSplits("5845546", 3, false, nullptr), 1u);
  EXPECT_EQ(testing::CountSplits("220000022", 7, true, nullptr), 2u);
  EXPECT_EQ(testing::CountSplits("801000081", 7, true, nullptr), 1u);
}

}  // namespace
}  // namespace govreport::parser
