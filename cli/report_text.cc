#include "cli/report_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/report/enum_names.h"

namespace govreport::cli {

std::string LocationAsText(const v1::SourceLocation& loc) {
  std::vector<std::string> parts;
  if (loc.page() > 0) parts.push_back(absl::StrCat("page ", loc.page()));
  if (loc.table() > 0) {
    parts.push_back(absl::StrCat("table ", loc.table()));
    if (loc.row() > 0) parts.push_back(absl::StrCat("row ", loc.row()));
    if (loc.column() > 0)
      parts.push_back(absl::StrCat("column ", loc.column()));
  }
  if (loc.line() > 0) {
    std::string line = absl::StrCat("line ", loc.line());
    if (loc.column_begin() > 0) {
      absl::StrAppend(&line, ", col ", loc.column_begin());
      if (loc.column_end() > loc.column_begin() + 1)
        absl::StrAppend(&line, "-", loc.column_end() - 1);
    }
    parts.push_back(line);
  }
  return absl::StrJoin(parts, ", ");
}

std::string ReportAsText(const v1::Report& r) {
  int values = 0, nulls = 0, ambiguous = 0;
  for (const auto& cell : r.cells()) {
    if (cell.value_case() != v1::Cell::VALUE_NOT_SET) {
      ++values;
    } else {
      ++nulls;
      if (cell.state() == v1::CELL_STATE_AMBIGUOUS) ++ambiguous;
    }
  }
  std::string out = absl::StrCat(r.source_name(), "\n");
  absl::StrAppend(&out,
                  "  agency:   ", r.agency().empty() ? "(unknown)" : r.agency(),
                  " (", AgencyKindName(r.agency_kind()), ")\n");
  absl::StrAppend(&out, "  year:     ",
                  r.has_year() ? absl::StrCat(r.year()) : "(unknown)", "\n");
  absl::StrAppend(&out, "  region:   ",
                  r.region_code().empty()
                      ? "(unresolved)"
                      : absl::StrJoin(r.region_path(), " > "),
                  "\n");
  absl::StrAppend(&out, "  template: ", TemplateName(r.template_()),
                  r.is_annual_report() ? "" : " (not an annual report)", "\n");
  absl::StrAppend(&out, "  cells:    ", values, " with values, ", nulls,
                  " null");
  if (ambiguous > 0)
    absl::StrAppend(&out, " (", ambiguous, " unresolved run-together digits)");
  absl::StrAppend(&out, "\n");
  for (const auto& note : r.notes()) {
    absl::StrAppend(&out, "  note:     ", note.message(), "\n");
  }
  return out;
}

std::string FindingsAsText(const std::vector<v1::Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    absl::StrAppend(
        &out, absl::StrFormat("  %-7s %-18s %s", SeverityName(f.severity()),
                              f.rule(), f.message()));
    std::string where = LocationAsText(f.location());
    if (!where.empty()) absl::StrAppend(&out, " (", where, ")");
    absl::StrAppend(&out, "\n");
  }
  return out;
}

}  // namespace govreport::cli
