#include "validator-svc/narrative/chinese_numeral.h"

#include <bitset>

namespace govreport::validator::narrative {
namespace {

int DigitOf(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int64_t SmallUnitOf(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    default:
      return 0;
  }
}

// A numeral below 10000: digits with 十/百/千, or a plain digit string
// ("二〇二三" style). nullopt when malformed.
std::optional<int64_t> ParseSection(std::u32string_view run) {
  if (run.empty()) return std::nullopt;
  bool has_unit = false;
  for (char32_t c : run) has_unit |= SmallUnitOf(c) != 0;
  if (!has_unit) {
    if (run.size() > 4) return std::nullopt;
    int64_t value = 0;
    for (char32_t c : run) {
      int d = DigitOf(c);
      if (d < 0) return std::nullopt;
      value = value * 10 + d;
    }
    return value;
  }
  int64_t total = 0;
  int pending = -1;  // digit waiting for its unit
  int64_t last_unit = 10000;
  for (char32_t c : run) {
    int d = DigitOf(c);
    if (d >= 0) {
      if (pending > 0) return std::nullopt;  // two digits in a row
      pending = d;
      continue;
    }
    int64_t unit = SmallUnitOf(c);
    if (unit == 0 || unit >= last_unit) return std::nullopt;
    if (pending == 0) return std::nullopt;  // "零十"
    // A bare 十 at the start means 一十.
    total += (pending < 0 ? 1 : pending) * unit;
    pending = -1;
    last_unit = unit;
  }
  if (pending > 0) total += pending;
  return total;
}

}  // namespace

bool IsChineseNumeralChar(char32_t c) {
  // Called for every character of a report: a bitmap of the BMP.
  static const std::bitset<0x10000>* const table = [] {
    auto* t = new std::bitset<0x10000>();
    for (char32_t x :
         std::u32string_view(U"零〇一二两三四五六七八九十百千万亿"))
      t->set(x);
    return t;
  }();
  return c < 0x10000 && table->test(c);
}

std::optional<int64_t> ParseChineseNumeral(std::u32string_view run) {
  if (run.empty() || run.size() > 24) return std::nullopt;
  int64_t total = 0;
  int64_t last_big = 0;
  size_t start = 0;
  for (size_t i = 0; i <= run.size(); ++i) {
    int64_t big = 0;
    if (i < run.size()) {
      if (run[i] == U'万') big = 10000;
      if (run[i] == U'亿') big = 100000000;
      if (big == 0) continue;
    }
    std::u32string_view part = run.substr(start, i - start);
    // Skip a 零 that only marks a gap ("一万零五").
    while (!part.empty() && DigitOf(part.front()) == 0 && part.size() > 1) {
      part.remove_prefix(1);
    }
    if (i == run.size()) {
      if (part.empty()) break;
      std::optional<int64_t> v = ParseSection(part);
      if (!v) return std::nullopt;
      total += *v;
      break;
    }
    if (last_big != 0 && big >= last_big) return std::nullopt;
    std::optional<int64_t> v =
        part.empty() ? std::optional<int64_t>(1) : ParseSection(part);
    if (!v || *v == 0) return std::nullopt;
    total += *v * big;
    last_big = big;
    start = i + 1;
  }
  return total;
}

}  // namespace govreport::validator::narrative
