#ifndef GOVREPORT_TESTS_AGGREGATOR_SAMPLE_REPORTS_H_
#define GOVREPORT_TESTS_AGGREGATOR_SAMPLE_REPORTS_H_

// Reports built from the corpus' verified ground truth (data/samples/
// **/*.expected.json), so aggregator tests do not depend on the parser.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"
#include "nlohmann/json.hpp"

namespace govreport::testing {

struct SampleReport {
  std::string document_path;  // The document beside the .expected.json.
  nlohmann::json expected;
  v1::Report report;                  // id = SHA-256 of the document's bytes.
  std::vector<v1::Finding> findings;  // The non-optional findings_expected.
};

// Every sample document with ground truth, sorted by path.
std::vector<std::string> SampleDocumentPaths();

absl::StatusOr<SampleReport> LoadSample(const std::string& document_path);

// The severity CONTRACT.md section 4 gives a rule.
v1::Severity ContractSeverity(absl::string_view rule);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_AGGREGATOR_SAMPLE_REPORTS_H_
