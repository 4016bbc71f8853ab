// Golden tests for downloaded formats: every HTML, PDF and DOCX sample with
// verified ground truth goes through the whole Parser (format detection,
// decoder, text engine, metadata) and must match its expected export
// exactly (CONTRACT.md section 3), compared through ReportToJson.

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/regions/gazetteer.h"
#include "common/report/report_export.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "parser-svc/parser.h"

namespace govreport::parser {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> out;
  for (const char* dir : {"seeds", "real"}) {
    fs::path root = fs::path(GOVREPORT_DATA_DIR) / "samples" / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::directory_iterator(root)) {
      std::string name = entry.path().filename().string();
      std::string ext = entry.path().extension().string();
      if (ext != ".html" && ext != ".pdf" && ext != ".docx") continue;
      out.push_back(std::string(dir) + "/" + name);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const regions::Gazetteer* SharedGazetteer() {
  static const regions::Gazetteer* g = [] {
    auto loaded = regions::Gazetteer::Load(std::string(GOVREPORT_DATA_DIR) +
                                           "/gazetteer");
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return g;
}

const Parser& SharedParser() {
  static const Parser* p =
      new Parser(ParserOptions{.gazetteer = SharedGazetteer()});
  return *p;
}

class DecodedGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DecodedGoldenTest, MatchesExpectedExport) {
  fs::path input = fs::path(GOVREPORT_DATA_DIR) / "samples" / GetParam();
  ASSERT_NE(SharedGazetteer(), nullptr)
      << "gazetteer did not load from data/gazetteer";
  std::string bytes = ReadFile(input);
  nlohmann::json expected =
      nlohmann::json::parse(ReadFile(input.string() + ".expected.json"));
  absl::StatusOr<v1::Report> report =
      SharedParser().Parse(input.filename().string(), bytes);
  ASSERT_TRUE(report.ok()) << report.status();
  nlohmann::json got = nlohmann::json::parse(ReportToJson(*report).dump());

  for (const char* field : {"year", "agency", "agency_kind", "region_code",
                            "region_path", "template", "is_annual_report"}) {
    EXPECT_EQ(got[field], expected[field]) << field;
  }
  nlohmann::json ambiguous = expected.contains("cells_ambiguous")
                                 ? expected["cells_ambiguous"]
                                 : nlohmann::json::object();
  std::set<std::string> noted;
  for (const v1::ParseNote& note : report->notes()) {
    if (note.code() != "AMBIGUOUS_DIGITS") continue;
    for (const std::string& c : note.cells()) noted.insert(c);
  }
  ASSERT_EQ(got["cells"].size(), expected["cells"].size());
  for (auto& [key, want] : expected["cells"].items()) {
    ASSERT_TRUE(got["cells"].contains(key)) << key;
    const nlohmann::json& value = got["cells"][key];
    if (ambiguous.contains(key)) {
      if (value.is_null()) {
        EXPECT_TRUE(noted.count(key))
            << key << " is null without an AMBIGUOUS_DIGITS note";
      } else {
        EXPECT_EQ(value, ambiguous[key]) << key;
      }
      continue;
    }
    EXPECT_EQ(value, want) << key;
  }
  if (HasFailure()) {
    for (const v1::ParseNote& note : report->notes()) {
      ADD_FAILURE() << "note " << note.code() << ": " << note.message();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, DecodedGoldenTest,
                         ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param)
                             name.push_back(std::isalnum(c) ? c : '_');
                           return name;
                         });

}  // namespace
}  // namespace govreport::parser
