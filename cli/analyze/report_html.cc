#include "cli/analyze/report_html.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/analyze/region_tree.h"
#include "cli/report_text.h"
#include "common/report/cell_table.h"
#include "common/report/enum_names.h"
#include "common/report/report_export.h"

namespace govreport::cli {
namespace {

// The columns of the summary table and the metrics offered in the chart.
constexpr const char* kSummaryMetrics[] = {
    "reports", "applications_new",       "disclosed_rate",
    "reviews", "review_correction_rate", "consistency_pass_rate"};
constexpr const char* kChartMetrics[] = {"applications_new",
                                         "disclosed_rate",
                                         "granted_rate",
                                         "not_held_share",
                                         "reviews",
                                         "review_correction_rate",
                                         "lawsuits",
                                         "zero_application_share",
                                         "consistency_pass_rate"};

const char* MetricLabel(const std::string& metric) {
  static const std::map<std::string, const char*> kLabels = {
      {"reports", "报告数"},
      {"agencies", "机关数"},
      {"applications_new", "新收申请"},
      {"applications_accepted", "受理总量"},
      {"applications_done", "办结量"},
      {"carry_out", "结转下年"},
      {"granted_rate", "予以公开率"},
      {"disclosed_rate", "公开率（含部分公开）"},
      {"denied_rate", "不予公开率"},
      {"unable_rate", "无法提供率"},
      {"noproc_rate", "不予处理率"},
      {"other_rate", "其他处理率"},
      {"not_held_share", "不掌握占比"},
      {"reviews", "行政复议"},
      {"review_correction_rate", "复议纠错率"},
      {"lawsuits", "行政诉讼"},
      {"lawsuit_correction_rate", "诉讼纠错率"},
      {"zero_application_share", "零申请报告占比"},
      {"zero_report_share", "全零报告占比"},
      {"consistency_pass_rate", "数据一致率"},
  };
  auto it = kLabels.find(metric);
  return it == kLabels.end() ? metric.c_str() : it->second;
}

bool IsRatio(const std::string& metric) {
  return absl::EndsWith(metric, "_rate") || absl::EndsWith(metric, "_share") ||
         absl::StartsWith(metric, "applicant_mix.");
}

std::string WithThousands(int64_t value) {
  std::string digits = absl::StrCat(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string MetricCell(const MetricIndex& index, const std::string& region,
                       int year, const std::string& metric) {
  const v1::MetricValue* row = index.Find(region, year, metric);
  if (row == nullptr) return "<td class=\"na\">–</td>";
  double v = row->value();
  return absl::StrFormat(
      "<td class=\"num\" data-region=\"%s\" data-year=\"%d\" "
      "data-metric=\"%s\" "
      "data-value=\"%s\" data-reports=\"%d\">%s</td>",
      HtmlEscape(region), year, metric, FormatNumber(v), row->reports(),
      FormatMetricForDisplay(metric, v));
}

std::string SummaryTables(const MetricIndex& index,
                          const std::vector<RegionRow>& order) {
  std::string out = "<h2>地区汇总</h2>\n";
  for (auto year_it = index.years().rbegin(); year_it != index.years().rend();
       ++year_it) {
    int year = *year_it;
    absl::StrAppend(&out, "<h3>", year,
                    " 年</h3>\n<table class=\"summary\" data-year=\"", year,
                    "\">\n<tr><th>地区</th><th>级别</th>");
    for (const char* m : kSummaryMetrics)
      absl::StrAppend(&out, "<th>", MetricLabel(m), "</th>");
    absl::StrAppend(&out, "</tr>\n");
    for (const auto& [code, depth] : order) {
      if (index.Find(code, year, "reports") == nullptr) continue;
      const v1::MetricValue* info = index.regions().at(code);
      absl::StrAppend(&out, "<tr><td class=\"region\" style=\"padding-left:",
                      0.5 + 1.2 * depth, "em\">", HtmlEscape(index.Name(code)),
                      " <span class=\"code\">", HtmlEscape(code),
                      "</span></td><td>", RegionLevelName(info->level()),
                      "</td>");
      for (const char* m : kSummaryMetrics)
        absl::StrAppend(&out, MetricCell(index, code, year, m));
      absl::StrAppend(&out, "</tr>\n");
    }
    absl::StrAppend(&out, "</table>\n");
  }
  return out;
}

// Horizontal bars, one per region of the deepest level that has at least two
// regions in `year` (or every region when none has).
std::string BarChart(const MetricIndex& index,
                     const std::vector<RegionRow>& order, int year,
                     const std::string& metric) {
  std::map<int, std::vector<std::string>> by_depth;
  for (const auto& [code, depth] : order) {
    if (index.Find(code, year, metric) != nullptr)
      by_depth[depth].push_back(code);
  }
  std::vector<std::string> regions;
  for (auto it = by_depth.rbegin(); it != by_depth.rend(); ++it) {
    if (it->second.size() >= 2) {
      regions = it->second;
      break;
    }
  }
  if (regions.empty() && !by_depth.empty()) regions = by_depth.begin()->second;
  if (regions.empty()) return "<p class=\"na\">无数据</p>";
  double max = 0;
  for (const auto& r : regions)
    max = std::max(max, index.Find(r, year, metric)->value());
  constexpr int kBarHeight = 22, kLabelWidth = 170, kBarWidth = 420;
  int height = static_cast<int>(regions.size()) * kBarHeight + 10;
  std::string svg = absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
      "role=\"img\">",
      kLabelWidth + kBarWidth + 110, height);
  int y = 5;
  for (const auto& r : regions) {
    double v = index.Find(r, year, metric)->value();
    int width =
        max > 0 ? static_cast<int>(std::lround(v / max * kBarWidth)) : 0;
    absl::StrAppend(
        &svg,
        absl::StrFormat("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                        kLabelWidth - 6, y + 15, HtmlEscape(index.Name(r))),
        absl::StrFormat("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                        "fill=\"#3b73b9\"/>",
                        kLabelWidth, y + 3, std::max(width, 1), kBarHeight - 6),
        absl::StrFormat(
            "<text x=\"%d\" y=\"%d\" data-region=\"%s\" data-year=\"%d\" "
            "data-metric=\"%s\" data-value=\"%s\">%s</text>",
            kLabelWidth + std::max(width, 1) + 6, y + 15, HtmlEscape(r), year,
            metric, FormatNumber(v), FormatMetricForDisplay(metric, v)));
    y += kBarHeight;
  }
  absl::StrAppend(&svg, "</svg>");
  return svg;
}

std::string ChartSection(const MetricIndex& index,
                         const std::vector<RegionRow>& order) {
  if (index.years().empty()) return "";
  int year = *index.years().rbegin();
  std::string out =
      absl::StrCat("<h2>分地区指标图（", year,
                   " 年）</h2>\n<label>指标：<select id=\"chart-metric\" "
                   "onchange=\"for(const d of "
                   "document.querySelectorAll('.chart'))d.hidden=(d.dataset."
                   "metric!==this.value)\">");
  for (const char* m : kChartMetrics) {
    absl::StrAppend(&out, "<option value=\"", m, "\">", MetricLabel(m),
                    "</option>");
  }
  absl::StrAppend(&out, "</select></label>\n");
  bool first = true;
  for (const char* m : kChartMetrics) {
    absl::StrAppend(&out, "<div class=\"chart\" data-metric=\"", m, "\"",
                    first ? "" : " hidden", ">",
                    BarChart(index, order, year, m), "</div>\n");
    first = false;
  }
  return out;
}

// One small line chart per top-level region for a few metrics, when the data
// covers several years.
std::string TimeSeriesSection(const MetricIndex& index,
                              const std::vector<RegionRow>& order) {
  if (index.years().size() < 2) return "";
  std::string out = "<h2>历年变化</h2>\n";
  const std::vector<std::string> metrics = {
      "applications_new", "disclosed_rate", "consistency_pass_rate"};
  int first_year = *index.years().begin(), last_year = *index.years().rbegin();
  for (const auto& [code, depth] : order) {
    if (depth > 0) continue;
    absl::StrAppend(&out, "<h3>", HtmlEscape(index.Name(code)),
                    "</h3>\n<table class=\"series\"><tr><th>指标</th>");
    for (int y : index.years()) absl::StrAppend(&out, "<th>", y, "</th>");
    absl::StrAppend(&out, "<th>走势</th></tr>\n");
    for (const auto& m : metrics) {
      absl::StrAppend(&out, "<tr><td>", MetricLabel(m), "</td>");
      std::vector<std::pair<int, double>> points;
      for (int y : index.years()) {
        absl::StrAppend(&out, MetricCell(index, code, y, m));
        if (const v1::MetricValue* row = index.Find(code, y, m)) {
          points.emplace_back(y, row->value());
        }
      }
      double lo = 0, hi = 0;
      for (const auto& p : points) hi = std::max(hi, p.second);
      std::string path;
      for (const auto& [y, v] : points) {
        double x = last_year == first_year
                       ? 0
                       : (y - first_year) * 140.0 / (last_year - first_year);
        double py = hi > lo ? 36 - (v - lo) / (hi - lo) * 32 : 20;
        absl::StrAppend(&path, path.empty() ? "M" : " L",
                        absl::StrFormat("%.1f %.1f", x + 5, py));
      }
      absl::StrAppend(&out,
                      "<td><svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "width=\"150\" height=\"40\">"
                      "<path d=\"",
                      path,
                      "\" fill=\"none\" stroke=\"#3b73b9\" "
                      "stroke-width=\"2\"/></svg></td></tr>\n");
    }
    absl::StrAppend(&out, "</table>\n");
  }
  return out;
}

std::string CellValueText(const v1::Report& report, const std::string& key) {
  CellTable table(report);
  const v1::Cell* cell = table.Get(key);
  if (cell == nullptr) return "缺";
  std::optional<double> v = CellValue(*cell);
  if (v) return FormatNumber(*v);
  return cell->raw().empty() ? "空" : absl::StrCat("“", cell->raw(), "”");
}

std::string FindingsSection(const std::vector<AnalyzedFile>& files) {
  std::string out = "<h2>存在问题的报告</h2>\n";
  int shown = 0;
  for (const auto& f : files) {
    if (!f.is_report()) continue;
    if (f.Count(v1::SEVERITY_ERROR) + f.Count(v1::SEVERITY_WARNING) == 0)
      continue;
    ++shown;
    const v1::Report& r = *f.report;
    absl::StrAppend(
        &out, "<details class=\"report\"",
        f.Count(v1::SEVERITY_ERROR) ? " open" : "", "><summary><b>",
        HtmlEscape(r.agency().empty() ? "（未识别机关）" : r.agency()), "</b> ",
        r.has_year() ? absl::StrCat(r.year(), " 年") : "", " — ",
        f.Count(v1::SEVERITY_ERROR), " 个错误，", f.Count(v1::SEVERITY_WARNING),
        " 个警告 <span class=\"code\">", HtmlEscape(f.path),
        "</span></summary>\n<table "
        "class=\"findings\"><tr><th>级别</th><th>规则</th>"
        "<th>说明</th><th>涉及单元格</th><th>位置</th></tr>\n");
    for (const auto& finding : f.findings) {
      std::vector<std::string> cells;
      for (const auto& key : finding.cells()) {
        cells.push_back(absl::StrCat(HtmlEscape(key), " = ",
                                     HtmlEscape(CellValueText(r, key))));
      }
      absl::StrAppend(
          &out, "<tr class=\"sev-", SeverityName(finding.severity()), "\"><td>",
          SeverityName(finding.severity()), "</td><td>",
          HtmlEscape(finding.rule()), "</td><td>",
          HtmlEscape(finding.message()), "</td><td>",
          absl::StrJoin(cells, "<br>"), "</td><td>",
          HtmlEscape(LocationAsText(finding.location())), "</td></tr>\n");
    }
    absl::StrAppend(&out, "</table></details>\n");
  }
  if (shown == 0) absl::StrAppend(&out, "<p>没有发现错误或警告。</p>\n");
  return out;
}

std::string SkippedSection(const std::vector<AnalyzedFile>& files) {
  std::string rows;
  for (const auto& f : files) {
    if (f.is_report()) continue;
    std::string reason = f.status.ok() ? "不是政府信息公开工作年度报告"
                                       : std::string(f.status.message());
    absl::StrAppend(&rows, "<tr><td>", HtmlEscape(f.path), "</td><td>",
                    HtmlEscape(reason), "</td></tr>\n");
  }
  if (rows.empty()) return "";
  return absl::StrCat(
      "<h2>未分析的文件</h2>\n<table><tr><th>文件</th><th>原因</th></tr>\n",
      rows, "</table>\n");
}

constexpr char kStyle[] =
    R"(body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px}
th{background:#eef2f7}td.num{text-align:right;font-variant-numeric:tabular-nums}.code{color:#888;font-size:85%}
.na{color:#aaa}.sev-ERROR td:first-child{color:#b00;font-weight:bold}.sev-WARNING td:first-child{color:#b60}
svg text{font-size:12px}details{margin:.4em 0}summary{cursor:pointer})";

}  // namespace

std::string HtmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string FormatMetricForDisplay(const std::string& metric, double value) {
  if (IsRatio(metric)) return absl::StrFormat("%.2f%%", value * 100);
  if (metric == "fees_wan") return absl::StrFormat("%.2f", value);
  return WithThousands(static_cast<int64_t>(std::llround(value)));
}

std::string RenderHtmlReport(const HtmlReportInput& input) {
  MetricIndex index(*input.metrics);
  std::vector<RegionRow> order = RegionTreeOrder(index, input.parent_of);
  int reports = 0, with_errors = 0, skipped = 0;
  for (const auto& f : *input.files) {
    if (!f.is_report()) {
      ++skipped;
      continue;
    }
    ++reports;
    with_errors += f.Count(v1::SEVERITY_ERROR) > 0;
  }
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<title>政府信息公开工作年度报告分析</title><style>",
      kStyle,
      "</style></head><body>\n<h1>政府信息公开工作年度报告分析</"
      "h1>\n<p>生成时间 ",
      HtmlEscape(input.generated_at), "。共 ", input.files->size(), " 个文件：",
      reports, " 份年度报告（<span id=\"reports-with-errors\">", with_errors,
      "</span> 份存在数据错误），", skipped, " 个文件未分析。</p>\n");
  absl::StrAppend(&out, SummaryTables(index, order), ChartSection(index, order),
                  TimeSeriesSection(index, order),
                  FindingsSection(*input.files), SkippedSection(*input.files),
                  "</body></html>\n");
  return out;
}

}  // namespace govreport::cli
