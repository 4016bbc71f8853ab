#include "parser-svc/metadata/agency.h"

#include <initializer_list>
#include <vector>

#include "common/text/han_variants.h"
#include "common/text/normalize.h"
#include "parser-svc/metadata/year.h"
#include "unicode/utf8.h"

namespace govreport::parser {
namespace {

bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}
bool EndsWithAny(std::u32string_view s,
                 std::initializer_list<std::u32string_view> l) {
  for (auto x : l) {
    if (EndsWith(s, x)) return true;
  }
  return false;
}

std::u32string StripLeading(std::u32string s) {
  for (std::u32string_view p : {U"关于", U"标题", U"正文"}) {
    if (s.size() >= p.size() &&
        std::u32string_view(s).substr(0, p.size()) == p) {
      s = s.substr(p.size());
    }
  }
  return s;
}

// "<agency><year>年(度)…" or "<year>年(度)<agency>政府信息公开…".
std::u32string FromTitle(const std::u32string& key) {
  size_t at = 0;
  int year = FirstYear(key, 0, &at);
  if (year > 0) {
    std::u32string before = StripLeading(key.substr(0, at));
    if (before.size() >= 2) return before;
    size_t after = at + 5;
    if (after < key.size() && key[after] == U'度') ++after;
    size_t end = key.find(U"政府信息公开", after);
    if (end == std::u32string::npos) end = key.find(U"信息公开", after);
    if (end != std::u32string::npos && end > after + 1) {
      return StripLeading(key.substr(after, end - after));
    }
    return U"";
  }
  size_t end = key.find(U"政府信息公开");
  if (end != std::u32string::npos && end >= 2)
    return StripLeading(key.substr(0, end));
  return U"";
}

// "现将<agency><year>年".
std::u32string FromBody(const std::vector<std::u32string>& line_keys) {
  size_t scanned = 0;
  for (const std::u32string& key : line_keys) {
    for (std::u32string_view lead : {U"现将", U"现就"}) {
      size_t p = key.find(lead);
      if (p == std::u32string::npos) continue;
      size_t at = 0;
      int year = FirstYear(key, p, &at);
      if (year > 0 && at > p + 2 && at - p <= 40) {
        std::u32string a = key.substr(p + 2, at - p - 2);
        if (AgencyKindOf(a) != v1::AGENCY_KIND_OTHER) return a;
      }
    }
    scanned += key.size();
    if (scanned > 6000) break;
  }
  return U"";
}

// A closing signature: "<agency> 2014年12月10日" near the end.
std::u32string FromSignature(const std::vector<std::u32string>& folded_lines) {
  int checked = 0;
  for (size_t i = folded_lines.size(); i-- > 0 && checked < 6;) {
    const std::u32string& l = folded_lines[i];
    bool blank = true;
    for (char32_t c : l) blank &= text::IsSpace(c);
    if (blank) continue;
    ++checked;
    // Rightmost "YYYY年M月D日".
    for (size_t p = l.size(); p-- > 0;) {
      if (l[p] != U'日') continue;
      size_t q = p;
      while (q > 0 && (text::IsDigit(l[q - 1]) || l[q - 1] == U'月' ||
                       l[q - 1] == U'年' || l[q - 1] == ' ')) {
        --q;
      }
      std::u32string date = text::LabelKey(l.substr(q, p - q + 1));
      size_t at = 0;
      if (FirstYear(date, 0, &at) < 0 || at != 0) continue;
      // The words before the date, back to a sentence end or a wide gap.
      size_t e = q;
      while (e > 0 && text::IsSpace(l[e - 1])) --e;
      size_t b = e;
      while (b > 0 && !text::IsSpace(l[b - 1]) && l[b - 1] != U'。' &&
             l[b - 1] != U'；' && l[b - 1] != ';' && l[b - 1] != ',' &&
             l[b - 1] != U'：' && l[b - 1] != ':') {
        --b;
      }
      std::u32string a = text::LabelKey(l.substr(b, e - b));
      if (a.empty()) {
        // The date on a line of its own: the signature is the line above.
        for (size_t j = i; j-- > 0 && j + 3 > i;) {
          std::u32string above = text::LabelKey(folded_lines[j]);
          if (above.empty()) continue;
          if (above.size() <= 30) a = above;
          break;
        }
      }
      if (a.size() >= 3 && AgencyKindOf(a) != v1::AGENCY_KIND_OTHER) return a;
    }
  }
  return U"";
}

std::u32string FromPublisherHeader(
    const std::vector<std::u32string>& line_keys) {
  for (size_t i = 0; i < line_keys.size() && i < 12; ++i) {
    const std::u32string& k = line_keys[i];
    if (k.rfind(U"发布机构", 0) == 0 && k.size() > 4) return k.substr(4);
  }
  return U"";
}

}  // namespace

