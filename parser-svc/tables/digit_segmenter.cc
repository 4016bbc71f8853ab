#include "parser-svc/tables/digit_segmenter.h"

#include <cmath>
#include <string>

namespace govreport::parser {
namespace {

struct Search {
  std::u32string_view run;
  const std::vector<GroupSpec>& groups;
  size_t limit;
  std::vector<Split> results;
  Split current;
};

// A valid cell at [b, e)? Digits without a leading zero; a '.' only when
// allowed, inside the digits, once.
bool ValidCell(std::u32string_view run, size_t b, size_t e,
               bool allow_decimal) {
  if (e <= b) return false;
  size_t dots = 0, digits = 0;
  for (size_t i = b; i < e; ++i) {
    if (run[i] == '.') {
      if (!allow_decimal || i == b || i + 1 == e) return false;
      ++dots;
    } else {
      ++digits;
    }
  }
  if (dots > 1 || digits > kMaxCellDigits) return false;
  // Leading zero: "0" and "0.5" are fine, "07" is not.
  if (run[b] == '0' && e - b > 1 && run[b + 1] != '.') return false;
  return true;
}

bool Recurse(Search& s, size_t group, int cell, size_t pos, double sum) {
  if (s.results.size() > s.limit) return false;
  if (group == s.groups.size()) {
    if (pos == s.run.size()) s.results.push_back(s.current);
    return true;
  }
  const GroupSpec& g = s.groups[group];
  // Remaining cells after this one, to bound how far this one may reach.
  size_t remaining_cells = 0;
  for (size_t k = group; k < s.groups.size(); ++k)
    remaining_cells += s.groups[k].count;
  remaining_cells -= static_cast<size_t>(cell) + 1;
  if (s.run.size() < pos + 1 + remaining_cells) return true;
  // Nor may it leave more than the remaining cells can hold.
  if (s.run.size() - pos > (remaining_cells + 1) * (kMaxCellDigits + 1))
    return true;
  size_t max_end = s.run.size() - remaining_cells;
  bool last_in_group = cell == g.count - 1;
  if (last_in_group && g.last_is_sum) {
    // The total is determined: it must be written next.
    if (sum > 9e14) return true;
    std::u32string want;
    for (char c : std::to_string(static_cast<int64_t>(std::llround(sum))))
      want.push_back(c);
    if (pos + want.size() > max_end) return true;
    if (s.run.compare(pos, want.size(), want) != 0) return true;
    s.current.push_back({pos, pos + want.size()});
    Recurse(s, group + 1, 0, pos + want.size(), 0);
    s.current.pop_back();
    return true;
  }
  bool allow_decimal = g.decimal_cell == cell;
  for (size_t end = pos + 1; end <= max_end && end - pos <= kMaxCellDigits + 1;
       ++end) {
    if (!ValidCell(s.run, pos, end, allow_decimal)) {
      // Past "0", a cell starting with 0 is only ever valid as "0.x".
      if (s.run[pos] == '0' && !(allow_decimal && s.run[pos + 1] == '.')) break;
      continue;
    }
    s.current.push_back({pos, end});
    double v = PieceValue(s.run, {pos, end});
    if (last_in_group) {
      Recurse(s, group + 1, 0, end, 0);
    } else {
      Recurse(s, group, cell + 1, end, sum + v);
    }
    s.current.pop_back();
    if (s.results.size() > s.limit) return false;
  }
  return true;
}

}  // namespace

double PieceValue(std::u32string_view run, const Piece& piece) {
  double value = 0, scale = 0;
  for (size_t i = piece.begin; i < piece.end; ++i) {
    char32_t c = run[i];
    if (c == '.') {
      scale = 1;
      continue;
    }
    if (scale > 0) {
      scale /= 10;
      value += (c - '0') * scale;
    } else {
      value = value * 10 + (c - '0');
    }
  }
  if (scale > 0) {
    std::string ascii;
    for (size_t i = piece.begin; i < piece.end; ++i)
      ascii.push_back(static_cast<char>(run[i]));
    value = std::strtod(ascii.c_str(), nullptr);
  }
  return value;
}

std::vector<Split> SegmentDigits(std::u32string_view run,
                                 const std::vector<GroupSpec>& groups,
                                 size_t limit) {
  for (char32_t c : run) {
    if (!((c >= '0' && c <= '9') || c == '.')) return {};
  }
  if (groups.empty() || run.empty()) return {};
  Search s{run, groups, limit, {}, {}};
  Recurse(s, 0, 0, 0, 0);
  return std::move(s.results);
}

}  // namespace govreport::parser
