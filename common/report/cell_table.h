#ifndef GOVREPORT_COMMON_REPORT_CELL_TABLE_H_
#define GOVREPORT_COMMON_REPORT_CELL_TABLE_H_

// Constant-time access to a Report's cells by canonical key.
//
//   CellTable cells(report);
//   double carried = cells.ValueOr("t3.carried_in.total", 0);
//
// Holds pointers into `report`: the report must outlive the table and must
// not have cells added or removed meanwhile.

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "govreport/v1/report.pb.h"

namespace govreport {

class CellTable {
 public:
  explicit CellTable(const v1::Report& report);

  // The cell under `key`, or nullptr when the report has none.
  const v1::Cell* Get(absl::string_view key) const;

  // The numeric value (count or amount), or nullopt for null cells.
  std::optional<double> Value(absl::string_view key) const;

  // Value(key), or `fallback` for a null cell (identities count null as 0).
  double ValueOr(absl::string_view key, double fallback) const;

 private:
  std::vector<const v1::Cell*> by_index_;
};

// The numeric value of a cell, or nullopt when it has none.
std::optional<double> CellValue(const v1::Cell& cell);

}  // namespace govreport

#endif  // GOVREPORT_COMMON_REPORT_CELL_TABLE_H_
