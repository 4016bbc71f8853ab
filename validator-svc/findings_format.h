#ifndef GOVREPORT_VALIDATOR_SVC_FINDINGS_FORMAT_H_
#define GOVREPORT_VALIDATOR_SVC_FINDINGS_FORMAT_H_

// Findings as `govreport validate` prints them: the export shape of
// CONTRACT.md section 3 (FindingToJson) per file, and a readable text form.
//
// Thread-safe: stateless.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "govreport/v1/finding.pb.h"
#include "nlohmann/json.hpp"

namespace govreport::validator {

// [{"rule", "severity", "cells", "message", "expected", "actual"}, ...].
nlohmann::ordered_json FindingsToJson(const std::vector<v1::Finding>& findings);

// {"file": file, "findings": FindingsToJson(findings)}.
nlohmann::ordered_json FileFindingsToJson(
    absl::string_view file, const std::vector<v1::Finding>& findings);

// One block per finding:
//   ERROR T3-ROW 第12行第3列: 第三张表“总计”列：本年新收 12 件 + …
//     单元格: t3.new.total, t3.carried_in.total, …
//     应为 12，实为 11
// "" for no findings.
std::string FindingsToText(const std::vector<v1::Finding>& findings);

// Where a finding points, in words: "第12行第3–5列", "第2页 表3第4行第2列"; ""
// when unknown.
std::string LocationText(const v1::SourceLocation& location);

// True when any finding has severity ERROR.
bool HasError(const std::vector<v1::Finding>& findings);

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_FINDINGS_FORMAT_H_
