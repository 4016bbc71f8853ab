// Hostile content (issue 9 point 4): agency names, titles, text and file
// names carrying SQL metacharacters, quotes, backslashes, control
// characters, markup and path-like pieces, and a 10 MB single line, are
// parsed, stored and shown verbatim and never executed:
//   - through the parser and the embedded aggregator on SQLite (every value
//     read back equal, the tables intact);
//   - through `govreport analyze` (reports.csv, reports.jsonl, skipped.csv
//     and report.html quote or escape them; nothing is written outside
//     --out).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "aggregator-svc/aggregator.h"
#include "common/regions/gazetteer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "parser-svc/parser.h"
#include "tests/cli/command_runner.h"

namespace govreport {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSamples = std::string(GOVREPORT_DATA_DIR) + "/samples";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every value a hostile source could put in a name or a line of text.
const std::vector<std::string>& HostileStrings() {
  static const auto* strings = new std::vector<std::string>{
      "西工区'; DROP TABLE reports; --街道办事处",
      "Robert\"); DELETE FROM cells WHERE 1=1; --",
      "back\\slash \\' \\\" \\\\0 %s %n ${HOME} $(touch pwned) `id`",
      std::string("control \x01\x02\x07\x08\x0b\x0c\x1b[31mred\x1b[0m \x7f end"),
      "<script>alert('x')</script>&amp;<b>\"",
      "../../etc/x.txt",
      "two\nlines\r\nand a tab\there",
  };
  return *strings;
}

class HostileStoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = regions::Gazetteer::Load(std::string(GOVREPORT_DATA_DIR) +
                                           "/gazetteer");
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    gazetteer_ = loaded->release();
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    gazetteer_ = nullptr;
  }

  void SetUp() override {
    dir_ = testing::MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    aggregator::AggregatorOptions options;
    options.dsn = "sqlite://" + dir_ + "/store.db";
    options.gazetteer = gazetteer_;
    auto opened = aggregator::Aggregator::Open(std::move(options));
    ASSERT_TRUE(opened.ok()) << opened.status();
    store_ = *std::move(opened);
  }

  v1::Report ParseSeed(const std::string& extra_text,
                       const std::string& name) {
    parser::ParserOptions options;
    options.gazetteer = gazetteer_;
    // Not a test of the time limit: generous under sanitizers and load.
    options.max_parse_time = absl::Minutes(10);
    parser::Parser parser(std::move(options));
    std::string bytes =
        Slurp(kSamples + "/seeds/000_875541e45b987938.txt") + extra_text;
    absl::StatusOr<v1::Report> report = parser.Parse(name, bytes);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *std::move(report) : v1::Report();
  }

  static regions::Gazetteer* gazetteer_;
  std::string dir_;
  std::unique_ptr<aggregator::Aggregator> store_;
};

regions::Gazetteer* HostileStoreTest::gazetteer_ = nullptr;

TEST_F(HostileStoreTest, NamesAndTextWithSqlMetacharactersRoundTripVerbatim) {
  const std::vector<std::string>& hostile = HostileStrings();
  std::string extra;
  for (const std::string& h : hostile) absl::StrAppend(&extra, "\n", h);
  const v1::Report parsed = ParseSeed(extra, "seed.txt");
  // The parser keeps every hostile line of the text as written.
  for (const std::string& h : hostile) {
    for (absl::string_view line : absl::StrSplit(h, '\n')) {
      EXPECT_THAT(parsed.text(), HasSubstr(std::string(absl::StripSuffix(
                                     line, "\r"))));
    }
  }

  std::vector<std::string> ids;
  for (size_t i = 0; i < hostile.size(); ++i) {
    v1::Report r = parsed;
    r.set_id(absl::StrFormat("%064x", i + 1));
    r.set_agency(hostile[i]);
    r.set_title(hostile[i]);
    r.set_source_name(hostile[i]);
    r.set_text(absl::StrCat(parsed.text(), "\n", hostile[i]));
    v1::IngestResponse stored = store_->Ingest({r, {}});
    ASSERT_EQ(stored.outcome(), v1::INGEST_OUTCOME_STORED)
        << i << ": " << stored.error_message();
    ids.push_back(r.id());
  }
  for (size_t i = 0; i < hostile.size(); ++i) {
    SCOPED_TRACE(i);
    v1::GetReportRequest request;
    request.set_id(ids[i]);
    auto got = store_->GetReport(request);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(got->report().agency(), hostile[i]);
    EXPECT_EQ(got->report().title(), hostile[i]);
    EXPECT_EQ(got->report().source_name(), hostile[i]);
    EXPECT_EQ(got->report().text(), absl::StrCat(parsed.text(), "\n", hostile[i]));
  }
  // The tables are all there: every report is listed with its agency.
  v1::ListReportsRequest list;
  list.set_page_size(100);
  list.set_include_superseded(true);
  auto listed = store_->ListReports(list);
  ASSERT_TRUE(listed.ok()) << listed.status();
  std::multiset<std::string> agencies;
  for (const v1::ReportSummary& s : listed->reports()) agencies.insert(s.agency());
  EXPECT_EQ(agencies,
            std::multiset<std::string>(hostile.begin(), hostile.end()));
  EXPECT_FALSE(fs::exists("pwned"));
  EXPECT_FALSE(fs::exists(dir_ + "/pwned"));
}

