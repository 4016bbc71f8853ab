#ifndef GOVREPORT_VALIDATOR_SVC_NARRATIVE_CHINESE_NUMERAL_H_
#define GOVREPORT_VALIDATOR_SVC_NARRATIVE_CHINESE_NUMERAL_H_

// Reads counts written in Chinese numerals, as reports write them in prose:
// "两" = 2, "十二" = 12, "一百零五" = 105, "三千二百万" = 32000000,
// "〇" / "零" = 0.
//
// Thread-safe: stateless.

#include <cstdint>
#include <optional>
#include <string_view>

namespace govreport::validator::narrative {

// True for 零〇一二两三四五六七八九十百千万亿.
bool IsChineseNumeralChar(char32_t c);

// The value of a whole run of numeral characters; nullopt when the run is
// not a well-formed numeral (e.g. "十十", "百").
std::optional<int64_t> ParseChineseNumeral(std::u32string_view run);

}  // namespace govreport::validator::narrative

#endif  // GOVREPORT_VALIDATOR_SVC_NARRATIVE_CHINESE_NUMERAL_H_
