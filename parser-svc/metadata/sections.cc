#include "parser-svc/metadata/sections.h"

#include <array>

#include "common/text/normalize.h"
#include "unicode/utf8.h"

namespace govreport::parser {
namespace {

constexpr size_t kLongLine = 300;

const std::array<std::vector<std::u32string_view>, 7> kKeywords = {{
    {},
    {U"总体情况", U"概述", U"总体"},
    {U"主动公开"},
    {U"申请"},
    {U"复议", U"诉讼"},
    {U"问题", U"改进"},
    {U"其他", U"需要报告", U"需要说明"},
}};

struct Heading {
  int ordinal = 0;
  size_t line = 0;        // index into lines
  size_t begin = 0;       // code point offset of the ordinal
  size_t text_begin = 0;  // code point offset past the heading words
};

// A heading at code point `i` of folded line `f`?
bool HeadingAt(const std::u32string& f, size_t i, int want,
               size_t* heading_end) {
  if (i + 2 >= f.size() || text::ChineseNumeralValue(f[i]) != want)
    return false;
  if (f[i + 1] != 0x3001 && f[i + 1] != '.' && f[i + 1] != ',') return false;
  std::u32string head = text::LabelKey(f.substr(i + 2, 24));
  for (std::u32string_view kw : kKeywords[want]) {
    size_t p = head.find(kw);
    // "三、收到和处理政府信息公开申请情况" has its keyword 申请 at 11.
    if (p != std::u32string::npos && p <= 14) {
      // The heading runs to the end of the line, or (in long lines) to the
      // end of its keyword phrase.
      size_t end = f.size();
      if (f.size() > kLongLine) {
        end = i + 2;
        size_t seen = 0;
        while (end < f.size() && seen < p + kw.size()) {
          if (text::IsHan(f[end]) || text::IsDigit(f[end])) ++seen;
          ++end;
        }
        // …and on to the end of the phrase (情况/事项).
        while (end < f.size() && end < i + 40 && text::IsHan(f[end]) &&
               f[end - 1] != U'况' && f[end - 1] != U'项' &&
               f[end - 1] != U'施') {
          ++end;
        }
      }
      *heading_end = end;
      return true;
    }
  }
  return false;
}

std::string Slice(const std::u32string& s, size_t b, size_t e) {
  if (b >= s.size() || e <= b) return "";
  return text::U32ToUtf8(std::u32string_view(s).substr(b, e - b));
}

}  // namespace

std::vector<v1::Section> FindSections(
    const std::vector<std::string>& lines,
    const std::vector<uint32_t>& line_numbers) {
  std::vector<std::u32string> raw(lines.size());
  std::vector<std::u32string> folded(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    // Only a line that starts with 一..六 (after spaces and markdown marks)
    // or a long line of flattened text can hold a heading.
    if (lines[i].size() <= kLongLine) {
      size_t b = lines[i].find_first_not_of(" \t#*");
      if (b == std::string::npos || lines[i].size() < b + 3) continue;
      const auto* bytes = reinterpret_cast<const uint8_t*>(lines[i].data());
      int32_t at = static_cast<int32_t>(b);
      UChar32 first;
      U8_NEXT(bytes, at, static_cast<int32_t>(lines[i].size()), first);
      if (first < 0 || text::ChineseNumeralValue(first) == 0 ||
          text::ChineseNumeralValue(first) > 6) {
        continue;
      }
    }
    raw[i] = text::Utf8ToU32(lines[i]);
    // Fold maps one code point to one in all but rare compatibility cases;
    // keep offsets comparable by falling back to the raw text then. The
    // one-to-one case folds the decoded code points directly.
    if (!text::FoldOneToOne(raw[i], &folded[i])) {
      folded[i] = text::FoldText(lines[i]);
      if (folded[i].size() != raw[i].size()) folded[i] = raw[i];
    }
  }
  std::vector<Heading> found;
  size_t line = 0, col = 0;
  for (int want = 1; want <= 6; ++want) {
    bool hit = false;
    for (size_t l = line; l < lines.size() && !hit; ++l) {
      const std::u32string& f = folded[l];
      size_t start = (l == line) ? col : 0;
      if (f.size() <= kLongLine) {
        if (start > 0) continue;
        size_t i = 0;
        while (i < f.size() &&
               (text::IsSpace(f[i]) || f[i] == '#' || f[i] == '*'))
          ++i;
        size_t end = 0;
        if (HeadingAt(f, i, want, &end)) {
          found.push_back({want, l, i, end});
          line = l + 1;
          col = 0;
          hit = true;
        }
        continue;
      }
      const char32_t numeral = U"\0一二三四五六"[want];
      for (size_t i = start; i < f.size(); ++i) {
        if (f[i] != numeral) continue;  // HeadingAt's first test, inline
        size_t end = 0;
        if (HeadingAt(f, i, want, &end)) {
          found.push_back({want, l, i, end});
          line = l;
          col = end;
          hit = true;
          break;
        }
      }
    }
  }
  std::vector<v1::Section> out;
  for (size_t k = 0; k < found.size(); ++k) {
    const Heading& h = found[k];
    v1::Section s;
    s.set_ordinal(h.ordinal);
    s.set_heading(Slice(raw[h.line], h.begin, h.text_begin));
    s.mutable_location()->set_line(line_numbers[h.line]);
    s.mutable_location()->set_column_begin(static_cast<uint32_t>(h.begin) + 1);
    s.mutable_location()->set_column_end(static_cast<uint32_t>(h.text_begin) +
                                         1);
    size_t end_line = lines.size(), end_col = 0;
    if (k + 1 < found.size()) {
      end_line = found[k + 1].line;
      end_col = found[k + 1].begin;
    }
    std::string body;
    for (size_t l = h.line; l <= end_line && l < lines.size(); ++l) {
      size_t b = (l == h.line) ? h.text_begin : 0;
      size_t e = (l == end_line) ? end_col : raw[l].size();
      if (l == end_line && e == 0) break;
      if (!body.empty()) body.push_back('\n');
      // Lines that cannot hold a heading were never decoded: whole lines of
      // the body, taken as written.
      if (raw[l].empty()) {
        body += lines[l];
      } else {
        body += Slice(raw[l], b, e);
      }
    }
    s.set_text(body);
    s.set_end_line(end_line < lines.size()
                       ? line_numbers[end_line] + (end_col > 0 ? 1 : 0)
                       : (lines.empty() ? 1 : line_numbers.back() + 1));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace govreport::parser
