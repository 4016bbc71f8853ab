#ifndef GOVREPORT_TESTS_AGGREGATOR_EXPECTED_METRICS_H_
#define GOVREPORT_TESTS_AGGREGATOR_EXPECTED_METRICS_H_

// The metrics of CONTRACT.md section 5 computed straight from ground-truth
// JSON (the corpus' .expected.json), independently of the aggregator's own
// code, for tests to compare against.

#include <map>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace govreport::testing {

// Where the ground truth leaves a cell null because its digits are ambiguous,
// a parser may output null or the true value (cells_ambiguous).
enum class Ambiguous { kNull, kTrueValue };

// Metric id -> value for the given reports; ratios with a zero denominator
// are absent.
std::map<std::string, double> ExpectedMetrics(
    const std::vector<const nlohmann::json*>& reports,
    Ambiguous ambiguous = Ambiguous::kNull);

// True when the ground truth is counted under `region` (a code of its
// region_path, or "unresolved" for an empty region_code), `year` and `kind`
// ("" for any): an annual report with a year.
bool CountedIn(const nlohmann::json& expected, const std::string& region,
               int year, const std::string& kind);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_AGGREGATOR_EXPECTED_METRICS_H_
