#include "cli/analyze/output_files.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/report_text.h"
#include "common/report/enum_names.h"
#include "common/report/report_export.h"
#include "common/status_macros.h"

namespace govreport::cli {
namespace fs = std::filesystem;

absl::Status WriteFileAtomically(const std::string& dir,
                                 const std::string& name,
                                 const std::string& contents) {
  fs::path target = fs::path(dir) / name;
  fs::path temp = fs::path(dir) / absl::StrCat(".", name, ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out)
      return absl::PermissionDeniedError(
          absl::StrCat(temp.string(), ": cannot create"));
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.flush();
    if (!out) {
      return absl::ResourceExhaustedError(
          absl::StrCat(temp.string(), ": write failed (disk full?)"));
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec)
    return absl::InternalError(
        absl::StrCat(target.string(), ": ", ec.message()));
  return absl::OkStatus();
}

std::string ReportsJsonl(const std::vector<AnalyzedFile>& files) {
  std::string out;
  for (const auto& f : files) {
    if (!f.is_report()) continue;
    nlohmann::ordered_json line;
    line["source"] = f.path;
    nlohmann::ordered_json report = ReportToJson(*f.report);
    for (auto& [key, value] : report.items()) line[key] = std::move(value);
    absl::StrAppend(&out, line.dump(), "\n");
  }
  return out;
}

std::string FindingsCsv(const std::vector<AnalyzedFile>& files) {
  std::string out =
      "source,agency,year,rule,severity,cells,message,expected,actual,"
      "location\n";
  for (const auto& f : files) {
    if (!f.is_report()) continue;
    for (const auto& finding : f.findings) {
      std::vector<std::string> fields = {
          CsvField(f.path),
          CsvField(f.report->agency()),
          f.report->has_year() ? absl::StrCat(f.report->year()) : "",
          finding.rule(),
          std::string(SeverityName(finding.severity())),
          CsvField(absl::StrJoin(finding.cells(), ";")),
          CsvField(finding.message()),
          finding.has_expected() ? FormatNumber(finding.expected()) : "",
          finding.has_actual() ? FormatNumber(finding.actual()) : "",
          CsvField(LocationAsText(finding.location()))};
      absl::StrAppend(&out, absl::StrJoin(fields, ","), "\n");
    }
  }
  return out;
}

std::string SkippedCsv(const std::vector<AnalyzedFile>& files) {
  std::string out = "source,reason\n";
  for (const auto& f : files) {
    if (f.is_report()) continue;
    std::string reason = f.status.ok() ? "not an annual report"
                                       : std::string(f.status.message());
    absl::StrAppend(&out, CsvField(f.path), ",", CsvField(reason), "\n");
  }
  return out;
}

absl::Status WriteOutputFiles(const std::string& out_dir,
                              const std::vector<AnalyzedFile>& files,
                              const std::vector<v1::MetricValue>& metrics) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec)
    return absl::PermissionDeniedError(
        absl::StrCat(out_dir, ": ", ec.message()));
  std::vector<const v1::Report*> reports;
  for (const auto& f : files) {
    if (f.is_report()) reports.push_back(&*f.report);
  }
  RETURN_IF_ERROR(
      WriteFileAtomically(out_dir, "reports.csv", ReportsToCsv(reports)));
  RETURN_IF_ERROR(
      WriteFileAtomically(out_dir, "reports.jsonl", ReportsJsonl(files)));
  RETURN_IF_ERROR(
      WriteFileAtomically(out_dir, "findings.csv", FindingsCsv(files)));
  RETURN_IF_ERROR(
      WriteFileAtomically(out_dir, "metrics.csv", MetricsToCsv(metrics)));
  RETURN_IF_ERROR(
      WriteFileAtomically(out_dir, "skipped.csv", SkippedCsv(files)));
  return absl::OkStatus();
}

}  // namespace govreport::cli
