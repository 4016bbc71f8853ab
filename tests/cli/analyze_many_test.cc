// govreport analyze over a folder of 2,000 generated reports (plus files that
// are not reports): progress lines appear, every file is accounted for, and
// the regional numbers equal what the test computes from the generator's
// truth.

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "common/regions/gazetteer.h"
#include "common/report/cell_table.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/command_runner.h"
#include "tests/generator/report_generator.h"

namespace govreport::testing {
namespace {

using ::testing::HasSubstr;

constexpr int kReports = 2000;

TEST(AnalyzeMany, AccountsForEveryFileAndSumsByProvince) {
  const std::string dir = MakeTempDir("analyze-many");
  auto gazetteer =
      regions::Gazetteer::Load(std::string(GOVREPORT_DATA_DIR) + "/gazetteer");
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status();
  ReportGenerator generator(/*seed=*/20261122, gazetteer->get());

  // Later versions of the same agency, region and year supersede earlier ones
  // (files are analysed in name order), so the expectation keeps the last.
  std::map<std::tuple<std::string, std::string, int>, v1::Report> current;
  const Layout layouts[] = {Layout::kTabs, Layout::kPipes, Layout::kMarkdown,
                            Layout::kAligned};
  for (int i = 0; i < kReports; ++i) {
    GeneratorOptions options;
    options.layout = layouts[i % 4];
    GeneratedReport r = generator.Generate(options);
    WriteFile(absl::StrFormat("%s/in/%05d.txt", dir, i), r.bytes);
    current[{r.truth.agency(), r.truth.region_code(), r.truth.year()}] =
        r.truth;
  }
  WriteFile(dir + "/in/notice.txt", "关于召开会议的通知\n请准时参加。\n");
  WriteFile(dir + "/in/sub/data.json", "{\"a\": 1}\n");

  CommandResult run = RunCommand(
      absl::StrCat(BinaryPath("govreport"), " analyze --jobs 2 --out ", dir,
                   "/out ", dir, "/in"),
      dir);
  ASSERT_EQ(run.exit_code, 0) << run.err.substr(0, 2000);

  // Not a terminal: plain progress lines, one per tenth.
  EXPECT_THAT(run.err, HasSubstr("progress: 201/2002 files"));
  EXPECT_THAT(run.err, HasSubstr("progress: 2002/2002 files"));
  EXPECT_THAT(run.out, HasSubstr("Analysed 2002 files"));
  EXPECT_THAT(
      run.out,
      HasSubstr("2000 annual reports (0 with ERROR findings), 2 skipped"));

  // Every file is in reports.csv or skipped.csv, once.
  std::set<std::string> seen;
  for (const char* name : {"reports.csv", "skipped.csv"}) {
    std::vector<std::string> lines = absl::StrSplit(
        ReadFile(absl::StrCat(dir, "/out/", name)), '\n', absl::SkipEmpty());
    for (size_t i = 1; i < lines.size(); ++i) {
      EXPECT_TRUE(seen.insert(lines[i].substr(0, lines[i].find(','))).second)
          << lines[i];
    }
  }
  EXPECT_EQ(seen.size(), 2002u);
  EXPECT_TRUE(seen.contains(dir + "/in/notice.txt"));
  EXPECT_TRUE(seen.contains(dir + "/in/sub/data.json"));

  // reports and applications_new per province and year, from the truth.
  std::map<std::pair<std::string, int>, std::pair<int64_t, int64_t>> expected;
  for (const auto& [key, truth] : current) {
    const std::string province =
        truth.region_path().empty() ? "unresolved" : truth.region_path(0);
    auto& [reports, applications] = expected[{province, truth.year()}];
    ++reports;
    applications +=
        static_cast<int64_t>(CellTable(truth).ValueOr("t3.new.total", 0));
  }
  std::map<std::pair<std::string, int>, std::pair<int64_t, int64_t>> actual;
  std::vector<std::string> rows = absl::StrSplit(
      ReadFile(dir + "/out/metrics.csv"), '\n', absl::SkipEmpty());
  for (size_t i = 1; i < rows.size(); ++i) {
    std::vector<std::string> f = absl::StrSplit(rows[i], ',');
    ASSERT_EQ(f.size(), 8u) << rows[i];
    if (!f[4].empty() || (f[2] != "province" && f[2] != "unresolved")) continue;
    int year = 0;
    int64_t value = 0;
    ASSERT_TRUE(absl::SimpleAtoi(f[3], &year));
    if (f[5] == "reports" && absl::SimpleAtoi(f[6], &value))
      actual[{f[0], year}].first = value;
    if (f[5] == "applications_new" && absl::SimpleAtoi(f[6], &value)) {
      actual[{f[0], year}].second = value;
    }
  }
  EXPECT_EQ(actual, expected);
}

}  // namespace
}  // namespace govreport::testing
