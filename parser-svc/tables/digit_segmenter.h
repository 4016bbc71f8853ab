#ifndef GOVREPORT_PARSER_SVC_TABLES_DIGIT_SEGMENTER_H_
#define GOVREPORT_PARSER_SVC_TABLES_DIGIT_SEGMENTER_H_

// Splits a run of digits that lost its cell boundaries ("21710000218")
// into a row's cells, using the table identities. Returns every split that
// satisfies them; callers treat more than one as ambiguous and never pick
// one.
//
// A cell never has a leading zero ("07" is not a cell; "0" is), holds at
// most kMaxCellDigits digits, and holds a decimal point only where the
// group spec allows one (money cells).
//
// Thread-safe: stateless.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace govreport::parser {

inline constexpr size_t kMaxCellDigits = 12;

struct GroupSpec {
  int count = 1;             // Cells in the group.
  bool last_is_sum = false;  // The last cell is the sum of the others.
  int decimal_cell = -1;     // Index in the group that may hold a '.'.
};

// [begin, end) into the run.
struct Piece {
  size_t begin = 0;
  size_t end = 0;
};
using Split = std::vector<Piece>;

// Every split of `run` (digits and at most the allowed '.') into the
// groups' cells, in order, each group satisfying its sum. Stops after
// `limit` + 1 splits, so a result larger than `limit` means "more than
// limit".
std::vector<Split> SegmentDigits(std::u32string_view run,
                                 const std::vector<GroupSpec>& groups,
                                 size_t limit);

// The value of run[piece] (digits, at most one '.').
double PieceValue(std::u32string_view run, const Piece& piece);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_DIGIT_SEGMENTER_H_
