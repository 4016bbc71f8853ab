#include "common/regions/name_matcher.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "common/regions/utf8_scan.h"
#include "common/text/han_variants.h"

namespace govreport::regions {
namespace {

// What names and text are compared on: full-width ASCII as ASCII,
// Traditional characters as Simplified. Both sides go through it, so a name
// whose own characters fold (乾县 -> 干县) still matches itself.
char32_t FoldChar(char32_t cp) { return text::ToSimplified(FoldWidth(cp)); }

}  // namespace

NameMatcher::NameMatcher(const std::vector<std::string>& names)
    : terminal_(1, -1), ends_bmp_(0x10000 / 64, 0) {
  std::vector<char32_t> cps;
  absl::flat_hash_set<char32_t> ends;
  for (size_t id = 0; id < names.size(); ++id) {
    const std::string& name = names[id];
    cps.clear();
    for (size_t pos = 0, len = 0; pos < name.size(); pos += len) {
      const char32_t cp = FoldChar(DecodeAt(name, pos, &len));
      if (!IsInlineSpace(cp)) cps.push_back(cp);
    }
    if (cps.empty()) continue;
    int32_t node = 0;
    for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
      auto [edge, inserted] = edges_.try_emplace(
          EdgeKey(node, *it), static_cast<int32_t>(terminal_.size()));
      if (inserted) terminal_.push_back(-1);
      node = edge->second;
    }
    if (terminal_[node] < 0) terminal_[node] = static_cast<int32_t>(id);
    ends.insert(cps.back());
    if (cps.back() >= 0x10000) ends_above_bmp_ = true;
  }
  // The bitmap is tested on raw text: mark every character that folds to
  // the last character of a name (区 and 區, ")" and "）").
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (ends.contains(FoldChar(cp)))
      ends_bmp_[cp / 64] |= uint64_t{1} << (cp % 64);
  }
}

std::string NameMatcher::Fold(absl::string_view name) {
  std::string out;
  for (size_t pos = 0, len = 0; pos < name.size(); pos += len) {
    const char32_t cp = FoldChar(DecodeAt(name, pos, &len));
    if (IsInlineSpace(cp)) continue;
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

int32_t NameMatcher::Child(int32_t node, char32_t cp) const {
  auto it = edges_.find(EdgeKey(node, cp));
  return it == edges_.end() ? -1 : it->second;
}

bool NameMatcher::CanEnd(char32_t cp) const {
  if (cp < 0x10000) return (ends_bmp_[cp / 64] >> (cp % 64)) & 1;
  return ends_above_bmp_;
}

void NameMatcher::FindAll(absl::string_view text,
                          std::vector<Match>* out) const {
  const size_t first = out->size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t length = 0;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    // Hot loop: most characters are 3-byte CJK or ASCII and end no name, so
    // test the bitmap on the raw code point first (it holds every character
    // that folds to a name ending) and fold or validate only on a hit.
    const unsigned char b0 = bytes[pos];
    char32_t raw;
    if (b0 < 0x80) {
      raw = b0;
      length = 1;
    } else if ((b0 & 0xF0) == 0xE0 && pos + 2 < text.size()) {
      raw = (static_cast<char32_t>(b0 & 0x0F) << 12) |
            (static_cast<char32_t>(bytes[pos + 1] & 0x3F) << 6) |
            (bytes[pos + 2] & 0x3F);
      length = 3;
    } else {
      raw = DecodeAt(text, pos, &length);
    }
    if (!CanEnd(raw)) continue;
    const char32_t cp = FoldChar(DecodeAt(text, pos, &length));
    int32_t node = Child(0, cp);
    if (node < 0) continue;
    const size_t end = pos + length;
    size_t begin = pos;
    while (true) {
      if (terminal_[node] >= 0)
        out->push_back(Match{begin, end, terminal_[node]});
      // Step back over spaces to the previous character of the name.
      size_t prev = begin;
      char32_t pcp = 0;
      do {
        if (prev == 0) break;
        prev = PreviousStart(text, prev);
        size_t unused;
        pcp = FoldChar(DecodeAt(text, prev, &unused));
      } while (IsInlineSpace(pcp));
      if (prev == begin || IsInlineSpace(pcp)) break;
      node = Child(node, pcp);
      if (node < 0) break;
      begin = prev;
    }
  }
  // Mark the names lying inside a longer one: sorted by begin, longer first,
  // a match is inside an earlier one when it ends no later than it.
  auto first_it = out->begin() + static_cast<std::ptrdiff_t>(first);
  std::sort(first_it, out->end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  size_t max_end = 0;
  for (size_t i = first; i < out->size(); ++i) {
    Match& m = (*out)[i];
    m.contained = i > first && m.end <= max_end;
    max_end = std::max(max_end, m.end);
  }
}

}  // namespace govreport::regions
