#ifndef GOVREPORT_PARSER_SVC_TABLES_TABLE4_H_
#define GOVREPORT_PARSER_SVC_TABLES_TABLE4_H_

// Table 4 (行政复议、行政诉讼): one row of 15 cells in template order
// (review, lit_direct, lit_after_review × upheld, corrected, other,
// pending, total). A digit run is split under T4-SUM for each group.
//
// Thread-safe: stateless.

#include <string>
#include <vector>

#include "parser-svc/tables/digit_segmenter.h"
#include "parser-svc/tables/readings.h"
#include "parser-svc/tables/tables.h"

namespace govreport::parser {

// The 15 keys in template order.
const std::vector<std::string>& T4Keys();
// Three groups of five, the last the sum.
std::vector<GroupSpec> T4Groups();

// Decides table 4 from a digit run (flattened text or a cell).
void DecideTable4Run(const DigitRun& run, TablesResult* out);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_TABLE4_H_
