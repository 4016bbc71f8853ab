#include "common/report/report_export.h"

#include <cmath>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/report/cell_keys.h"
#include "common/report/cell_table.h"
#include "common/report/enum_names.h"

namespace govreport {
namespace {

nlohmann::ordered_json NumberJson(double value) {
  if (std::floor(value) == value && std::fabs(value) < 9e15) {
    return static_cast<int64_t>(value);
  }
  return value;
}

nlohmann::ordered_json CellJson(const v1::Cell* cell) {
  if (cell == nullptr) return nullptr;
  switch (cell->value_case()) {
    case v1::Cell::kCount:
      return cell->count();
    case v1::Cell::kAmount:
      return NumberJson(cell->amount());
    case v1::Cell::VALUE_NOT_SET:
      break;
  }
  return nullptr;
}

}  // namespace

std::string FormatNumber(double value) {
  if (std::floor(value) == value && std::fabs(value) < 9e15) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  char buf[32];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof(buf), "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  return buf;
}

nlohmann::ordered_json ReportToJson(const v1::Report& report) {
  nlohmann::ordered_json out;
  out["year"] =
      report.has_year() ? nlohmann::ordered_json(report.year()) : nullptr;
  out["agency"] = report.agency();
  out["agency_kind"] = std::string(AgencyKindName(report.agency_kind()));
  out["region_code"] = report.region_code();
  out["region_path"] = nlohmann::ordered_json::array();
  for (const auto& code : report.region_path())
    out["region_path"].push_back(code);
  out["template"] = std::string(TemplateName(report.template_()));
  out["is_annual_report"] = report.is_annual_report();
  CellTable table(report);
  nlohmann::ordered_json cells = nlohmann::ordered_json::object();
  for (const std::string& key : CellKeysFor(report.template_())) {
    cells[key] = CellJson(table.Get(key));
  }
  out["cells"] = std::move(cells);
  return out;
}

nlohmann::ordered_json FindingToJson(const v1::Finding& finding) {
  nlohmann::ordered_json out;
  out["rule"] = finding.rule();
  out["severity"] = std::string(SeverityName(finding.severity()));
  out["cells"] = nlohmann::ordered_json::array();
  for (const auto& key : finding.cells()) out["cells"].push_back(key);
  out["message"] = finding.message();
  out["expected"] =
      finding.has_expected() ? NumberJson(finding.expected()) : nullptr;
  out["actual"] = finding.has_actual() ? NumberJson(finding.actual()) : nullptr;
  return out;
}

nlohmann::ordered_json MetricToJson(const v1::MetricValue& metric) {
  nlohmann::ordered_json out;
  out["region_code"] = metric.region_code();
  out["region_name"] = metric.region_name();
  out["level"] = std::string(RegionLevelName(metric.level()));
  out["year"] = metric.year();
  out["agency_kind"] = metric.agency_kind();
  out["metric"] = metric.metric();
  out["value"] = NumberJson(metric.value());
  out["reports"] = metric.reports();
  return out;
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string ReportsToCsv(const std::vector<const v1::Report*>& reports) {
  bool any_v2019 = false;
  for (const v1::Report* r : reports)
    any_v2019 |= r->template_() == v1::TEMPLATE_V2019;
  const std::vector<std::string>& keys =
      CellKeysFor(any_v2019 ? v1::TEMPLATE_V2019 : v1::TEMPLATE_V2021);

  std::string out =
      "source,year,agency,agency_kind,region_code,region_path,template,is_"
      "annual_report";
  for (const auto& key : keys) absl::StrAppend(&out, ",", key);
  out += "\n";
  for (const v1::Report* r : reports) {
    CellTable table(*r);
    std::vector<std::string> fields = {
        CsvField(r->source_name()),
        r->has_year() ? absl::StrCat(r->year()) : "",
        CsvField(r->agency()),
        std::string(AgencyKindName(r->agency_kind())),
        r->region_code(),
        absl::StrJoin(r->region_path(), "/"),
        std::string(TemplateName(r->template_())),
        r->is_annual_report() ? "true" : "false"};
    for (const auto& key : keys) {
      std::optional<double> v = table.Value(key);
      fields.push_back(v ? FormatNumber(*v) : "");
    }
    absl::StrAppend(&out, absl::StrJoin(fields, ","), "\n");
  }
  return out;
}

std::string MetricsToCsv(const std::vector<v1::MetricValue>& metrics) {
  std::string out =
      "region_code,region_name,level,year,agency_kind,metric,value,reports\n";
  for (const auto& m : metrics) {
    absl::StrAppend(&out, CsvField(m.region_code()), ",",
                    CsvField(m.region_name()), ",", RegionLevelName(m.level()),
                    ",", m.year(), ",", m.agency_kind(), ",", m.metric(), ",",
                    FormatNumber(m.value()), ",", m.reports(), "\n");
  }
  return out;
}

}  // namespace govreport