TEST_F(HostileStoreTest, TenMegabyteSingleLineIsParsedAndStoredWhole) {
  std::string line;
  const std::string piece = "'; DROP TABLE cells; -- \\\"引号\" 数字12345 ";
  while (line.size() < (size_t{10} << 20)) line += piece;
  const v1::Report parsed = ParseSeed("\n" + line + "\n", "long-line.txt");
  ASSERT_NE(parsed.text().find(line), std::string::npos);
  EXPECT_EQ(parsed.year(), 2023);
  EXPECT_EQ(parsed.agency(), "西工区西工街道办事处");
  v1::IngestResponse stored = store_->Ingest({parsed, {}});
  ASSERT_EQ(stored.outcome(), v1::INGEST_OUTCOME_STORED)
      << stored.error_message();
  v1::GetReportRequest request;
  request.set_id(parsed.id());
  auto got = store_->GetReport(request);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->report().text().size(), parsed.text().size());
  EXPECT_TRUE(got->report().text() == parsed.text());
}

// A minimal RFC 4180 reader: rows of fields, quotes doubled inside quotes.
std::vector<std::vector<std::string>> ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else if (c != '\r') {
      rows.back().back().push_back(c);
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST(HostileAnalyze, HostileFileNamesAreQuotedEscapedAndStayInsideOut) {
  const std::string dir = testing::MakeTempDir("hostile_analyze");
  const std::string in = dir + "/in";
  fs::create_directories(in + "/sub");
  const std::vector<std::string> names = {
      "'; DROP TABLE reports; --.txt",
      "quote\"back\\slash.txt",
      "new\nline.txt",
      "<img src=x onerror=alert(1)>.txt",
  };
  const char* seeds[] = {"000_875541e45b987938.txt", "001_49a36d82f9765fca.txt",
                         "002_6a46581b0013c0e7.txt", "004_5aba0e603a8547b6.txt"};
  for (size_t i = 0; i < names.size(); ++i) {
    fs::copy_file(kSamples + "/seeds/" + seeds[i], in + "/sub/" + names[i]);
  }
  // Not a report: listed in skipped.csv and report.html under its name.
  const std::string notice = "<b onclick=\"x()\">'notice'.txt";
  testing::WriteFile(in + "/sub/" + notice,
                     "会议通知\n请各单位于下周一上午九点参加会议。\n");
  // The input named through "..": the paths are shown as given.
  const std::string input = in + "/sub/../sub";
  testing::CommandResult r = testing::RunCommand(
      absl::StrCat(testing::BinaryPath("govreport"), " analyze --jobs 2 --out '",
                   dir, "/out' '", input, "'"),
      dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_FALSE(fs::exists(dir + "/pwned"));

  std::set<std::string> expected_sources;
  for (const std::string& n : names) expected_sources.insert(input + "/" + n);

  // reports.csv: the quoted fields read back to the exact paths.
  std::set<std::string> csv_sources;
  std::vector<std::vector<std::string>> rows =
      ReadCsv(testing::ReadFile(dir + "/out/reports.csv"));
  ASSERT_EQ(rows.size(), names.size() + 1);
  for (size_t i = 1; i < rows.size(); ++i) csv_sources.insert(rows[i][0]);
  EXPECT_EQ(csv_sources, expected_sources);

  // reports.jsonl: one JSON object per line, the source exact.
  std::set<std::string> json_sources;
  for (absl::string_view line :
       absl::StrSplit(testing::ReadFile(dir + "/out/reports.jsonl"), '\n',
                      absl::SkipEmpty())) {
    nlohmann::json j = nlohmann::json::parse(line);
    json_sources.insert(j.at("source").get<std::string>());
  }
  EXPECT_EQ(json_sources, expected_sources);

  // skipped.csv names the notice exactly.
  std::vector<std::vector<std::string>> skipped =
      ReadCsv(testing::ReadFile(dir + "/out/skipped.csv"));
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[1][0], input + "/" + notice);

  // report.html shows the names escaped, never as markup.
  const std::string html = testing::ReadFile(dir + "/out/report.html");
  EXPECT_THAT(html, Not(HasSubstr("<b onclick")));
  EXPECT_THAT(html, Not(HasSubstr("<img src=x")));
  EXPECT_THAT(html, HasSubstr("&lt;b onclick="));

  // Nothing but the outputs and the store was written, and only in --out.
  std::set<std::string> top;
  for (const auto& e : fs::directory_iterator(dir)) {
    top.insert(e.path().filename().string());
  }
  EXPECT_TRUE(top.contains("in") && top.contains("out")) << top.size();
  for (const std::string& name : top) {
    EXPECT_TRUE(name == "in" || name == "out" ||
                name.find("std") != std::string::npos)
        << name;
  }
  std::set<std::string> in_files;
  for (const auto& e : fs::recursive_directory_iterator(in)) {
    in_files.insert(e.path().filename().string());
  }
  EXPECT_EQ(in_files.size(), names.size() + 2);  // the files and sub/
  const std::set<std::string> allowed = {"reports.csv",  "reports.jsonl",
                                         "findings.csv", "metrics.csv",
                                         "skipped.csv",  "report.html"};
  for (const auto& e : fs::recursive_directory_iterator(dir + "/out")) {
    std::string name = e.path().filename().string();
    EXPECT_TRUE(allowed.contains(name) || name.rfind("govreport.db", 0) == 0)
        << name;
  }
}

}  // namespace
}  // namespace govreport
