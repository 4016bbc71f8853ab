#ifndef GOVREPORT_TESTS_GENERATOR_DEFECT_INJECTOR_H_
#define GOVREPORT_TESTS_GENERATOR_DEFECT_INJECTOR_H_

// Injects the defects of CONTRACT.md section 4 into valid reports and states
// exactly which findings the validator must then report, for the
// validator's property test.
//
//   DefectInjector injector(seed, gazetteer);
//   v1::Report r = generator.RandomTruth(...);   // or
//   injector.RandomBalancedReport() injector.Complete(r); // sections, agreeing
//   prose std::vector<Defect> defects = injector.RandomDefects();
//   std::vector<ExpectedFinding> expected = injector.Inject(r, defects);
//   // Validate(r) reports exactly `expected` (rule and first cell).
//
// Each defect changes the report so that only its own rule fires: arithmetic
// defects change two cells so the other identities still hold, blanks go
// where the value was 0, invalid cells make their identities uncheckable,
// and the narrative is rewritten after the cells change.
//
// Not thread-safe: one injector per thread.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "govreport/v1/report.pb.h"

namespace govreport::regions {
class Gazetteer;
}

namespace govreport::testing {

enum class Defect {
  kT3Row,
  kT3Col,
  kT3Sum,
  kT4Sum,
  kCellInvalid,
  kTableMissing,
  kCellBlank,
  kSectionMissing,
  kTemplateOutdated,
  kNarrativeMismatch,
  kAgencyMismatch,
  kYearMismatch,
  kFeeUnit,
  kFeeNotice,
  kZeroReport,
  kLabelModified,
};
inline constexpr int kDefectCount = 16;

// The rule id that reports `defect`, e.g. "T3-ROW".
const char* DefectRule(Defect defect);

// A finding the validator must report: its rule and its first cell ("" for
// findings without cells).
struct ExpectedFinding {
  std::string rule;
  std::string first_cell;
  friend bool operator<(const ExpectedFinding& a, const ExpectedFinding& b) {
    return a.rule != b.rule ? a.rule < b.rule : a.first_cell < b.first_cell;
  }
  friend bool operator==(const ExpectedFinding& a, const ExpectedFinding& b) {
    return a.rule == b.rule && a.first_cell == b.first_cell;
  }
};

class DefectInjector {
 public:
  // `gazetteer` (may be null) supplies other townships' names for
  // AGENCY-MISMATCH; without it that defect is never chosen.
  DefectInjector(uint64_t seed, const regions::Gazetteer* gazetteer);

  // A random V2021 report whose tables satisfy every identity (for runs
  // without the parser's generator).
  v1::Report RandomBalancedReport();

  // Makes a valid report (tables satisfying the identities) one the
  // validator has nothing to say about: V2021, title year = year ≥ 2021,
  // six sections, prose agreeing with the tables, section 六 stating the fee
  // notices behind any unpaid-fee case, a plausible fee, a non-zero table 3.
  void Complete(v1::Report& report);

  // 0..4 defects that do not mask each other: at most one changing table 3
  // cells, at most one changing table 4, any of the document-level ones.
  std::vector<Defect> RandomDefects();

  // Applies `defects` to a completed report and returns the findings the
  // validator must report, sorted.
  std::vector<ExpectedFinding> Inject(v1::Report& report,
                                      const std::vector<Defect>& defects);

 private:
  int Uniform(int n);  // 0..n-1
  void WriteProse(v1::Report& report, int new_offset, bool fee_notices,
                  const std::string& extra);
  std::string RandomOtherTownship(const std::string& own_agency);

  std::mt19937_64 rng_;
  const regions::Gazetteer* gazetteer_;
  std::vector<std::string>
      townships_;  // gazetteer township names, loaded lazily
};

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_GENERATOR_DEFECT_INJECTOR_H_
