#ifndef GOVREPORT_TESTS_VALIDATOR_REPORT_BUILDER_H_
#define GOVREPORT_TESTS_VALIDATOR_REPORT_BUILDER_H_

// Reports for validator tests, built without the parser.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"

namespace govreport::validator::testing {

// A balanced V2021 report (2023, TOWNSHIP "示例区示例街道办事处"): every
// identity holds, no blanks, all six sections, narrative agreeing with the
// tables: new 12 (natural 10, commercial 2), carried_in 1, granted 5,
// partial 2, deny.process_info 1, unable.not_held 3, other.no_correction 1,
// total_done 12, carry_out 1; review 2 (upheld 1, corrected 1); lit_direct
// 1 (pending 1); t2 rules 1/0/5, normative 3/1/20, licensing 40, penalty
// 7, coercion 0, fees 12.5 万元.
v1::Report BalancedReport();

// The same with tables 3 and 4 all zero and narrative "未收到…申请".
v1::Report ZeroReport();

// Sets a count (state VALUE) / amount / blank / invalid / ambiguous / absent
// cell.
void SetCount(v1::Report& report, absl::string_view key, int64_t value);
void SetAmount(v1::Report& report, absl::string_view key, double value);
void SetBlank(v1::Report& report, absl::string_view key);
void SetInvalid(v1::Report& report, absl::string_view key,
                absl::string_view raw);
void SetAmbiguous(v1::Report& report, absl::string_view key);
void SetAbsent(v1::Report& report, absl::string_view key);
v1::Cell* FindCell(v1::Report& report, absl::string_view key);

// A report as its .expected.json describes it: metadata and cells (null is
// BLANK, except keys in cells_ambiguous (AMBIGUOUS), keys the template
// version lacks and every null of a pre-2019 or unknown template (ABSENT));
// six sections; text = the file itself for text and markdown files.
absl::StatusOr<v1::Report> ReportFromExpected(const std::string& sample_path);

// The rule ids of `findings`, in order.
std::vector<std::string> Rules(const std::vector<v1::Finding>& findings);

// The findings of rule `rule`.
std::vector<v1::Finding> Only(const std::vector<v1::Finding>& findings,
                              absl::string_view rule);

}  // namespace govreport::validator::testing

#endif  // GOVREPORT_TESTS_VALIDATOR_REPORT_BUILDER_H_
