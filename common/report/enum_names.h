#ifndef GOVREPORT_COMMON_REPORT_ENUM_NAMES_H_
#define GOVREPORT_COMMON_REPORT_ENUM_NAMES_H_

// The contract's spelling of enum values ("TOWNSHIP", "V2021", "ERROR",
// "prefecture") and the way back. Proto enum values carry a type prefix
// (AGENCY_KIND_TOWNSHIP); exports and queries use the bare contract names.

#include <optional>

#include "absl/strings/string_view.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/metrics.pb.h"
#include "govreport/v1/report.pb.h"

namespace govreport {

// "GOVERNMENT", ..., "OTHER"; "" for UNSPECIFIED.
absl::string_view AgencyKindName(v1::AgencyKind kind);
std::optional<v1::AgencyKind> ParseAgencyKind(absl::string_view name);

// "V2021", "V2019", "HYBRID", "E2014", "E2008", "UNKNOWN"; "" for UNSPECIFIED.
absl::string_view TemplateName(v1::Template tmpl);
std::optional<v1::Template> ParseTemplate(absl::string_view name);

// "INFO", "WARNING", "ERROR"; "" for UNSPECIFIED.
absl::string_view SeverityName(v1::Severity severity);
std::optional<v1::Severity> ParseSeverity(absl::string_view name);

// "province", "prefecture", "county", "township", "unresolved".
absl::string_view RegionLevelName(v1::RegionLevel level);
std::optional<v1::RegionLevel> ParseRegionLevel(absl::string_view name);

// "text", "html", "docx", "pdf".
absl::string_view DocumentFormatName(v1::DocumentFormat format);

}  // namespace govreport

#endif  // GOVREPORT_COMMON_REPORT_ENUM_NAMES_H_
