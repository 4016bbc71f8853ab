#ifndef GOVREPORT_VALIDATOR_SVC_CROSS_REPORT_H_
#define GOVREPORT_VALIDATOR_SVC_CROSS_REPORT_H_

// The rules of CONTRACT.md section 4 that need other reports. The caller
// (the aggregator, which holds the store) passes the other reports in; nothing
// here reads a store.
//
//   CARRY-CONTINUITY (WARNING): carried_in(Y) ≠ carry_out(Y−1) of the same
//   agency. STOCK-CONTINUITY (INFO):    in_force(Y) ≠ in_force(Y−1) + issued(Y)
//   − repealed(Y). TEXT-REUSE (WARNING):       most of the narrative repeats
//   the same agency's
//                               previous year or another agency's report.
//
// TEXT-REUSE compares MinHash fingerprints of character shingles, never full
// texts: keep one TextFingerprint per stored report and pass the candidates.
// The fingerprint is a one-permutation MinHash (one hash per shingle, 128
// slots, empty slots densified): the share of equal slots of two
// fingerprints estimates the Jaccard similarity of their shingle sets.
// Shingles of the template's own wording (table labels, section headings,
// the 勾稽 note) and all digits are left out, so two reports are similar
// only in what their authors wrote.
//
// Findings carry the rule id, the configured severity and other_report_id.
// A disabled rule returns nothing.
//
// Thread-safe: stateless functions.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"
#include "validator-svc/config.h"

namespace govreport::validator {

// CARRY-CONTINUITY of `current` against `previous`, the same agency's report
// for the year before. Checks every table-3 column whose two cells hold
// values. Returns nothing when the years are known and not consecutive, or
// either is not an annual report.
std::vector<v1::Finding> CheckCarryContinuity(
    const v1::Report& current, const v1::Report& previous,
    const ValidatorConfig& config = {});

// STOCK-CONTINUITY for 规章 and 行政规范性文件 (V2021 table 2), same inputs.
std::vector<v1::Finding> CheckStockContinuity(
    const v1::Report& current, const v1::Report& previous,
    const ValidatorConfig& config = {});

inline constexpr int kMinHashSize = 128;

// What TEXT-REUSE keeps of a report. Small (about 1 KB); store it.
struct TextFingerprint {
  std::string report_id;
  std::string agency;
  int year = 0;  // 0 when unknown
  // Distinct shingles of the narrative; 0 for a report without prose.
  uint32_t shingle_count = 0;
  std::array<uint64_t, kMinHashSize> minhash{};
};

// The fingerprint of a report's prose: the section texts when the parser
// found sections, else the whole text.
TextFingerprint FingerprintReport(const v1::Report& report);
// The fingerprint of arbitrary prose (for tests and tools).
TextFingerprint FingerprintText(absl::string_view text);

// Estimated share of `a`'s shingles that also occur in `b` (0..1), from
// the MinHash Jaccard estimate and the two shingle counts.
double EstimatedContainment(const TextFingerprint& a, const TextFingerprint& b);

// TEXT-REUSE of `current` against `others` (earlier reports of the same
// agency and reports of other agencies). At most two findings: the most
// similar previous-year report of the same agency and the most similar
// report of another agency, each when its share reaches
// text_reuse_share. The same agency's report of the same year (a
// republished copy) and reports of other years of the same agency than
// the previous one are not compared.
std::vector<v1::Finding> CheckTextReuse(
    const TextFingerprint& current, absl::Span<const TextFingerprint> others,
    const ValidatorConfig& config = {});

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_CROSS_REPORT_H_
