#include "parser-svc/tables/cell_value.h"

#include <cmath>

#include "common/report/cell_keys.h"
#include "common/text/normalize.h"

namespace govreport::parser {
namespace {

using text::IsDigit;
using text::IsSpace;

bool IsBlankMarker(std::u32string_view s) {
  if (s.empty()) return true;
  bool all_dash = true;
  for (char32_t c : s) {
    if (c != 0x2014 && c != '-' && c != '_' && c != 0x2026 && c != '.') {
      all_dash = false;
    }
  }
  if (all_dash) return true;
  return s == U"/" || s == U"\\" || s == U"无" || s == U"空" || s == U"/ " ||
         s == U"×" || s == U"x" || s == U"X" || s == U"暂无" || s == U"—/" ||
         s == U"N/A" || s == U"n/a";
}

bool IsUnitChar(char32_t c) {
  switch (c) {
    case U'件':
    case U'条':
    case U'个':
    case U'宗':
    case U'项':
    case U'次':
    case U'万':
    case U'元':
    case U'人':
    case U'份':
    case U'起':
    case U'%':
    case U'篇':
    case U'家':
      return true;
    default:
      return false;
  }
}

}  // namespace

CellValue ParseCellValue(std::u32string_view s) {
  CellValue out;
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  std::u32string_view t = s.substr(b, e - b);
  if (IsBlankMarker(t)) {
    out.kind = ValueKind::kBlank;
    out.begin = b;
    out.end = e;
    return out;
  }
  size_t i = 0;
  bool negative = false;
  if (t[i] == '-' || t[i] == 0x2014 || t[i] == U'减') {
    negative = true;
    ++i;
  } else if (t[i] == '+' || t[i] == U'增') {
    ++i;
  }
  size_t num_begin = i;
  // Digits with optional thousands separators and one decimal point; single
  // spaces between digit groups make a digit run instead.
  bool spaces = false, decimal = false, digits = false;
  while (i < t.size()) {
    char32_t c = t[i];
    if (IsDigit(c)) {
      digits = true;
      ++i;
    } else if (c == ',' && digits && i + 3 < t.size() + 1 && i + 1 < t.size() &&
               IsDigit(t[i + 1])) {
      ++i;
    } else if (c == '.' && digits && !decimal && i + 1 < t.size() &&
               IsDigit(t[i + 1])) {
      decimal = true;
      ++i;
    } else if (c == ' ' && digits && i + 1 < t.size() && IsDigit(t[i + 1])) {
      spaces = true;
      ++i;
    } else {
      break;
    }
  }
  if (!digits) return out;  // kText
  size_t num_end = i;
  // Optional unit, then an optional note in brackets; nothing else.
  while (i < t.size() && IsSpace(t[i])) ++i;
  while (i < t.size() && IsUnitChar(t[i])) ++i;
  while (i < t.size() && IsSpace(t[i])) ++i;
  if (i < t.size() && (t[i] == '(' || t[i] == '[')) {
    char32_t close = t[i] == '(' ? ')' : ']';
    size_t j = t.find(close, i);
    if (j == std::u32string_view::npos) j = t.size() - 1;
    i = j + 1;
    while (i < t.size() && IsSpace(t[i])) ++i;
  }
  if (i != t.size()) return out;  // kText
  out.begin = b + num_begin;
  out.end = b + num_end;
  if (spaces) {
    if (negative || decimal) return out;
    out.kind = ValueKind::kDigitRun;
    return out;
  }
  double value = 0;
  double scale = 0;
  for (size_t k = num_begin; k < num_end; ++k) {
    char32_t c = t[k];
    if (c == '.') {
      scale = 1;
      continue;
    }
    if (!IsDigit(c)) continue;
    if (scale > 0) {
      scale /= 10;
      value += (c - '0') * scale;
    } else {
      value = value * 10 + (c - '0');
    }
  }
  if (decimal) {
    // Re-read through strtod for an exactly rounded decimal.
    std::string ascii;
    for (size_t k = num_begin; k < num_end; ++k) {
      if (t[k] != ',') ascii.push_back(static_cast<char>(t[k]));
    }
    value = std::strtod(ascii.c_str(), nullptr);
  }
  out.kind = ValueKind::kNumber;
  out.number = negative ? -value : value;
  out.is_integer = !decimal;
  return out;
}

void SetCellValue(const CellValue& value, v1::Cell* cell) {
  cell->clear_value();
  cell->clear_invalid_number();
  switch (value.kind) {
    case ValueKind::kBlank:
      cell->set_state(v1::CELL_STATE_BLANK);
      return;
    case ValueKind::kText:
    case ValueKind::kDigitRun:
      cell->set_state(v1::CELL_STATE_INVALID);
      return;
    case ValueKind::kNumber:
      break;
  }
  const std::string& key = cell->key();
  if (IsAmountKey(key)) {
    if (value.number < 0) {
      cell->set_state(v1::CELL_STATE_INVALID);
      cell->set_invalid_number(value.number);
      return;
    }
    cell->set_amount(value.number);
    cell->set_state(v1::CELL_STATE_VALUE);
    return;
  }
  bool integral = value.is_integer || std::floor(value.number) == value.number;
  if (!integral || (value.number < 0 && !IsSignedKey(key)) ||
      std::fabs(value.number) > 9e15) {
    cell->set_state(v1::CELL_STATE_INVALID);
    cell->set_invalid_number(value.number);
    return;
  }
  cell->set_count(static_cast<int64_t>(value.number));
  cell->set_state(v1::CELL_STATE_VALUE);
}

}  // namespace govreport::parser
