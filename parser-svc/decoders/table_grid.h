#ifndef GOVREPORT_PARSER_SVC_DECODERS_TABLE_GRID_H_
#define GOVREPORT_PARSER_SVC_DECODERS_TABLE_GRID_H_

// Assembles one table of an HTML or DOCX document into the grid rows of
// DecodedDocument: row and column spans expanded (every covered position
// gets a copy of the spanning cell's text with span_copy set), blank cells
// kept blank, every row padded to the table's width.
//
//   TableGrid grid(options.max_grid_columns, &cell_budget);
//   RETURN_IF_ERROR(grid.StartRow());
//   RETURN_IF_ERROR(grid.AddCell("自然人", /*rowspan=*/1, /*colspan=*/2));
//   RETURN_IF_ERROR(grid.AppendTo(/*table=*/3, /*page=*/0, lines));
//
// Not thread-safe; one grid per table being read.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "parser-svc/decoded_document.h"

namespace govreport::parser {

class TableGrid {
 public:
  // `cell_budget` counts down the grid positions the whole document may
  // still use; running out is a RESOURCE_EXHAUSTED error.
  TableGrid(size_t max_columns, size_t* cell_budget);

  // Starts a row; positions covered by rowspans from above are filled.
  absl::Status StartRow();

  // Places a cell at the first free column of the current row (HTML's
  // table model: columns covered by rowspans from above are skipped).
  absl::Status AddCell(std::string text, size_t rowspan, size_t colspan);

  // Places a cell at `column` of the current row (DOCX, whose grid columns
  // are explicit). A position already covered keeps its first occupant.
  absl::Status PlaceCell(size_t column, std::string text, size_t rowspan,
                         size_t colspan);

  // The first column of the current row not yet covered.
  size_t NextFreeColumn() const;

  // True when no cell holds any text (a spacer or an empty layout table).
  bool IsBlank() const;

  size_t row_count() const { return rows_.size(); }

  // Appends the grid's rows to `lines`, numbering the table `table` and
  // each cell's row and column from 1. Rowspans reaching past the last row
  // are cut there. Rows without any cell are dropped.
  absl::Status AppendTo(uint32_t table, uint32_t page,
                        std::vector<DocLine>& lines);

 private:
  struct Slot {
    std::string text;
    bool filled = false;
    bool span_copy = false;
  };
  struct Pending {  // A rowspan still covering rows below.
    size_t rows_left = 0;
    std::string text;
  };

  absl::Status Reserve(size_t slots);
  void Fill(size_t column, const std::string& text, bool span_copy);

  size_t max_columns_;
  size_t* cell_budget_;
  std::vector<std::vector<Slot>> rows_;
  std::vector<Pending> pending_;  // By column.
  size_t width_ = 0;
};

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_TABLE_GRID_H_
