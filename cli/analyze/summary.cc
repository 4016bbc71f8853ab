#include "cli/analyze/summary.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/analyze/region_tree.h"
#include "cli/analyze/report_html.h"
#include "common/report/enum_names.h"

namespace govreport::cli {
namespace {

// How many skipped files are named before "and N more".
constexpr int kSkippedShown = 8;
// How many of the most frequent finding kinds are listed.
constexpr int kTopFindings = 10;

constexpr const char* kColumns[] = {
    "reports", "applications_new",       "disclosed_rate",
    "reviews", "review_correction_rate", "consistency_pass_rate"};
constexpr const char* kHeaders[] = {"reports", "applications", "disclosed",
                                    "reviews", "corrected",    "consistent"};

std::string FileProblems(const std::vector<AnalyzedFile>& files) {
  std::string problems, skipped;
  int skipped_count = 0;
  for (const auto& f : files) {
    if (!f.status.ok()) {
      absl::StrAppend(&problems, "  ", f.path,
                      ": could not be read: ", f.status.message(), "\n");
      continue;
    }
    if (!f.is_report()) {
      if (skipped_count++ < kSkippedShown) {
        absl::StrAppend(&skipped, "  ", f.path,
                        ": skipped: not an annual report\n");
      }
      continue;
    }
    int errors = f.Count(v1::SEVERITY_ERROR),
        warnings = f.Count(v1::SEVERITY_WARNING);
    if (errors + warnings == 0) continue;
    const v1::Report& r = *f.report;
    absl::StrAppend(&problems, "  ", f.path, ": ",
                    r.agency().empty() ? "(agency unknown)" : r.agency(), " ",
                    r.has_year() ? absl::StrCat(r.year()) : "(year unknown)",
                    ": ", errors, " ERROR, ", warnings, " WARNING\n");
  }
  if (skipped_count > kSkippedShown) {
    absl::StrAppend(&skipped, "  ... and ", skipped_count - kSkippedShown,
                    " more skipped files (see skipped.csv)\n");
  }
  std::string out;
  if (!problems.empty())
    absl::StrAppend(&out, "Files with problems:\n", problems, "\n");
  if (!skipped.empty()) absl::StrAppend(&out, "Skipped:\n", skipped, "\n");
  return out;
}

std::string RegionalSummary(const SummaryInput& input) {
  MetricIndex index(*input.metrics);
  if (index.years().empty())
    return "No annual reports with a year: no regional summary.\n\n";
  std::vector<RegionRow> order = RegionTreeOrder(index, input.parent_of);
  std::string out;
  for (auto it = index.years().rbegin(); it != index.years().rend(); ++it) {
    int year = *it;
    absl::StrAppend(&out, "Regional summary ", year, " (all agency kinds):\n",
                    absl::StrFormat("  %-34s", "region"));
    for (const char* h : kHeaders)
      absl::StrAppend(&out, absl::StrFormat(" %12s", h));
    absl::StrAppend(&out, "\n");
    for (const auto& [code, depth] : order) {
      if (index.Find(code, year, "reports") == nullptr) continue;
      std::string label = absl::StrCat(std::string(2 * depth, ' '),
                                       index.Name(code), " ", code);
      // Pad by display columns: CJK characters take two.
      int width = 0;
      for (size_t i = 0; i < label.size();) {
        unsigned char c = static_cast<unsigned char>(label[i]);
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        width += len >= 3 ? 2 : 1;
        i += len;
      }
      absl::StrAppend(&out, "  ", label,
                      std::string(std::max(0, 34 - width), ' '));
      for (const char* m : kColumns) {
        const v1::MetricValue* row = index.Find(code, year, m);
        absl::StrAppend(
            &out, absl::StrFormat(" %12s",
                                  row ? FormatMetricForDisplay(m, row->value())
                                      : std::string("-")));
      }
      absl::StrAppend(&out, "\n");
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

std::string TopFindings(const std::vector<AnalyzedFile>& files) {
  std::map<std::pair<std::string, int>, std::pair<int, int>>
      counts;  // findings, reports
  for (const auto& f : files) {
    if (!f.is_report()) continue;
    std::map<std::pair<std::string, int>, bool> seen;
    for (const auto& finding : f.findings) {
      auto key =
          std::make_pair(finding.rule(), static_cast<int>(finding.severity()));
      ++counts[key].first;
      if (!seen[key]) {
        seen[key] = true;
        ++counts[key].second;
      }
    }
  }
  if (counts.empty()) return "No findings.\n\n";
  std::vector<std::tuple<int, int, std::string, int>> rows;
  for (const auto& [key, c] : counts)
    rows.emplace_back(c.second, c.first, key.first, key.second);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b))
      return std::get<0>(a) > std::get<0>(b);
    if (std::get<3>(a) != std::get<3>(b))
      return std::get<3>(a) > std::get<3>(b);
    return std::get<2>(a) < std::get<2>(b);
  });
  std::string out = "Most frequent findings:\n";
  int shown = 0;
  for (const auto& [reports, findings, rule, severity] : rows) {
    if (shown++ == kTopFindings) break;
    absl::StrAppend(
        &out, absl::StrFormat("  %-18s %-7s %4d reports (%d findings)\n", rule,
                              SeverityName(static_cast<v1::Severity>(severity)),
                              reports, findings));
  }
  absl::StrAppend(&out, "\n");
  return out;
}

}  // namespace

std::string RenderSummary(const SummaryInput& input) {
  int reports = 0, errors = 0, skipped = 0, unreadable = 0;
  for (const auto& f : *input.files) {
    if (!f.status.ok()) {
      ++unreadable;
    } else if (!f.is_report()) {
      ++skipped;
    } else {
      ++reports;
      errors += f.Count(v1::SEVERITY_ERROR) > 0;
    }
  }
  std::string out = absl::StrFormat(
      "Analysed %d files in %.1f s: %d annual reports (%d with ERROR "
      "findings), %d skipped, "
      "%d unreadable.\n\n",
      input.files->size(), input.seconds, reports, errors, skipped, unreadable);
  absl::StrAppend(&out, FileProblems(*input.files), RegionalSummary(input),
                  TopFindings(*input.files));
  absl::StrAppend(
      &out, "Data stored in ", input.store, "\n", "Wrote ", input.out_dir,
      "/{reports.csv, reports.jsonl, findings.csv, metrics.csv, skipped.csv}\n",
      "Report: ", input.out_dir, "/report.html\n");
  return out;
}

}  // namespace govreport::cli
