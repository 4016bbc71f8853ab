#ifndef GOVREPORT_PARSER_SVC_TABLES_LABEL_MATCHER_H_
#define GOVREPORT_PARSER_SVC_TABLES_LABEL_MATCHER_H_

// Recognises the row and column labels of tables 2, 3 and 4 in folded text
// (common/text/normalize.h): ordinals ("三、", "（一）", "1.") are split
// off, spaces and punctuation ignored, a label cut by a line wrap is
// recognised by its beginning or by a distinctive keyword, and a label
// with a typo ("本年度止件数", "行政止公开") by edit distance, in which
// case the match is marked tolerant so that the caller records a
// LabelDeviation.
//
// Thread-safe: the label tables are constant.

#include <string>
#include <string_view>
#include <vector>

namespace govreport::parser {

// Ordinals at the start of a label, and what follows them.
struct LabelParts {
  int top = 0;         // "三、" → 3
  int group = 0;       // "（三）" → 3
  int item = 0;        // "1." or "(1)" → 1
  std::u32string key;  // text::LabelKey of the rest
};
LabelParts SplitOrdinals(std::u32string_view folded);

enum class MatchQuality {
  kNone,
  kExact,     // The template's label, up to spacing, punctuation, a wrap.
  kTolerant,  // Recognised despite a difference worth reporting.
};

// --- Table 3 rows -----------------------------------------------------------

struct T3LabelMatch {
  MatchQuality quality = MatchQuality::kNone;
  int row = -1;   // Index into kT3Rows.
  int group = 0;  // For group labels without a row: 3..6.
  bool single_six =
      false;  // "（六）其他处理" (V2019 single row when it has values).
  std::string expected;  // The template's label (UTF-8), for deviations.
};

// `folded` is one label cell; `current_group` the group (3..6) of the
// labels above it, 0 when unknown.
T3LabelMatch MatchT3Label(std::u32string_view folded, int current_group);

// The template label of a table-3 row, without ordinal (UTF-8).
std::string T3RowLabel(int row);
// The LabelKey form searched for in flattened text, and an optional note
// that may follow it ("区分处理的…" after 部分公开).
std::u32string T3SearchKey(int row);
std::u32string T3TrailingNoteKey(int row);

// --- Table 2 rows and columns -----------------------------------------------

enum class T2Row {
  kNone = -1,
  kRules,
  kNormative,
  kLicensing,
  kOtherServices,  // V2019 only
  kPenalty,
  kCoercion,
  kFees,
  kProcurement,  // V2019 only
};

struct T2LabelMatch {
  MatchQuality quality = MatchQuality::kNone;
  T2Row row = T2Row::kNone;
  // True when the label is 规范性文件 (the V2019 spelling) rather than
  // 行政规范性文件: a deviation only in a V2021 table.
  bool v2019_normative = false;
  std::string expected;
};
T2LabelMatch MatchT2Label(std::u32string_view folded);
// Label keys in search order for flattened text.
std::u32string T2SearchKey(T2Row row);

// Column headers of table 2.
enum class T2Version { kUnknown, kV2021, kV2019 };
struct T2HeaderMatch {
  MatchQuality quality = MatchQuality::kNone;
  T2Version version = T2Version::kUnknown;
  std::string expected;
};
T2HeaderMatch MatchT2Header(std::u32string_view folded);

// --- helpers ----------------------------------------------------------------

// Levenshtein distance over code points.
size_t EditDistance(std::u32string_view a, std::u32string_view b);
// The same, or limit + 1 as soon as the lengths alone exceed `limit`.
size_t BoundedEditDistance(std::u32string_view a, std::u32string_view b,
                           size_t limit);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_LABEL_MATCHER_H_
