#include "parser-svc/decoders/table_grid.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace govreport::parser {

TableGrid::TableGrid(size_t max_columns, size_t* cell_budget)
    : max_columns_(max_columns), cell_budget_(cell_budget) {}

absl::Status TableGrid::Reserve(size_t slots) {
  if (slots > *cell_budget_) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "the tables expand to more grid cells than the limit allows (table "
        "row ",
        rows_.size(), ")"));
  }
  *cell_budget_ -= slots;
  return absl::OkStatus();
}

absl::Status TableGrid::StartRow() {
  rows_.emplace_back();
  size_t covered = 0;
  for (const Pending& p : pending_) covered += p.rows_left > 0 ? 1 : 0;
  if (absl::Status s = Reserve(covered); !s.ok()) return s;
  for (size_t c = 0; c < pending_.size(); ++c) {
    Pending& p = pending_[c];
    if (p.rows_left == 0) continue;
    --p.rows_left;
    Fill(c, p.text, /*span_copy=*/true);
  }
  return absl::OkStatus();
}

size_t TableGrid::NextFreeColumn() const {
  if (rows_.empty()) return 0;
  const std::vector<Slot>& row = rows_.back();
  size_t c = 0;
  while (c < row.size() && row[c].filled) ++c;
  return c;
}

void TableGrid::Fill(size_t column, const std::string& text, bool span_copy) {
  std::vector<Slot>& row = rows_.back();
  if (row.size() <= column) row.resize(column + 1);
  Slot& slot = row[column];
  if (slot.filled) return;
  slot.filled = true;
  slot.text = text;
  slot.span_copy = span_copy;
  width_ = std::max(width_, column + 1);
}

absl::Status TableGrid::AddCell(std::string text, size_t rowspan,
                                size_t colspan) {
  return PlaceCell(NextFreeColumn(), std::move(text), rowspan, colspan);
}

absl::Status TableGrid::PlaceCell(size_t column, std::string text,
                                  size_t rowspan, size_t colspan) {
  if (rows_.empty()) {
    if (absl::Status s = StartRow(); !s.ok()) return s;
  }
  if (column >= max_columns_) return absl::OkStatus();  // Past the widest grid.
  colspan = std::clamp<size_t>(colspan, 1, max_columns_ - column);
  rowspan = std::max<size_t>(rowspan, 1);
  // Positions are paid for when first touched: the row's cells now, the
  // rows a rowspan covers as they start.
  if (absl::Status s = Reserve(colspan); !s.ok()) return s;
  for (size_t c = column; c < column + colspan; ++c) {
    Fill(c, text, /*span_copy=*/c != column);
  }
  if (rowspan > 1) {
    if (pending_.size() < column + colspan) pending_.resize(column + colspan);
    for (size_t c = column; c < column + colspan; ++c) {
      pending_[c] = {rowspan - 1, text};
    }
  }
  return absl::OkStatus();
}

bool TableGrid::IsBlank() const {
  for (const auto& row : rows_) {
    for (const Slot& slot : row) {
      if (!slot.text.empty()) return false;
    }
  }
  return true;
}

absl::Status TableGrid::AppendTo(uint32_t table, uint32_t page,
                                 std::vector<DocLine>& lines) {
  // Padding makes every row as wide as the table; pay for it up front.
  size_t padding = 0;
  for (const auto& row : rows_) {
    if (!row.empty()) padding += width_ - row.size();
  }
  if (absl::Status s = Reserve(padding); !s.ok()) return s;
  uint32_t row_number = 0;
  for (auto& row : rows_) {
    if (row.empty()) continue;
    ++row_number;
    row.resize(width_);
    DocLine line;
    line.is_grid_row = true;
    line.cells.reserve(width_);
    for (size_t c = 0; c < width_; ++c) {
      DocCell cell;
      cell.text = std::move(row[c].text);
      cell.span_copy = row[c].span_copy;
      cell.location.set_page(page);
      cell.location.set_table(table);
      cell.location.set_row(row_number);
      cell.location.set_column(static_cast<uint32_t>(c + 1));
      line.cells.push_back(std::move(cell));
    }
    lines.push_back(std::move(line));
  }
  rows_.clear();
  pending_.clear();
  return absl::OkStatus();
}

}  // namespace govreport::parser
