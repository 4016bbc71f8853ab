#ifndef GOVREPORT_TESTS_VALIDATOR_EXPECTED_FINDINGS_H_
#define GOVREPORT_TESTS_VALIDATOR_EXPECTED_FINDINGS_H_

// Compares findings with findings_expected of a sample's .expected.json:
// at WARNING and ERROR exactly the expected rules (optional ones may be
// present or not); at INFO every expected rule present and nothing else.

#include <string>
#include <vector>

#include "govreport/v1/finding.pb.h"

namespace govreport::validator::testing {

// The sample files (not the .expected.json) under data/samples, sorted.
std::vector<std::string> SampleFiles();

// "" when the findings match; otherwise what differs, for the test log.
// `ignore_rules` are left out of the comparison on both sides.
std::string DiffWithExpected(const std::string& sample_path,
                             const std::vector<v1::Finding>& findings,
                             const std::vector<std::string>& ignore_rules = {});

}  // namespace govreport::validator::testing

#endif  // GOVREPORT_TESTS_VALIDATOR_EXPECTED_FINDINGS_H_
