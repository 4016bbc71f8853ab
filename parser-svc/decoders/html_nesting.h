#ifndef GOVREPORT_PARSER_SVC_DECODERS_HTML_NESTING_H_
#define GOVREPORT_PARSER_SVC_DECODERS_HTML_NESTING_H_

// Bounds how deeply a page's elements nest before gumbo sees it. gumbo's
// tree construction scans the stack of open elements for every tag, so its
// time grows with the square of the nesting depth (100,000 nested
// <div><span> take minutes) and cannot be interrupted by the parse budget.
// Real pages nest a few dozen levels; tags that would open an element
// deeper than `max_depth` (and the end tags that close them) are removed,
// their text kept in place.
//
//   std::optional<std::string> capped = CapTagNesting(page, 1000);
//   absl::string_view input = capped ? *capped : page;
//
// The depth is estimated from the tags as written: void elements, elements
// a sibling closes implicitly (p, li, td, tr, option, ...) and self-closing
// tags do not count; comments, doctypes and the raw text of script, style,
// textarea, title and similar elements are skipped.
//
// Thread-safe: stateless.

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace govreport::parser {

inline constexpr size_t kMaxHtmlNestingDepth = 1000;

// The page without the tags past `max_depth`; nullopt when none is (the
// page is then used as it is).
std::optional<std::string> CapTagNesting(absl::string_view html,
                                         size_t max_depth);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_HTML_NESTING_H_
