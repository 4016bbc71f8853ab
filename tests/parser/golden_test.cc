// Golden tests: every sample with verified ground truth (text and markdown,
// and the HTML, PDF and DOCX files through their decoders) parses to exactly
// its expected export (CONTRACT.md section 3), compared through ReportToJson
// so that the export shape is checked too.

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
#include "unicode/ucnv.h"

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
      if (ext != ".txt" && ext != ".md" && ext != ".html" && ext != ".pdf" &&
          ext != ".docx") {
        continue;
      }
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

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedExport) {
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
  // Labels the validator reports as LABEL-MODIFIED are recorded, and no
  // others.
  bool label_modified = false;
  for (const auto& f : expected["findings_expected"]) {
    label_modified |= f["rule"] == "LABEL-MODIFIED";
  }
  EXPECT_EQ(report->label_deviations_size() > 0, label_modified)
      << report->label_deviations_size() << " label deviations";
  if (HasFailure()) {
    for (const v1::ParseNote& note : report->notes()) {
      ADD_FAILURE() << "note " << note.code() << ": " << note.message();
    }
  }
}

// The same document in each supported encoding reads the same.
TEST(GoldenEncodings, Gb18030AndUtf16ReadLikeUtf8) {
  fs::path input =
      fs::path(GOVREPORT_DATA_DIR) / "samples/seeds/003_f5bd25535f6ad151.txt";
  std::string utf8 = ReadFile(input);
  absl::StatusOr<v1::Report> want = SharedParser().Parse("003.txt", utf8);
  ASSERT_TRUE(want.ok()) << want.status();
  for (const char* charset : {"GB18030", "UTF-16LE", "UTF-16BE"}) {
    UErrorCode status = U_ZERO_ERROR;
    std::string bytes(utf8.size() * 4 + 16, '\0');
    int32_t n = ucnv_convert(charset, "UTF-8", bytes.data(),
                             static_cast<int32_t>(bytes.size()), utf8.data(),
                             static_cast<int32_t>(utf8.size()), &status);
    ASSERT_TRUE(U_SUCCESS(status)) << charset;
    bytes.resize(n);
    if (std::string(charset) == "UTF-16LE")
      bytes = std::string("\xFF\xFE", 2) + bytes;
    if (std::string(charset) == "UTF-16BE")
      bytes = std::string("\xFE\xFF", 2) + bytes;
    absl::StatusOr<v1::Report> got = SharedParser().Parse(charset, bytes);
    ASSERT_TRUE(got.ok()) << charset << ": " << got.status();
    EXPECT_EQ(ReportToJson(*got), ReportToJson(*want)) << charset;
    EXPECT_EQ(got->encoding(),
              std::string(charset) == "GB18030" ? "GB18030" : charset);
    EXPECT_EQ(got->text(), want->text()) << charset;
  }
}

// The six sections are found however their headings are worded.
TEST(GoldenSections, FindsAllSixInEverySeed) {
  for (const std::string& rel : GoldenFiles()) {
    if (rel.rfind("seeds/", 0) != 0) continue;
    fs::path input = fs::path(GOVREPORT_DATA_DIR) / "samples" / rel;
    absl::StatusOr<v1::Report> r = SharedParser().Parse(rel, ReadFile(input));
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_EQ(r->sections_size(), 6) << rel;
    for (int i = 0; i < 6; ++i) {
      EXPECT_EQ(r->sections(i).ordinal(), i + 1) << rel;
      EXPECT_GT(r->sections(i).location().line(), 0u) << rel;
    }
    EXPECT_NE(r->sections(3).heading().find("复议"), std::string::npos) << rel;
    EXPECT_EQ(r->id().size(), 64u);
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenTest,
                         ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param)
                             name.push_back(std::isalnum(c) ? c : '_');
                           return name;
                         });

}  // namespace
}  // namespace govreport::parser
