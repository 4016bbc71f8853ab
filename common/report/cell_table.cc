#include "common/report/cell_table.h"

#include "common/report/cell_keys.h"

namespace govreport {

std::optional<double> CellValue(const v1::Cell& cell) {
  switch (cell.value_case()) {
    case v1::Cell::kCount:
      return static_cast<double>(cell.count());
    case v1::Cell::kAmount:
      return cell.amount();
    case v1::Cell::VALUE_NOT_SET:
      break;
  }
  return std::nullopt;
}

CellTable::CellTable(const v1::Report& report)
    : by_index_(CellKeysFor(v1::TEMPLATE_V2019).size(), nullptr) {
  for (const v1::Cell& cell : report.cells()) {
    int i = CellKeyIndex(cell.key());
    if (i >= 0) by_index_[i] = &cell;
  }
}

const v1::Cell* CellTable::Get(absl::string_view key) const {
  int i = CellKeyIndex(key);
  return i < 0 ? nullptr : by_index_[i];
}

std::optional<double> CellTable::Value(absl::string_view key) const {
  const v1::Cell* cell = Get(key);
  return cell == nullptr ? std::nullopt : CellValue(*cell);
}

double CellTable::ValueOr(absl::string_view key, double fallback) const {
  return Value(key).value_or(fallback);
}

}  // namespace govreport
