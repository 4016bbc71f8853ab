#include "parser-svc/metadata/year.h"

#include "common/text/normalize.h"

namespace govreport::parser {

int FirstYear(const std::u32string& key, size_t from, size_t* at) {
  for (size_t i = from; i + 4 < key.size(); ++i) {
    if (key[i + 4] != U'年') continue;
    int y = 0;
    bool ok = true;
    for (size_t k = i; k < i + 4; ++k) {
      if (!text::IsDigit(key[k])) {
        ok = false;
        break;
      }
      y = y * 10 + static_cast<int>(key[k] - '0');
    }
    if (!ok || y < 1990 || y > 2099) continue;
    if (i > 0 && text::IsDigit(key[i - 1])) continue;
    if (at != nullptr) *at = i;
    return y;
  }
  return -1;
}

YearInfo FindYear(const std::u32string& title_key,
                  const std::vector<std::u32string>& line_keys) {
  YearInfo info;
  size_t at = 0;
  int t = FirstYear(title_key, 0, &at);
  if (t > 0) info.title_year = t;
  // The statistics period.
  for (const std::u32string& key : line_keys) {
    for (size_t p = key.find(U"统计"); p != std::u32string::npos;
         p = key.find(U"统计", p + 1)) {
      // 统计期限/周期/时限/区间/截止…, not 统计局.
      if (p + 2 >= key.size()) break;
      char32_t next = key[p + 2];
      if (next != U'期' && next != U'周' && next != U'时' && next != U'区' &&
          next != U'截' && next != U'范') {
        continue;
      }
      int y = FirstYear(key, p, &at);
      if (y > 0 && at - p <= 12) {
        info.year = y;
        return info;
      }
    }
  }
  if (info.title_year) {
    info.year = info.title_year;
    return info;
  }
  // The first year the opening lines name.
  size_t chars = 0;
  for (const std::u32string& key : line_keys) {
    int y = FirstYear(key, 0, &at);
    if (y > 0) {
      info.year = y;
      return info;
    }
    chars += key.size();
    if (chars > 4000) break;
  }
  return info;
}

}  // namespace govreport::parser