v1::AgencyKind AgencyKindOf(std::u32string_view a) {
  if (a.empty()) return v1::AGENCY_KIND_OTHER;
  if (EndsWithAny(a, {U"乡人民政府", U"镇人民政府", U"街道办事处", U"街道办",
                      U"街道", U"办事处"})) {
    return v1::AGENCY_KIND_TOWNSHIP;
  }
  if (EndsWith(a, U"人民政府")) return v1::AGENCY_KIND_GOVERNMENT;
  if (EndsWithAny(a, {U"办公室", U"办公厅"}))
    return v1::AGENCY_KIND_GOVERNMENT_OFFICE;
  if (EndsWithAny(a, {U"管委会", U"管理委员会", U"工委", U"实验区", U"开发区",
                      U"高新区", U"新区", U"园区", U"示范区", U"保税区"})) {
    return v1::AGENCY_KIND_ZONE_COMMITTEE;
  }
  if (EndsWithAny(a, {U"乡", U"镇"})) return v1::AGENCY_KIND_TOWNSHIP;
  if (EndsWithAny(a, {U"局",   U"委",   U"办",   U"中心", U"委员会", U"厅",
                      U"署",   U"院",   U"所",   U"站",   U"队",     U"处",
                      U"馆",   U"会",   U"部",   U"室",   U"社",     U"台",
                      U"中心", U"支队", U"大队", U"公司", U"行",     U"司"})) {
    return v1::AGENCY_KIND_DEPARTMENT;
  }
  // A bare division name ("测试市" of a city-wide 全市 report) stands for
  // the region's government; "我区", "本市", "全县" are not names.
  if (a.size() >= 3 && std::u32string_view(U"我本全该各").find(a[0]) ==
                           std::u32string_view::npos &&
      EndsWithAny(a, {U"省", U"市", U"县", U"区", U"州", U"盟", U"旗"})) {
    return v1::AGENCY_KIND_GOVERNMENT;
  }
  return v1::AGENCY_KIND_OTHER;
}

std::string AgencyAsWritten(const std::u32string& folded_agency,
                            const std::vector<std::string>& lines) {
  if (folded_agency.empty()) return "";
  for (const std::string& line : lines) {
    std::u32string folded = text::LabelKey(text::FoldText(line));
    size_t p = folded.find(folded_agency);
    if (p == std::u32string::npos) continue;
    std::u32string plain =
        text::LabelKey(text::Utf8ToU32(text::NormalizeNfkc(line)));
    if (plain.size() != folded.size()) continue;
    return text::U32ToUtf8(
        std::u32string_view(plain).substr(p, folded_agency.size()));
  }
  return text::U32ToUtf8(folded_agency);
}

namespace {

// Han characters of the BMP that ToSimplified changes, as a bitmap built
// once: LooksTraditional tests thousands of characters per report.
bool ChangesToSimplified(char32_t c) {
  static const std::vector<bool>* const bmp = [] {
    auto* bits = new std::vector<bool>(0x10000, false);
    for (char32_t d = 0x3400; d < 0x10000; ++d) {
      (*bits)[d] = text::ToSimplified(d) != d;
    }
    return bits;
  }();
  return c < 0x10000 ? (*bmp)[c] : text::ToSimplified(c) != c;
}

}  // namespace

bool LooksTraditional(absl::string_view utf8) {
  size_t han = 0, changed = 0;
  // Decoded in place (no copy of the text): the first 6,000 bytes.
  absl::string_view head = utf8.substr(0, 6000);
  const auto* s = reinterpret_cast<const uint8_t*>(head.data());
  const int32_t n = static_cast<int32_t>(head.size());
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 u;
    U8_NEXT(s, i, n, u);
    if (u < 0) continue;
    char32_t c = static_cast<char32_t>(u);
    if (!text::IsHan(c)) continue;
    ++han;
    changed += ChangesToSimplified(c);
  }
  return han > 0 && changed * 10 >= han;
}

AgencyInfo FindAgency(const std::u32string& title_key,
                      const std::vector<std::u32string>& line_keys,
                      const std::vector<std::u32string>& folded_lines) {
  std::u32string a = FromTitle(title_key);
  if (a.empty()) a = FromBody(line_keys);
  if (a.empty()) a = FromSignature(folded_lines);
  if (a.empty()) a = FromPublisherHeader(line_keys);
  AgencyInfo info;
  info.agency = text::U32ToUtf8(a);
  info.kind = AgencyKindOf(a);
  return info;
}

}  // namespace govreport::parser
