#ifndef GOVREPORT_CLI_REPORT_TEXT_H_
#define GOVREPORT_CLI_REPORT_TEXT_H_

// Human-readable renderings for the terminal: a parsed report's summary and
// findings with their places.

#include <string>
#include <vector>

#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"

namespace govreport::cli {

// Several lines: source, agency and kind, year, region, template, how many
// cells hold values / are null / unresolved, then the parse notes.
std::string ReportAsText(const v1::Report& report);

// One line per finding: "  ERROR   T3-ROW  <message> [cells] (line 12)".
std::string FindingsAsText(const std::vector<v1::Finding>& findings);

// "line 12, col 3-8" / "page 3, table 2, row 5, column 4" / "" for a location.
std::string LocationAsText(const v1::SourceLocation& location);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_REPORT_TEXT_H_
