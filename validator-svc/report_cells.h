#ifndef GOVREPORT_VALIDATOR_SVC_REPORT_CELLS_H_
#define GOVREPORT_VALIDATOR_SVC_REPORT_CELLS_H_

// The cells of one Report indexed by canonical position (the order of
// CellKeysFor(TEMPLATE_V2019)), classified for the rules: a value, a blank
// (null that counts as 0 and is itself a finding), unknown (invalid or
// ambiguous: an identity involving it cannot be checked) or absent (the
// document has no such cell; counts as 0, never a finding by itself).
//
// Holds pointers into the report, which must outlive this object.
// Thread-compatible: const methods may be called concurrently.

#include <array>
#include <string>

#include "govreport/v1/report.pb.h"

namespace govreport::validator {

enum class CellKind { kValue, kBlank, kUnknown, kAbsent };

// Table 3 row and column positions (kT3Rows / kT3Columns order).
namespace t3 {
inline constexpr int kNew = 0;
inline constexpr int kCarriedIn = 1;
inline constexpr int kGranted = 2;
inline constexpr int kPartial = 3;
inline constexpr int kDenyBegin = 4;     // 8 deny.* rows
inline constexpr int kUnableBegin = 12;  // 3 unable.* rows
inline constexpr int kNoprocBegin = 15;  // 5 noproc.* rows
inline constexpr int kOtherBegin = 20;   // 3 other.* rows
inline constexpr int kUnpaidFee = 21;
inline constexpr int kTotalDone = 23;
inline constexpr int kCarryOut = 24;
inline constexpr int kRows = 25;
inline constexpr int kTotalCol = 6;
inline constexpr int kCols = 7;
}  // namespace t3

// Table 4 groups and columns (kT4Groups / kT4Columns order).
namespace t4 {
inline constexpr int kReview = 0;
inline constexpr int kLitDirect = 1;
inline constexpr int kLitAfterReview = 2;
inline constexpr int kGroups = 3;
inline constexpr int kTotalCol = 4;
inline constexpr int kCols = 5;
}  // namespace t4

// Positions of the canonical keys.
inline constexpr int kT2Begin = 0;  // 10 t2.* keys
inline constexpr int kT3Begin = 10;
inline constexpr int kT4Begin = 185;
inline constexpr int kV2021Cells = 200;
inline constexpr int kAllCells = 219;  // plus the 19 t2v19.* keys
inline constexpr int kFeesAmountWan = 9;

constexpr int T3Index(int row, int col) {
  return kT3Begin + row * t3::kCols + col;
}
constexpr int T4Index(int group, int col) {
  return kT4Begin + group * t4::kCols + col;
}

class ReportCells {
 public:
  explicit ReportCells(const v1::Report& report);

  // nullptr when the report has no cell at `index`.
  const v1::Cell* Get(int index) const { return cells_[index]; }
  CellKind Kind(int index) const { return kinds_[index]; }
  // The numeric value of a kValue cell; 0 for every other kind.
  double Value(int index) const { return values_[index]; }
  // The canonical key at `index`.
  static const std::string& Key(int index);

  // True when every cell of the range [begin, end) is kAbsent.
  bool AllAbsent(int begin, int end) const;

 private:
  std::array<const v1::Cell*, kAllCells> cells_;
  std::array<CellKind, kAllCells> kinds_;
  std::array<double, kAllCells> values_;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_REPORT_CELLS_H_
