#include "parser-svc/metadata/title.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "common/text/normalize.h"

namespace govreport::parser {
namespace {

std::string Trim(std::string s) {
  absl::string_view v = s;
  while (!v.empty() &&
         (v.front() == ' ' || v.front() == '#' || v.front() == '\t')) {
    v.remove_prefix(1);
  }
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t'))
    v.remove_suffix(1);
  // Ideographic spaces at either end.
  while (absl::ConsumePrefix(&v, "\xE3\x80\x80")) {
  }
  while (absl::ConsumeSuffix(&v, "\xE3\x80\x80")) {
  }
  return std::string(v);
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

bool NamesReport(const std::u32string& key) {
  return key.find(U"年度报告") != std::u32string::npos ||
         key.find(U"年报") != std::u32string::npos ||
         key.find(U"工作报告") != std::u32string::npos;
}

}  // namespace

TitleInfo FindTitle(const std::vector<std::string>& lines) {
  TitleInfo info;
  // An archived page's header.
  for (size_t i = 0; i < lines.size() && i < 12; ++i) {
    absl::string_view l = lines[i];
    if (absl::ConsumePrefix(&l, "标题:") || absl::ConsumePrefix(&l, "标题：")) {
      info.title = Trim(std::string(l));
      info.line = static_cast<int>(i) + 1;
      return info;
    }
  }
  int seen = 0;
  for (size_t i = 0; i < lines.size() && seen < 6; ++i) {
    std::string t = Trim(lines[i]);
    if (t.empty()) continue;
    ++seen;
    if (t == "正文") continue;
    if (CodePoints(t) > 80) break;  // running text: no title line
    std::u32string key = text::LabelKey(text::FoldText(t));
    if (NamesReport(key)) {
      info.title = t;
      info.line = static_cast<int>(i) + 1;
      return info;
    }
    // A title wrapped before 年度报告.
    if (key.find(U"政府信息公开") != std::u32string::npos) {
      for (size_t j = i + 1; j < lines.size() && j < i + 3; ++j) {
        std::string next = Trim(lines[j]);
        if (next.empty()) continue;
        std::u32string nkey = text::LabelKey(text::FoldText(next));
        if (CodePoints(next) <= 12 && NamesReport(nkey)) {
          info.title = t + next;
          info.line = static_cast<int>(i) + 1;
          return info;
        }
        break;
      }
    }
  }
  return info;
}

}  // namespace govreport::parser
