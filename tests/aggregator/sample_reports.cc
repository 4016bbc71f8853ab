#include "tests/aggregator/sample_reports.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/report/cell_keys.h"
#include "common/report/enum_names.h"
#include "common/sha256.h"

namespace govreport::testing {

std::vector<std::string> SampleDocumentPaths() {
  std::vector<std::string> out;
  for (const char* sub : {"/samples/seeds", "/samples/real"}) {
    for (const auto& entry : std::filesystem::directory_iterator(
             std::string(GOVREPORT_DATA_DIR) + sub)) {
      std::string path = entry.path().string();
      const std::string suffix = ".expected.json";
      if (path.size() > suffix.size() &&
          path.compare(path.size() - suffix.size(), suffix.size(), suffix) ==
              0) {
        out.push_back(path.substr(0, path.size() - suffix.size()));
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

v1::Severity ContractSeverity(absl::string_view rule) {
  static const auto* kErrors = new std::vector<std::string>{
      "T3-ROW", "T3-COL", "T3-SUM", "T4-SUM", "CELL-INVALID", "TABLE-MISSING"};
  static const auto* kInfos = new std::vector<std::string>{
      "ZERO-REPORT", "LABEL-MODIFIED", "STOCK-CONTINUITY"};
  if (std::find(kErrors->begin(), kErrors->end(), rule) != kErrors->end()) {
    return v1::SEVERITY_ERROR;
  }
  if (std::find(kInfos->begin(), kInfos->end(), rule) != kInfos->end())
    return v1::SEVERITY_INFO;
  return v1::SEVERITY_WARNING;
}

absl::StatusOr<SampleReport> LoadSample(const std::string& document_path) {
  SampleReport s;
  s.document_path = document_path;
  std::ifstream doc(document_path, std::ios::binary);
  std::ifstream json(document_path + ".expected.json");
  if (!doc || !json) return absl::NotFoundError(document_path);
  std::stringstream bytes;
  bytes << doc.rdbuf();
  s.expected = nlohmann::json::parse(json);
  const nlohmann::json& e = s.expected;

  v1::Report& r = s.report;
  r.set_id(Sha256Hex(bytes.str()));
  r.set_source_name(std::filesystem::path(document_path).filename().string());
  if (!e["year"].is_null()) r.set_year(e["year"].get<int>());
  r.set_agency(e["agency"].get<std::string>());
  r.set_agency_kind(ParseAgencyKind(e["agency_kind"].get<std::string>())
                        .value_or(v1::AGENCY_KIND_OTHER));
  r.set_region_code(e["region_code"].get<std::string>());
  for (const auto& code : e["region_path"])
    r.add_region_path(code.get<std::string>());
  r.set_template_(ParseTemplate(e["template"].get<std::string>())
                      .value_or(v1::TEMPLATE_UNKNOWN));
  r.set_is_annual_report(e["is_annual_report"].get<bool>());
  int line = 1;
  for (const auto& [key, value] : e["cells"].items()) {
    v1::Cell* cell = r.add_cells();
    cell->set_key(key);
    cell->mutable_location()->set_line(line++);
    if (value.is_null()) {
      cell->set_state(v1::CELL_STATE_BLANK);
      continue;
    }
    cell->set_state(v1::CELL_STATE_VALUE);
    if (IsAmountKey(key)) {
      cell->set_amount(value.get<double>());
    } else {
      cell->set_count(value.get<int64_t>());
    }
    cell->set_raw(value.dump());
  }
  for (const auto& f : e["findings_expected"]) {
    if (f.value("optional", false)) continue;
    v1::Finding& finding = s.findings.emplace_back();
    finding.set_rule(f["rule"].get<std::string>());
    finding.set_severity(ContractSeverity(finding.rule()));
  }
  return s;
}

}  // namespace govreport::testing
