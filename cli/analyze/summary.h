#ifndef GOVREPORT_CLI_ANALYZE_SUMMARY_H_
#define GOVREPORT_CLI_ANALYZE_SUMMARY_H_

// What `govreport analyze` prints on stdout: a line per file with problems
// (agency, year, ERROR/WARNING counts, or why it could not be read), the
// regional summary (region tree with reports, applications, disclosed_rate,
// reviews and their correction rate, consistency_pass_rate) for each year,
// the most frequent findings, and where the outputs are.

#include <map>
#include <string>
#include <vector>

#include "cli/analyze/analyzed_file.h"
#include "govreport/v1/metrics.pb.h"

namespace govreport::cli {

struct SummaryInput {
  const std::vector<AnalyzedFile>* files = nullptr;
  const std::vector<v1::MetricValue>* metrics = nullptr;
  std::map<std::string, std::string>
      parent_of;  // region -> parent ("" at the top)
  double seconds = 0;
  std::string out_dir;
  std::string store;  // Where the data was stored, without secrets.
};

std::string RenderSummary(const SummaryInput& input);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_ANALYZE_SUMMARY_H_
