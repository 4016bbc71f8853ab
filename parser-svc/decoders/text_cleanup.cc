#include "parser-svc/decoders/text_cleanup.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace govreport::parser {
namespace {

constexpr absl::string_view kWideBlanks[] = {
    "\xC2\xA0",      // U+00A0 no-break space
    "\xE3\x80\x80",  // U+3000 ideographic space
    "\xE2\x80\x8B",  // U+200B zero-width space
    "\xEF\xBB\xBF",  // U+FEFF
};

bool StripOneBlankPrefix(absl::string_view& s) {
  if (!s.empty() && absl::ascii_isspace(static_cast<unsigned char>(s[0]))) {
    s.remove_prefix(1);
    return true;
  }
  for (absl::string_view b : kWideBlanks) {
    if (absl::ConsumePrefix(&s, b)) return true;
  }
  return false;
}

bool StripOneBlankSuffix(absl::string_view& s) {
  if (!s.empty() && absl::ascii_isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
    return true;
  }
  for (absl::string_view b : kWideBlanks) {
    if (absl::ConsumeSuffix(&s, b)) return true;
  }
  return false;
}

}  // namespace

void AppendCollapsed(absl::string_view text, std::string& out) {
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

absl::string_view TrimBlank(absl::string_view text) {
  while (StripOneBlankPrefix(text)) {
  }
  while (StripOneBlankSuffix(text)) {
  }
  return text;
}

}  // namespace govreport::parser
