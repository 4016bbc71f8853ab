#ifndef GOVREPORT_PARSER_SVC_TABLES_CELL_VALUE_H_
#define GOVREPORT_PARSER_SVC_TABLES_CELL_VALUE_H_

// Reads the value of one table cell from its folded text: "3件" → 3,
// "1,234" → 1234, "22（其中修订16件）" → 22, "5949.088667" → 5949.088667,
// "减4" → -4; "—", "/", "无" and blank → blank (never 0).
//
// Thread-safe: stateless.

#include <string>
#include <string_view>

#include "govreport/v1/report.pb.h"

namespace govreport::parser {

enum class ValueKind {
  kNumber,    // A number, possibly with a unit suffix or a note.
  kBlank,     // Empty, "—", "/", "无" and the like.
  kDigitRun,  // Digits separated by single spaces ("0 0 0 00"): cells that
              // lost their boundaries; see digit_segmenter.h.
  kText,      // Anything else: a label, a note.
};

struct CellValue {
  ValueKind kind = ValueKind::kText;
  double number = 0;
  bool is_integer = true;
  size_t begin = 0;  // The number's span within the folded text.
  size_t end = 0;
};

CellValue ParseCellValue(std::u32string_view folded);

// Fills a Cell from a value read for `key`: counts must be non-negative
// integers (signed for the V2019 deltas), amounts may be decimal; anything
// else is CELL_STATE_INVALID with the number kept in invalid_number.
void SetCellValue(const CellValue& value, v1::Cell* cell);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_CELL_VALUE_H_
