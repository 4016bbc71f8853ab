#include "validator-svc/findings_format.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/report/enum_names.h"
#include "common/report/report_export.h"
#include "validator-svc/cell_labels.h"
#include "validator-svc/narrative/narrative_text.h"

namespace govreport::validator {

nlohmann::ordered_json FindingsToJson(
    const std::vector<v1::Finding>& findings) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const v1::Finding& f : findings) out.push_back(FindingToJson(f));
  return out;
}

nlohmann::ordered_json FileFindingsToJson(
    absl::string_view file, const std::vector<v1::Finding>& findings) {
  nlohmann::ordered_json out;
  out["file"] = narrative::ValidUtf8(file);
  out["findings"] = FindingsToJson(findings);
  return out;
}

std::string LocationText(const v1::SourceLocation& loc) {
  std::string out;
  if (loc.page() > 0) absl::StrAppend(&out, "第", loc.page(), "页 ");
  if (loc.table() > 0) {
    absl::StrAppend(&out, "表", loc.table());
    if (loc.row() > 0) absl::StrAppend(&out, "第", loc.row(), "行");
    if (loc.column() > 0) absl::StrAppend(&out, "第", loc.column(), "列");
    absl::StrAppend(&out, " ");
  }
  if (loc.line() > 0) {
    absl::StrAppend(&out, "第", loc.line(), "行");
    if (loc.column_begin() > 0) {
      absl::StrAppend(&out, "第", loc.column_begin());
      if (loc.column_end() > loc.column_begin() + 1)
        absl::StrAppend(&out, "–", loc.column_end() - 1);
      absl::StrAppend(&out, "列");
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string FindingsToText(const std::vector<v1::Finding>& findings) {
  std::string out;
  for (const v1::Finding& f : findings) {
    std::string where = LocationText(f.location());
    absl::StrAppend(&out, "  ", SeverityName(f.severity()), " ", f.rule(),
                    where.empty() ? "" : absl::StrCat(" ", where), ": ",
                    f.message(), "\n");
    if (f.cells_size() > 0) {
      absl::StrAppend(&out, "    单元格: ", absl::StrJoin(f.cells(), ", "),
                      "\n");
    }
    if (f.has_expected() || f.has_actual()) {
      absl::StrAppend(&out, "    应为 ",
                      f.has_expected() ? FormatFigure(f.expected()) : "—",
                      "，实为 ",
                      f.has_actual() ? FormatFigure(f.actual()) : "—", "\n");
    }
  }
  return out;
}

bool HasError(const std::vector<v1::Finding>& findings) {
  for (const v1::Finding& f : findings) {
    if (f.severity() == v1::SEVERITY_ERROR) return true;
  }
  return false;
}

}  // namespace govreport::validator
