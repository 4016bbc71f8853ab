#ifndef GOVREPORT_PARSER_SVC_TABLES_READINGS_H_
#define GOVREPORT_PARSER_SVC_TABLES_READINGS_H_

// What the table extractors hand over: for each row, the possible readings
// of its cells (one for a row whose cells were separated; one per valid
// segmentation for a digit run), and the Cells finally decided from them.
//
// A cell whose readings disagree is never guessed: it becomes
// CELL_STATE_AMBIGUOUS with no value, and a note AMBIGUOUS_DIGITS names it.
//
// Thread-safe: plain data and stateless functions.

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "govreport/v1/report.pb.h"
#include "parser-svc/tables/cell_value.h"
#include "parser-svc/tables/digit_segmenter.h"
#include "parser-svc/tables/grid.h"

namespace govreport::parser {

struct CellReading {
  CellValue value;
  std::string raw;
  v1::SourceLocation location;
};
using RowOption = std::vector<CellReading>;

// A digit run inside one grid cell: its digits (and '.') with, for each, the
// index of the folded character it came from.
struct DigitRun {
  const GridCell* cell = nullptr;
  std::u32string digits;
  std::vector<size_t> folded_index;

  std::string Raw() const;
  v1::SourceLocation Location() const;
  // The reading of piece [b, e) of `digits`.
  CellReading PieceReading(const Piece& piece) const;
};

// Readings of a separated cell.
CellReading ReadCell(const GridCell& cell);

// The options of a run split by `groups`: every valid split when there are
// at most `limit`; when the identities admit none, every split without
// them (marked unconstrained). Empty when the run cannot hold the cells.
struct RunOptions {
  std::vector<RowOption> options;
  bool unconstrained = false;
  bool overflow = false;  // More than `limit` splits: nothing can be decided.
};
RunOptions SplitRun(const DigitRun& run, const std::vector<GroupSpec>& groups,
                    size_t limit);

// The cells a report ends up with, by key, and the notes about them.
struct CellSink {
  absl::flat_hash_map<std::string, v1::Cell> cells;
  std::vector<v1::ParseNote> notes;

  // Decides `keys` from `options`: a cell takes the value every option
  // agrees on; otherwise it is AMBIGUOUS. `run` (may be null) gives the raw
  // text and place of an ambiguous cell.
  void Decide(const std::vector<std::string>& keys,
              const std::vector<RowOption>& options, const DigitRun* run,
              absl::string_view what);
  void Put(const std::string& key, const CellReading& reading);
  void Note(absl::string_view code, std::string message,
            std::vector<std::string> cells, const v1::SourceLocation& where);
};

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_READINGS_H_
