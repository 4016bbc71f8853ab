#ifndef GOVREPORT_CLI_ANALYZE_REPORT_HTML_H_
#define GOVREPORT_CLI_ANALYZE_REPORT_HTML_H_

// report.html of `govreport analyze`: one self-contained page (no network, no
// external scripts or styles) with the regional summary per year, a bar chart
// of a chosen metric per region (inline SVG), time series when several years
// are present, and each inconsistent report's findings with the cells
// involved. Every number shown for a region carries data-region, data-year,
// data-metric and data-value attributes so tests (and users) can check it
// against metrics.csv. All document text is HTML-escaped.

#include <map>
#include <string>
#include <vector>

#include "cli/analyze/analyzed_file.h"
#include "govreport/v1/metrics.pb.h"

namespace govreport::cli {

struct HtmlReportInput {
  const std::vector<AnalyzedFile>* files = nullptr;
  // All metric rows (every level, year and agency kind).
  const std::vector<v1::MetricValue>* metrics = nullptr;
  // Region code -> parent region code ("" for provinces and "unresolved").
  std::map<std::string, std::string> parent_of;
  // Shown in the header, e.g. "2026-11-22 01:00 UTC".
  std::string generated_at;
};

std::string RenderHtmlReport(const HtmlReportInput& input);

// "&lt;" etc. for &, <, >, " and '.
std::string HtmlEscape(const std::string& text);

// How the page prints a metric value: ratios as percentages with two decimals
// ("45.21%"), counts as integers with thousands separators ("14,069"), fees
// with up to two decimals.
std::string FormatMetricForDisplay(const std::string& metric, double value);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_ANALYZE_REPORT_HTML_H_
