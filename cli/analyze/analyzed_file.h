#ifndef GOVREPORT_CLI_ANALYZE_ANALYZED_FILE_H_
#define GOVREPORT_CLI_ANALYZE_ANALYZED_FILE_H_

// What `govreport analyze` knows about one input file after the pipeline.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"

namespace govreport::cli {

struct AnalyzedFile {
  std::string path;
  // Not OK when the file could not be read or parsed; the message names the
  // file and the reason.
  absl::Status status;
  // Set when parsed (also for documents that are not annual reports).
  std::optional<v1::Report> report;
  // Single-report and cross-report findings.
  std::vector<v1::Finding> findings;

  bool is_report() const {
    return report.has_value() && report->is_annual_report();
  }
  int Count(v1::Severity severity) const;
};

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_ANALYZE_ANALYZED_FILE_H_
