#ifndef GOVREPORT_CLI_ANALYZE_OUTPUT_FILES_H_
#define GOVREPORT_CLI_ANALYZE_OUTPUT_FILES_H_

// The data files `govreport analyze` writes to --out: reports.csv and
// reports.jsonl (CONTRACT.md section 3 report shapes, plus the source file),
// findings.csv, metrics.csv (the metrics shape) and skipped.csv.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "cli/analyze/analyzed_file.h"
#include "govreport/v1/metrics.pb.h"

namespace govreport::cli {

// Writes the files into `out_dir` (created if missing). Only files inside
// `out_dir` are written, whatever the input names look like. Errors name the
// file that could not be written.
absl::Status WriteOutputFiles(const std::string& out_dir,
                              const std::vector<AnalyzedFile>& files,
                              const std::vector<v1::MetricValue>& metrics);

// The contents of each file, for tests.
std::string ReportsJsonl(const std::vector<AnalyzedFile>& files);
std::string FindingsCsv(const std::vector<AnalyzedFile>& files);
std::string SkippedCsv(const std::vector<AnalyzedFile>& files);

// Writes `contents` to `dir`/`name` through a temporary file and a rename, so
// a reader never sees half a file.
absl::Status WriteFileAtomically(const std::string& dir,
                                 const std::string& name,
                                 const std::string& contents);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_ANALYZE_OUTPUT_FILES_H_
