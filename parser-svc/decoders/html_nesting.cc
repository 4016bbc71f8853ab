#include "parser-svc/decoders/html_nesting.h"

#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace govreport::parser {
namespace {

// Elements that never hold content, or that a following sibling closes
// without an end tag: neither deepens the nesting of a real page.
bool IsUncounted(absl::string_view name) {
  static constexpr absl::string_view kNames[] = {
      "area",  "base",     "br",    "col",   "embed",    "hr",    "img",
      "input", "link",     "meta",  "param", "source",   "track", "wbr",
      "frame", "keygen",   "p",     "li",    "dt",       "dd",    "tr",
      "td",    "th",       "option", "optgroup", "rb",   "rt",    "rp",
      "thead", "tbody",    "tfoot", "colgroup", "caption"};
  for (absl::string_view n : kNames) {
    if (absl::EqualsIgnoreCase(name, n)) return true;
  }
  return false;
}

// Elements whose content is raw text up to their end tag.
bool IsRawText(absl::string_view name) {
  static constexpr absl::string_view kNames[] = {
      "script", "style", "textarea", "title", "xmp",
      "iframe", "noembed", "noframes", "plaintext"};
  for (absl::string_view n : kNames) {
    if (absl::EqualsIgnoreCase(name, n)) return true;
  }
  return false;
}

bool IsNameChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' ||
         c == ':' || c == '_';
}

// The end of the tag starting at `begin` ('<'): one past its '>', quotes
// respected; html.size() when unterminated.
size_t TagEnd(absl::string_view html, size_t begin) {
  char quote = 0;
  for (size_t i = begin + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// Where the raw text of element `name` ends: the start of its end tag, or
// html.size().
size_t RawTextEnd(absl::string_view html, size_t from, absl::string_view name) {
  for (size_t i = html.find("</", from); i != absl::string_view::npos;
       i = html.find("</", i + 2)) {
    absl::string_view rest = html.substr(i + 2);
    if (rest.size() >= name.size() &&
        absl::EqualsIgnoreCase(rest.substr(0, name.size()), name) &&
        (rest.size() == name.size() || !IsNameChar(rest[name.size()]))) {
      return i;
    }
  }
  return html.size();
}

}  // namespace

std::optional<std::string> CapTagNesting(absl::string_view html,
                                         size_t max_depth) {
  // Byte ranges of the tags to remove, in order.
  std::vector<std::pair<size_t, size_t>> dropped;
  size_t depth = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != absl::string_view::npos) {
    absl::string_view rest = html.substr(i);
    if (absl::StartsWith(rest, "<!--")) {
      size_t close = html.find("-->", i + 4);
      i = close == absl::string_view::npos ? html.size() : close + 3;
      continue;
    }
    if (absl::StartsWith(rest, "<!") || absl::StartsWith(rest, "<?")) {
      i = TagEnd(html, i);
      continue;
    }
    const bool end_tag = absl::StartsWith(rest, "</");
    size_t name_begin = i + (end_tag ? 2 : 1);
    size_t name_end = name_begin;
    while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
    if (name_end == name_begin) {  // "<" as text
      ++i;
      continue;
    }
    absl::string_view name = html.substr(name_begin, name_end - name_begin);
    const size_t tag_end = TagEnd(html, i);
    if (end_tag) {
      if (!IsUncounted(name) && !IsRawText(name) && depth > 0) {
        if (depth > max_depth) dropped.push_back({i, tag_end});
        --depth;
      }
    } else if (IsRawText(name)) {
      i = RawTextEnd(html, tag_end, name);
      continue;
    } else {
      const bool self_closing = tag_end >= 2 && tag_end <= html.size() &&
                                html[tag_end - 2] == '/' &&
                                html[tag_end - 1] == '>';
      if (!IsUncounted(name) && !self_closing) {
        ++depth;
        if (depth > max_depth) dropped.push_back({i, tag_end});
      }
    }
    i = tag_end;
  }
  if (dropped.empty()) return std::nullopt;
  std::string out;
  out.reserve(html.size());
  size_t kept_from = 0;
  for (const auto& [begin, end] : dropped) {
    out.append(html.data() + kept_from, begin - kept_from);
    kept_from = end;
  }
  out.append(html.data() + kept_from, html.size() - kept_from);
  return out;
}

}  // namespace govreport::parser
