#include "common/report/enum_names.h"

#include <array>
#include <utility>

namespace govreport {
namespace {

template <typename E, size_t N>
absl::string_view NameOf(
    const std::array<std::pair<E, absl::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> ValueOf(
    const std::array<std::pair<E, absl::string_view>, N>& table,
    absl::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<v1::AgencyKind, absl::string_view>, 6>
    kAgencyKinds = {{
        {v1::AGENCY_KIND_GOVERNMENT, "GOVERNMENT"},
        {v1::AGENCY_KIND_GOVERNMENT_OFFICE, "GOVERNMENT_OFFICE"},
        {v1::AGENCY_KIND_DEPARTMENT, "DEPARTMENT"},
        {v1::AGENCY_KIND_TOWNSHIP, "TOWNSHIP"},
        {v1::AGENCY_KIND_ZONE_COMMITTEE, "ZONE_COMMITTEE"},
        {v1::AGENCY_KIND_OTHER, "OTHER"},
    }};

constexpr std::array<std::pair<v1::Template, absl::string_view>, 6> kTemplates =
    {{
        {v1::TEMPLATE_V2021, "V2021"},
        {v1::TEMPLATE_V2019, "V2019"},
        {v1::TEMPLATE_HYBRID, "HYBRID"},
        {v1::TEMPLATE_E2014, "E2014"},
        {v1::TEMPLATE_E2008, "E2008"},
        {v1::TEMPLATE_UNKNOWN, "UNKNOWN"},
    }};

constexpr std::array<std::pair<v1::Severity, absl::string_view>, 3>
    kSeverities = {{
        {v1::SEVERITY_INFO, "INFO"},
        {v1::SEVERITY_WARNING, "WARNING"},
        {v1::SEVERITY_ERROR, "ERROR"},
    }};

constexpr std::array<std::pair<v1::RegionLevel, absl::string_view>, 5> kLevels =
    {{
        {v1::REGION_LEVEL_PROVINCE, "province"},
        {v1::REGION_LEVEL_PREFECTURE, "prefecture"},
        {v1::REGION_LEVEL_COUNTY, "county"},
        {v1::REGION_LEVEL_TOWNSHIP, "township"},
        {v1::REGION_LEVEL_UNRESOLVED, "unresolved"},
    }};

constexpr std::array<std::pair<v1::DocumentFormat, absl::string_view>, 4>
    kFormats = {{
        {v1::DOCUMENT_FORMAT_TEXT, "text"},
        {v1::DOCUMENT_FORMAT_HTML, "html"},
        {v1::DOCUMENT_FORMAT_DOCX, "docx"},
        {v1::DOCUMENT_FORMAT_PDF, "pdf"},
    }};

}  // namespace

absl::string_view AgencyKindName(v1::AgencyKind kind) {
  return NameOf(kAgencyKinds, kind);
}
std::optional<v1::AgencyKind> ParseAgencyKind(absl::string_view name) {
  return ValueOf(kAgencyKinds, name);
}
absl::string_view TemplateName(v1::Template tmpl) {
  return NameOf(kTemplates, tmpl);
}
std::optional<v1::Template> ParseTemplate(absl::string_view name) {
  return ValueOf(kTemplates, name);
}
absl::string_view SeverityName(v1::Severity severity) {
  return NameOf(kSeverities, severity);
}
std::optional<v1::Severity> ParseSeverity(absl::string_view name) {
  return ValueOf(kSeverities, name);
}
absl::string_view RegionLevelName(v1::RegionLevel level) {
  return NameOf(kLevels, level);
}
std::optional<v1::RegionLevel> ParseRegionLevel(absl::string_view name) {
  return ValueOf(kLevels, name);
}
absl::string_view DocumentFormatName(v1::DocumentFormat format) {
  return NameOf(kFormats, format);
}

}  // namespace govreport
