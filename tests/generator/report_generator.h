#ifndef GOVREPORT_TESTS_GENERATOR_REPORT_GENERATOR_H_
#define GOVREPORT_TESTS_GENERATOR_REPORT_GENERATOR_H_

// Renders random valid annual reports for property tests: the truth (a
// Report with every cell and the metadata a parser should recover) kept
// apart from the rendered bytes, so that extensions (defect injection,
// HTML/DOCX rendering) change one side and state the effect on the other.
//
//   ReportGenerator gen(/*seed=*/42, gazetteer);  // gazetteer may be null
//   GeneratedReport r = gen.Generate({.layout = Layout::kFlattened});
//   parse(r.bytes) should equal r.truth (ReportToJson of both).
//
// Numbers satisfy every identity (T3-ROW, T3-COL, T3-SUM, T4-SUM). In the
// flattened layout, where digits of adjacent cells run together, the
// generator redraws table 3 and 4 until every row splits in one way only,
// and marks the table-2 cells whose runs split in several ways as null in
// the truth (they are genuinely ambiguous); both are checked by brute force
// here, independently of the parser's segmenter.
//
// Not thread-safe: one generator per thread.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "govreport/v1/report.pb.h"

namespace govreport::regions {
class Gazetteer;
}

namespace govreport::testing {

enum class Layout {
  kTabs,   // tab-separated, hierarchical label cells, rows lost leading cells
  kPipes,  // "a | b | c |" with shifted empty cells
  kMarkdown,  // markdown tables
  kAligned,  // pdftotext -layout: aligned columns, wrapped labels, page footers
  kFlattened,  // web text without cell separators
};
inline constexpr Layout kAllLayouts[] = {Layout::kTabs, Layout::kPipes,
                                         Layout::kMarkdown, Layout::kAligned,
                                         Layout::kFlattened};
const char* LayoutName(Layout layout);

struct GeneratorOptions {
  Layout layout = Layout::kTabs;
  bool traditional = false;       // Han characters in Traditional forms
  bool fullwidth_digits = false;  // ０１２… instead of 012…
  v1::Template tmpl = v1::TEMPLATE_V2021;  // V2021 or V2019
};

struct GeneratedReport {
  v1::Report truth;   // year, agency, agency_kind, region, template, cells
  std::string bytes;  // the rendered document (UTF-8)
  std::string name;   // a file name for messages
  GeneratorOptions options;
};

struct AgencyChoice {
  std::string name;
  v1::AgencyKind kind;
  std::string region_code;  // empty when unknown
  std::vector<std::string> region_path;
};

class ReportGenerator {
 public:
  // `gazetteer` (may be null) supplies agency names and their regions;
  // without it, agency names come from the sample reports.
  ReportGenerator(uint64_t seed, const regions::Gazetteer* gazetteer);

  GeneratedReport Generate(const GeneratorOptions& options);

  // The two halves, for generators that render differently.
  v1::Report RandomTruth(const GeneratorOptions& options);
  std::string Render(const v1::Report& truth, const GeneratorOptions& options);

  AgencyChoice RandomAgency();

 private:
  int64_t Count(bool small);
  std::mt19937_64 rng_;
  const regions::Gazetteer* gazetteer_;
  int counter_ = 0;
};

// Traditional forms of Simplified characters (the inverse of the parser's
// table), and full-width digits, applied to rendered text.
std::string ToTraditional(const std::string& utf8);
std::string ToFullwidthDigits(const std::string& utf8);

// Number of ways to cut `digits` into `count` cells without leading zeros,
// each satisfying `accept` (brute force over cut positions). Used for the
// flattened layout's truth.
size_t CountSplits(const std::string& digits, int count, bool last_is_sum,
                   std::vector<std::vector<std::string>>* splits);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_GENERATOR_REPORT_GENERATOR_H_
