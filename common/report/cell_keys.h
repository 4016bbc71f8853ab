#ifndef GOVREPORT_COMMON_REPORT_CELL_KEYS_H_
#define GOVREPORT_COMMON_REPORT_CELL_KEYS_H_

// The canonical cell keys of CONTRACT.md section 2, in export order.
//
// Every component (parser, validator, aggregator, exports) names cells with
// these keys; nothing else spells a key by hand.

#include <array>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "govreport/v1/report.pb.h"

namespace govreport {

// Table 3 row ids (the part between "t3." and the last dot), template order.
inline constexpr std::array<absl::string_view, 25> kT3Rows = {
    "new",
    "carried_in",
    "granted",
    "partial",
    "deny.state_secret",
    "deny.law_forbidden",
    "deny.three_security",
    "deny.third_party",
    "deny.internal_affairs",
    "deny.process_info",
    "deny.enforcement_file",
    "deny.admin_query",
    "unable.not_held",
    "unable.needs_creation",
    "unable.unclear",
    "noproc.petition",
    "noproc.repeat",
    "noproc.publication",
    "noproc.mass_repeat",
    "noproc.confirm_reissue",
    "other.no_correction",
    "other.unpaid_fee",
    "other.other",
    "total_done",
    "carry_out",
};

// Table 3 applicant columns, template order; "total" last.
inline constexpr std::array<absl::string_view, 7> kT3Columns = {
    "natural",   "commercial", "research", "social",
    "legal_svc", "other_org",  "total"};

// Table 4 groups and their columns, template order.
inline constexpr std::array<absl::string_view, 3> kT4Groups = {
    "review", "lit_direct", "lit_after_review"};
inline constexpr std::array<absl::string_view, 5> kT4Columns = {
    "upheld", "corrected", "other", "pending", "total"};

// The 10 V2021 table-2 keys.
inline constexpr std::array<absl::string_view, 10> kT2Keys = {
    "t2.rules.issued",        "t2.rules.repealed",     "t2.rules.in_force",
    "t2.normative.issued",    "t2.normative.repealed", "t2.normative.in_force",
    "t2.licensing.decisions", "t2.penalty.decisions",  "t2.coercion.decisions",
    "t2.fees.amount_wan"};

// The 19 legacy V2019 table-2 keys (t2v19.*).
inline constexpr std::array<absl::string_view, 19> kT2V19Keys = {
    "t2v19.rules.made",
    "t2v19.rules.published",
    "t2v19.rules.public_total",
    "t2v19.normative.made",
    "t2v19.normative.published",
    "t2v19.normative.public_total",
    "t2v19.licensing.prev_items",
    "t2v19.licensing.delta",
    "t2v19.other_services.prev_items",
    "t2v19.other_services.delta",
    "t2v19.other_services.decisions",
    "t2v19.penalty.prev_items",
    "t2v19.penalty.delta",
    "t2v19.coercion.prev_items",
    "t2v19.coercion.delta",
    "t2v19.fees.prev_items",
    "t2v19.fees.delta",
    "t2v19.procurement.items",
    "t2v19.procurement.amount_yuan"};

// "t3.<row>.<col>".
std::string T3Key(absl::string_view row, absl::string_view col);
// "t4.<group>.<col>".
std::string T4Key(absl::string_view group, absl::string_view col);

// The 200 V2021 keys: table 2, then table 3 row by row, then table 4.
const std::vector<std::string>& V2021CellKeys();

// The keys a report of `tmpl` carries in its export: the 200 V2021 keys, plus
// the 19 t2v19 keys for V2019.
const std::vector<std::string>& CellKeysFor(v1::Template tmpl);

// True for keys whose value is a decimal amount rather than a count
// (t2.fees.amount_wan, t2v19.procurement.amount_yuan).
bool IsAmountKey(absl::string_view key);

// True for keys whose value may be negative (the V2019 本年增/减 deltas).
bool IsSignedKey(absl::string_view key);

// Index of `key` in V2021CellKeys() or, past 200, in the t2v19 block; -1 when
// the key is not canonical.
int CellKeyIndex(absl::string_view key);

}  // namespace govreport

#endif  // GOVREPORT_COMMON_REPORT_CELL_KEYS_H_
