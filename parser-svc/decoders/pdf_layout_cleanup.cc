#include "parser-svc/decoders/pdf_layout_cleanup.h"

#include <cstddef>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace govreport::parser {
namespace {

// Lines examined at each page edge for a page number.
constexpr int kEdgeLines = 2;
// A vertical label has at least this many characters...
constexpr size_t kMinVerticalChars = 3;
// ...and consecutive ones at most this many lines apart.
constexpr size_t kMaxVerticalGap = 4;

// Decodes UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string CodePoints(absl::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80         ? 1
              : (c >> 5) == 6  ? 2
              : (c >> 4) == 14 ? 3
              : (c >> 3) == 30 ? 4
                               : 0;
    if (len == 0 || i + len > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

std::string Collapse(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

bool IsDash(absl::string_view& s) {
  for (absl::string_view d :
       {"-", "\xEF\xBC\x8D" /*－*/, "\xE2\x80\x94" /*—*/, "\xE2\x80\x93" /*–*/,
        "\xE2\x80\x95" /*―*/, "~"}) {
    if (absl::ConsumePrefix(&s, d)) return true;
  }
  return false;
}

bool ConsumeNumber(absl::string_view& s, int* n) {
  size_t i = 0;
  while (i < s.size() && i < 5 &&
         absl::ascii_isdigit(static_cast<unsigned char>(s[i])))
    ++i;
  if (i == 0 || i == 5) return false;
  bool ok = absl::SimpleAtoi(s.substr(0, i), n);
  s.remove_prefix(i);
  return ok;
}

// "-3-", "— 3 —", "第3页", "第 3 页 共 5 页", "3/5", "3", "Page 3".
bool IsPageNumber(absl::string_view line, int page, size_t indent) {
  std::string c = Collapse(line);
  absl::string_view s = c;
  int n = 0;
  if (absl::ConsumePrefix(&s, "第")) {
    return ConsumeNumber(s, &n) && absl::ConsumePrefix(&s, "页") &&
           (s.empty() || (absl::ConsumePrefix(&s, "共") &&
                          ConsumeNumber(s, &n) && s == "页"));
  }
  if (absl::ConsumePrefix(&s, "Page") || absl::ConsumePrefix(&s, "page")) {
    return ConsumeNumber(s, &n) && s.empty();
  }
  bool dashed = false;
  while (IsDash(s)) dashed = true;
  if (!ConsumeNumber(s, &n)) return false;
  if (dashed) {
    bool closed = false;
    while (IsDash(s)) closed = true;
    return closed && s.empty();
  }
  if (absl::ConsumePrefix(&s, "/")) return ConsumeNumber(s, &n) && s.empty();
  // A bare number: only the page's own number, set apart from the margin
  // (a value of a wrapped table row stands at its column, not centred).
  return s.empty() && n == page && indent >= 10;
}

size_t Indent(absl::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool IsBlank(absl::string_view line) {
  return absl::StripAsciiWhitespace(line).empty();
}

void DropPageNumbers(std::vector<std::string>& lines, int page) {
  int seen = 0;
  for (size_t i = lines.size(); i-- > 0 && seen < kEdgeLines;) {
    if (IsBlank(lines[i])) continue;
    ++seen;
    if (IsPageNumber(lines[i], page, Indent(lines[i]))) lines[i].clear();
  }
  seen = 0;
  for (size_t i = 0; i < lines.size() && seen < kEdgeLines; ++i) {
    if (IsBlank(lines[i])) continue;
    ++seen;
    if (IsPageNumber(lines[i], page, Indent(lines[i]))) lines[i].clear();
  }
}

// Drops the lines opening `page` that repeat lines of `previous`: several
// of them (a table's header rows printed again), or one that also opened
// the previous page (a running header).
void DropRepeatedHeader(const std::vector<std::string>& previous,
                        std::vector<std::string>& page) {
  absl::flat_hash_set<std::string> seen;
  std::string first_of_previous;
  for (const std::string& line : previous) {
    if (IsBlank(line)) continue;
    std::string c = Collapse(line);
    if (first_of_previous.empty()) first_of_previous = c;
    seen.insert(std::move(c));
  }
  std::vector<size_t> repeated;
  for (size_t i = 0; i < page.size(); ++i) {
    if (IsBlank(page[i])) continue;
    if (!seen.contains(Collapse(page[i]))) break;
    repeated.push_back(i);
  }
  bool header = repeated.size() >= 2 ||
                (repeated.size() == 1 &&
                 Collapse(page[repeated[0]]) == first_of_previous);
  if (!header) return;
  for (size_t i : repeated) page[i].clear();
}

bool IsIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

struct VerticalPiece {
  size_t line;
  size_t column;
  size_t length;  // In code points.
};

// A lone token: one ideograph, or an ordinal such as "三、", either alone
// on its line or followed by a wide gap.
bool FindLoneToken(const std::u32string& line, size_t line_index,
                   VerticalPiece* piece) {
  size_t start = 0;
  while (start < line.size() && line[start] == U' ') ++start;
  if (start == line.size()) return false;
  size_t end = start;
  while (end < line.size() && line[end] != U' ' && end - start < 3) ++end;
  size_t length = end - start;
  if (length == 0 || length > 2) return false;
  if (end < line.size() && line[end] != U' ') return false;  // Longer word.
  if (!IsIdeograph(line[start])) return false;
  // Two characters only as an ordinal ("三、"): a two-character word
  // ("结果", "维持") is a wrapped header, not a vertical label.
  if (length == 2 && line[start + 1] != U'\u3001') return false;
  size_t gap = end;
  while (gap < line.size() && line[gap] == U' ') ++gap;
  if (gap < line.size() && gap - end < 2) return false;  // Ordinary text.
  *piece = {line_index, start, length};
  return true;
}

void LiftVerticalLabels(std::vector<LayoutLine>& lines) {
  std::vector<std::u32string> cps;
  cps.reserve(lines.size());
  for (const LayoutLine& l : lines) cps.push_back(CodePoints(l.text));

  std::vector<std::vector<VerticalPiece>> chains;
  std::vector<std::vector<VerticalPiece>> done;
  for (size_t i = 0; i < cps.size(); ++i) {
    VerticalPiece piece;
    if (!FindLoneToken(cps[i], i, &piece)) continue;
    bool joined = false;
    for (auto& chain : chains) {
      const VerticalPiece& last = chain.back();
      if (i - last.line <= kMaxVerticalGap &&
          (piece.column + 1 >= last.column &&
           piece.column <= last.column + 1)) {
        chain.push_back(piece);
        joined = true;
        break;
      }
    }
    if (!joined) chains.push_back({piece});
    // Retire chains that can no longer grow.
    for (size_t c = 0; c < chains.size();) {
      if (i - chains[c].back().line > kMaxVerticalGap) {
        done.push_back(std::move(chains[c]));
        chains.erase(chains.begin() + c);
      } else {
        ++c;
      }
    }
  }
  for (auto& chain : chains) done.push_back(std::move(chain));

  std::vector<std::pair<size_t, LayoutLine>> inserts;
  for (const auto& chain : done) {
    size_t chars = 0;
    for (const VerticalPiece& p : chain) chars += p.length;
    if (chain.size() < kMinVerticalChars || chars < kMinVerticalChars) continue;
    std::u32string label;
    for (const VerticalPiece& p : chain) {
      std::u32string& line = cps[p.line];
      label.append(line, p.column, p.length);
      for (size_t k = 0; k < p.length; ++k) line[p.column + k] = U' ';
      while (!line.empty() && line.back() == U' ') line.pop_back();
      lines[p.line].text = Utf8(line);
    }
    LayoutLine label_line;
    label_line.page = lines[chain.front().line].page;
    label_line.text = std::string(chain.front().column, ' ') + Utf8(label);
    inserts.emplace_back(chain.front().line, std::move(label_line));
  }
  if (inserts.empty()) return;
  std::sort(inserts.begin(), inserts.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<LayoutLine> out;
  out.reserve(lines.size() + inserts.size());
  size_t next = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    while (next < inserts.size() && inserts[next].first == i) {
      out.push_back(std::move(inserts[next++].second));
    }
    out.push_back(std::move(lines[i]));
  }
  lines = std::move(out);
}

// A title centred over two or three lines at the top of the first page
// ("淮安市洪泽区人民政府" / "2024 年政府信息公开工作年度报告") becomes one
// line, as the title finder expects it.
void JoinCentredTitle(std::vector<LayoutLine>& lines) {
  size_t first = 0;
  while (first < lines.size() && IsBlank(lines[first].text)) ++first;
  size_t end = first;
  while (end < lines.size() && end - first < 3 && !IsBlank(lines[end].text) &&
         lines[end].page == 1 && Indent(lines[end].text) >= 4 &&
         CodePoints(lines[end].text).size() <= 48) {
    ++end;
  }
  if (end - first < 2) return;
  // The title ends where "报告" does; lines after it are not part of it.
  size_t last = end;
  while (last > first && !absl::StrContains(lines[last - 1].text, "报告")) {
    --last;
  }
  if (last - first < 2) return;
  std::string joined(Indent(lines[first].text), ' ');
  for (size_t i = first; i < last; ++i) {
    absl::StrAppend(&joined, absl::StripAsciiWhitespace(lines[i].text));
  }
  lines[first].text = std::move(joined);
  lines.erase(lines.begin() + first + 1, lines.begin() + last);
}

}  // namespace

std::vector<LayoutLine> CleanPdfLayout(
    const std::vector<std::vector<std::string>>& pages) {
  std::vector<std::vector<std::string>> cleaned = pages;
  for (size_t p = 0; p < cleaned.size(); ++p) {
    for (std::string& line : cleaned[p]) {
      absl::string_view trimmed = absl::StripTrailingAsciiWhitespace(line);
      line.resize(trimmed.size());
    }
    DropPageNumbers(cleaned[p], static_cast<int>(p + 1));
  }
  for (size_t p = cleaned.size(); p-- > 1;) {
    DropRepeatedHeader(cleaned[p - 1], cleaned[p]);
  }
  std::vector<LayoutLine> lines;
  for (size_t p = 0; p < cleaned.size(); ++p) {
    std::vector<std::string>& page = cleaned[p];
    // A page's trailing blank lines say nothing; the break itself is gone.
    while (!page.empty() && page.back().empty()) page.pop_back();
    for (std::string& line : page) {
      lines.push_back({std::move(line), static_cast<uint32_t>(p + 1)});
    }
  }
  LiftVerticalLabels(lines);
  JoinCentredTitle(lines);
  return lines;
}

}  // namespace govreport::parser
