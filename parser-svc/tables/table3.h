#ifndef GOVREPORT_PARSER_SVC_TABLES_TABLE3_H_
#define GOVREPORT_PARSER_SVC_TABLES_TABLE3_H_

// Table 3 (收到和处理政府信息公开申请情况): rows observed in the document,
// placed on the template's 25 rows (23 for the V2019 single （六）), and
// decided jointly under the identities T3-COL (per row), T3-ROW and T3-SUM
// (per column) when digit runs leave more than one reading.
//
// Placement: a row whose label is recognised goes to its template row; a
// value row without a recognisable label (broken PDF conversions) fills
// the template rows between its labelled neighbours only when their counts
// match exactly; otherwise it is left out and a note says so.
//
// Thread-safe: stateless.

#include <vector>

#include "parser-svc/tables/label_matcher.h"
#include "parser-svc/tables/readings.h"
#include "parser-svc/tables/tables.h"

namespace govreport::parser {

struct T3Observation {
  int row = -1;  // Template row, -1 when the label was not recognised.
  bool single_six = false;
  T3LabelMatch match;
  const GridCell* label = nullptr;
  std::vector<const GridCell*> cells;  // 7 separated cells, or
  DigitRun run;                        // one digit run.
  bool is_run = false;
};

// Places and decides the observations, writing t3.* cells into out->sink.
void AssembleTable3(const std::vector<T3Observation>& observations,
                    TablesResult* out);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_TABLE3_H_
