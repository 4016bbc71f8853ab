// report.html as a person sees it: headless Chromium renders the page of an
// analysis of the sample corpus; every number the page shows for a region
// equals metrics.csv, and a screenshot lands in the build folder.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/analyze/report_html.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/command_runner.h"

namespace govreport::testing {
namespace {

constexpr char kChromium[] = "/usr/bin/chromium";
constexpr char kChromiumFlags[] =
    " --headless --no-sandbox --disable-gpu --no-first-run "
    "--disable-background-networking"
    " --disable-component-update --disable-sync --disable-dev-shm-usage";

TEST(ReportHtmlInBrowser, NumbersShownEqualMetricsCsv) {
  ASSERT_TRUE(std::filesystem::exists(kChromium))
      << "scripts/setup.sh installs chromium";
  const std::string dir = MakeTempDir("report-html");
  CommandResult analysis =
      RunCommand(absl::StrCat(BinaryPath("govreport"), " analyze --out ", dir,
                              "/out ", GOVREPORT_DATA_DIR, "/samples"),
                 dir);
  ASSERT_EQ(analysis.exit_code, 0) << analysis.err;

  // metrics.csv rows for all agency kinds: (region, year, metric) -> value.
  std::map<std::tuple<std::string, std::string, std::string>, std::string> csv;
  std::vector<std::string> rows = absl::StrSplit(
      ReadFile(dir + "/out/metrics.csv"), '\n', absl::SkipEmpty());
  for (size_t i = 1; i < rows.size(); ++i) {
    std::vector<std::string> f = absl::StrSplit(rows[i], ',');
    ASSERT_EQ(f.size(), 8u) << rows[i];
    if (f[4].empty()) csv[{f[0], f[3], f[5]}] = f[6];
  }
  ASSERT_FALSE(csv.empty());

  const std::string page = absl::StrCat("file://", dir, "/out/report.html");
  const std::string profile =
      absl::StrCat(" --user-data-dir=", dir, "/profile");
  CommandResult dom = RunCommand(
      absl::StrCat(kChromium, kChromiumFlags, profile, " --dump-dom ", page),
      dir);
  ASSERT_EQ(dom.exit_code, 0) << dom.err;

  // Every element the browser shows with a region's metric:
  // data-region="R" data-year="Y" data-metric="M" data-value="V" ...>TEXT<
  auto attribute = [](const std::string& html, size_t from,
                      const std::string& name, size_t* end) -> std::string {
    const std::string key = name + "=\"";
    size_t start = html.find(key, from);
    if (start == std::string::npos) return "";
    start += key.size();
    *end = html.find('"', start);
    return html.substr(start, *end - start);
  };
  int checked = 0;
  std::set<std::string> regions;
  for (size_t at = dom.out.find("data-region=\""); at != std::string::npos;
       at = dom.out.find("data-region=\"", at + 1)) {
    size_t end = at;
    const std::string region = attribute(dom.out, at, "data-region", &end);
    const std::string year = attribute(dom.out, end, "data-year", &end);
    const std::string metric = attribute(dom.out, end, "data-metric", &end);
    const std::string value = attribute(dom.out, end, "data-value", &end);
    const size_t text_begin = dom.out.find('>', end) + 1;
    const std::string text =
        dom.out.substr(text_begin, dom.out.find('<', text_begin) - text_begin);
    auto row = csv.find({region, year, metric});
    ASSERT_NE(row, csv.end()) << "page shows " << region << " " << year << " "
                              << metric << " with no metrics.csv row";
    EXPECT_EQ(value, row->second) << region << " " << year << " " << metric;
    EXPECT_EQ(text, cli::FormatMetricForDisplay(metric, std::stod(row->second)))
        << region << " " << year << " " << metric;
    regions.insert(region);
    ++checked;
  }
  EXPECT_GE(checked, 50);
  for (const char* region : {"41", "4103", "410303", "410303003", "3208",
                             "320813", "31", "350128", "unresolved"}) {
    EXPECT_TRUE(regions.contains(region)) << region;
  }

  const std::string screenshot =
      absl::StrCat(GOVREPORT_BUILD_DIR, "/report-html.png");
  std::filesystem::remove(screenshot);
  CommandResult shot = RunCommand(
      absl::StrCat(kChromium, kChromiumFlags, profile,
                   " --window-size=1280,2400 --screenshot=", screenshot, " ",
                   page),
      dir);
  EXPECT_EQ(shot.exit_code, 0) << shot.err;
  EXPECT_GT(std::filesystem::file_size(screenshot), 10000u);
}

}  // namespace
}  // namespace govreport::testing
