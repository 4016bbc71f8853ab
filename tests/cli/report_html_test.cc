#include "cli/analyze/report_html.h"

#include "cli/analyze/output_files.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::MetricValue Metric(const std::string& code, const std::string& name,
                       v1::RegionLevel level, int year,
                       const std::string& metric, double value, int reports) {
  v1::MetricValue m;
  m.set_region_code(code);
  m.set_region_name(name);
  m.set_level(level);
  m.set_year(year);
  m.set_metric(metric);
  m.set_value(value);
  m.set_reports(reports);
  return m;
}

TEST(FormatMetricForDisplay, RatiosCountsAndFees) {
  EXPECT_EQ(FormatMetricForDisplay("disclosed_rate", 0.45214), "45.21%");
  EXPECT_EQ(FormatMetricForDisplay("applicant_mix.natural", 1), "100.00%");
  EXPECT_EQ(FormatMetricForDisplay("applications_new", 14069), "14,069");
  EXPECT_EQ(FormatMetricForDisplay("reports", 3), "3");
  EXPECT_EQ(FormatMetricForDisplay("fees_wan", 5949.088667), "5949.09");
}

TEST(HtmlEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(
      HtmlEscape("<script>alert('x')</script> & \"q\""),
      "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

class ReportHtmlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    metrics_ = {
        Metric("41", "河南省", v1::REGION_LEVEL_PROVINCE, 2023, "reports", 2,
               2),
        Metric("41", "河南省", v1::REGION_LEVEL_PROVINCE, 2023,
               "disclosed_rate", 0.5, 2),
        Metric("4103", "洛阳市", v1::REGION_LEVEL_PREFECTURE, 2023, "reports",
               2, 2),
        Metric("410303", "西工区", v1::REGION_LEVEL_COUNTY, 2023, "reports", 1,
               1),
        Metric("410305", "涧西区", v1::REGION_LEVEL_COUNTY, 2023, "reports", 1,
               1),
        Metric("410303", "西工区", v1::REGION_LEVEL_COUNTY, 2023,
               "applications_new", 12, 1),
        Metric("410305", "涧西区", v1::REGION_LEVEL_COUNTY, 2023,
               "applications_new", 3, 1),
    };
    AnalyzedFile bad;
    bad.path = "in/<evil>.txt";
    bad.report.emplace();
    bad.report->set_is_annual_report(true);
    bad.report->set_agency("西工区<b>统计局</b>");
    bad.report->set_year(2023);
    auto* cell = bad.report->add_cells();
    cell->set_key("t3.new.total");
    cell->set_count(12);
    v1::Finding finding;
    finding.set_rule("T3-ROW");
    finding.set_severity(v1::SEVERITY_ERROR);
    finding.add_cells("t3.new.total");
    finding.set_message("本年新收 12 件 ≠ 11 件");
    bad.findings.push_back(finding);
    AnalyzedFile skipped;
    skipped.path = "in/letter.txt";
    skipped.status =
        absl::InvalidArgumentError("in/letter.txt: binary data at byte 3");
    files_ = {bad, skipped};
    input_.files = &files_;
    input_.metrics = &metrics_;
    input_.parent_of = {
        {"41", ""}, {"4103", "41"}, {"410303", "4103"}, {"410305", "4103"}};
    input_.generated_at = "2026-11-22 01:00 UTC";
  }

  std::vector<v1::MetricValue> metrics_;
  std::vector<AnalyzedFile> files_;
  HtmlReportInput input_;
};

TEST_F(ReportHtmlTest, IsSelfContained) {
  std::string html = RenderHtmlReport(input_);
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"http")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
}

TEST_F(ReportHtmlTest, TagsEveryRegionNumberWithItsMetric) {
  std::string html = RenderHtmlReport(input_);
  EXPECT_THAT(html,
              HasSubstr("data-region=\"41\" data-year=\"2023\" "
                        "data-metric=\"disclosed_rate\" "
                        "data-value=\"0.5\" data-reports=\"2\">50.00%</td>"));
  EXPECT_THAT(html,
              HasSubstr("data-region=\"410303\" data-year=\"2023\" "
                        "data-metric=\"applications_new\" data-value=\"12\""));
}

TEST_F(ReportHtmlTest, OrdersRegionsAsATree) {
  std::string html = RenderHtmlReport(input_);
  size_t province = html.find(">河南省 ");
  size_t prefecture = html.find(">洛阳市 ");
  size_t county = html.find(">西工区 ");
  ASSERT_NE(province, std::string::npos);
  ASSERT_NE(prefecture, std::string::npos);
  ASSERT_NE(county, std::string::npos);
  EXPECT_LT(province, prefecture);
  EXPECT_LT(prefecture, county);
}

TEST_F(ReportHtmlTest, EscapesDocumentTextAndListsFindingsWithCells) {
  std::string html = RenderHtmlReport(input_);
  EXPECT_THAT(html, Not(HasSubstr("<b>统计局</b>")));
  EXPECT_THAT(html, HasSubstr("西工区&lt;b&gt;统计局&lt;/b&gt;"));
  EXPECT_THAT(html, HasSubstr("in/&lt;evil&gt;.txt"));
  EXPECT_THAT(html, HasSubstr("t3.new.total = 12"));
  EXPECT_THAT(html, HasSubstr("本年新收 12 件 ≠ 11 件"));
  EXPECT_THAT(html, HasSubstr("binary data at byte 3"));
  EXPECT_THAT(html, HasSubstr("<span id=\"reports-with-errors\">1</span>"));
}

TEST(OutputFiles, FindingsCsvQuotesFieldsAndSkippedCsvGivesReasons) {
  AnalyzedFile f;
  f.path = "a,b.txt";
  f.report.emplace();
  f.report->set_is_annual_report(true);
  f.report->set_agency("某局\"甲\"");
  f.report->set_year(2024);
  v1::Finding finding;
  finding.set_rule("T4-SUM");
  finding.set_severity(v1::SEVERITY_ERROR);
  finding.add_cells("t4.review.total");
  finding.add_cells("t4.review.upheld");
  finding.set_message("总计 3 ≠ 2");
  finding.set_expected(2);
  finding.set_actual(3);
  finding.mutable_location()->set_line(40);
  f.findings.push_back(finding);
  AnalyzedFile letter;
  letter.path = "letter.txt";
  letter.report.emplace();
  letter.report->set_is_annual_report(false);
  EXPECT_EQ(FindingsCsv({f, letter}),
            "source,agency,year,rule,severity,cells,message,expected,actual,"
            "location\n"
            "\"a,b.txt\",\"某局\"\"甲\"\"\",2024,T4-SUM,ERROR,t4.review.total;"
            "t4.review.upheld,"
            "总计 3 ≠ 2,2,3,line 40\n");
  EXPECT_EQ(SkippedCsv({f, letter}),
            "source,reason\nletter.txt,not an annual report\n");
}

}  // namespace
}  // namespace govreport::cli
