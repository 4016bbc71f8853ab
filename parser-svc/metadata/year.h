#ifndef GOVREPORT_PARSER_SVC_METADATA_YEAR_H_
#define GOVREPORT_PARSER_SVC_METADATA_YEAR_H_

// The reporting year: the statistics period stated in the text
// ("统计期限自2023年1月1日起至2023年12月31日止"), else the year in the
// title, else the first year the opening text names. The title's own year
// is kept apart for YEAR-MISMATCH.
//
// Thread-safe: stateless.

#include <optional>
#include <string>
#include <vector>

namespace govreport::parser {

struct YearInfo {
  std::optional<int> year;
  std::optional<int> title_year;
};

// `title_key` and `line_keys` are text::LabelKey forms (no spaces).
YearInfo FindYear(const std::u32string& title_key,
                  const std::vector<std::u32string>& line_keys);

// The first "YYYY年" (1990..2099) in `key` at or after `from`; -1 if none.
// `*at` gets its position.
int FirstYear(const std::u32string& key, size_t from, size_t* at);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_METADATA_YEAR_H_
