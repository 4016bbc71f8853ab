#include "validator-svc/report_cells.h"

#include <cmath>

#include "common/report/cell_keys.h"
#include "common/report/cell_table.h"

namespace govreport::validator {
namespace {

CellKind Classify(const v1::Cell& cell) {
  switch (cell.state()) {
    case v1::CELL_STATE_VALUE:
      return cell.value_case() == v1::Cell::VALUE_NOT_SET ? CellKind::kUnknown
                                                          : CellKind::kValue;
    case v1::CELL_STATE_BLANK:
      return CellKind::kBlank;
    case v1::CELL_STATE_INVALID:
    case v1::CELL_STATE_AMBIGUOUS:
      return CellKind::kUnknown;
    case v1::CELL_STATE_ABSENT:
      return CellKind::kAbsent;
    default:
      // A producer that did not set the state: trust the value if any.
      return cell.value_case() == v1::Cell::VALUE_NOT_SET ? CellKind::kAbsent
                                                          : CellKind::kValue;
  }
}

// What the value checks need of each canonical key, computed once.
struct KeyRules {
  std::array<bool, kAllCells> is_signed;
  std::array<bool, kAllCells> is_amount;
};

const KeyRules& Rules() {
  static const KeyRules* const rules = [] {
    auto* r = new KeyRules();
    const std::vector<std::string>& keys = CellKeysFor(v1::TEMPLATE_V2019);
    for (int i = 0; i < kAllCells; ++i) {
      r->is_signed[i] = IsSignedKey(keys[i]);
      r->is_amount[i] = IsAmountKey(keys[i]);
    }
    return r;
  }();
  return *rules;
}

}  // namespace

ReportCells::ReportCells(const v1::Report& report) {
  cells_.fill(nullptr);
  kinds_.fill(CellKind::kAbsent);
  values_.fill(0);
  const std::vector<std::string>& keys = CellKeysFor(v1::TEMPLATE_V2019);
  const KeyRules& rules = Rules();
  for (int i = 0; i < report.cells_size(); ++i) {
    const v1::Cell& cell = report.cells(i);
    // Producers emit the keys in canonical order: avoid the hash lookup then.
    int index =
        (i < kAllCells && cell.key() == keys[i]) ? i : CellKeyIndex(cell.key());
    if (index < 0 || cells_[index] != nullptr) continue;
    cells_[index] = &cell;
    kinds_[index] = Classify(cell);
    if (kinds_[index] == CellKind::kValue) {
      double value = *CellValue(cell);
      // A non-finite number is not a value anyone wrote: treat it as
      // unreadable. A negative or fractional count cannot enter an identity:
      // CELL-INVALID reports it, the identities treat it as unreadable.
      bool valid = std::isfinite(value) &&
                   (value >= 0 || rules.is_signed[index]) &&
                   (rules.is_amount[index] || value == std::floor(value));
      if (valid) {
        values_[index] = value;
      } else {
        kinds_[index] = CellKind::kUnknown;
      }
    }
  }
}

const std::string& ReportCells::Key(int index) {
  return CellKeysFor(v1::TEMPLATE_V2019)[index];
}

bool ReportCells::AllAbsent(int begin, int end) const {
  for (int i = begin; i < end; ++i) {
    if (kinds_[i] != CellKind::kAbsent) return false;
  }
  return true;
}

}  // namespace govreport::validator
