#ifndef GOVREPORT_COMMON_REPORT_REPORT_EXPORT_H_
#define GOVREPORT_COMMON_REPORT_REPORT_EXPORT_H_

// The stable export shapes of CONTRACT.md section 3: a report as JSON or as a
// CSV row, findings as JSON, metric rows as JSON or CSV. Other programs read
// these; change them only with the contract.

#include <string>
#include <vector>

#include "govreport/v1/finding.pb.h"
#include "govreport/v1/metrics.pb.h"
#include "govreport/v1/report.pb.h"
#include "nlohmann/json.hpp"

namespace govreport {

// {"year", "agency", "agency_kind", "region_code", "region_path", "template",
//  "is_annual_report", "cells": {every key of CellKeysFor(template):
//  value|null}}.
nlohmann::ordered_json ReportToJson(const v1::Report& report);

// {"rule", "severity", "cells", "message", "expected", "actual"}; expected and
// actual are null when the finding has none.
nlohmann::ordered_json FindingToJson(const v1::Finding& finding);

// {"region_code", "region_name", "level", "year", "agency_kind", "metric",
//  "value", "reports"}.
nlohmann::ordered_json MetricToJson(const v1::MetricValue& metric);

// A CSV document, one row per report: source, year, agency, agency_kind,
// region_code, region_path ("41/4103/410303"), template, is_annual_report,
// then the 200 V2021 keys, plus the 19 t2v19 keys when any report is V2019.
// Null cells are empty fields. Ends with a newline.
std::string ReportsToCsv(const std::vector<const v1::Report*>& reports);

// A CSV document of metric rows with the MetricToJson columns, header first.
std::string MetricsToCsv(const std::vector<v1::MetricValue>& metrics);

// One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
std::string CsvField(const std::string& value);

// A number as the exports print it: integers without a decimal point,
// others in the shortest form that reads back exactly.
std::string FormatNumber(double value);

}  // namespace govreport

#endif  // GOVREPORT_COMMON_REPORT_REPORT_EXPORT_H_
