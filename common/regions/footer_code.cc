#include "common/regions/footer_code.h"

#include <algorithm>
#include <functional>

#include "common/regions/utf8_scan.h"

namespace govreport::regions {
namespace {

constexpr absl::string_view kMarker = "公网安备";
// Between the marker and the number: spaces, a colon, "京公网安备：".
constexpr int kMaxGapCodePoints = 4;
// A page has one or two; a huge text of repeated footers must not cost more.
constexpr size_t kMaxCodes = 8;

}  // namespace

std::vector<FooterCode> FindFooterCodes(absl::string_view text) {
  std::vector<FooterCode> codes;
  // Boyer-Moore-Horspool: the marker's first byte (0xE5) starts a third of
  // all CJK characters, so a first-byte scan would stop everywhere.
  static const std::boyer_moore_horspool_searcher searcher(kMarker.begin(),
                                                           kMarker.end());
  const auto find = [&](size_t from) {
    const auto it = std::search(text.begin() + from, text.end(), searcher);
    return it == text.end() ? absl::string_view::npos
                            : static_cast<size_t>(it - text.begin());
  };
  for (size_t at = find(0); at != absl::string_view::npos;
       at = find(at + kMarker.size())) {
    size_t pos = at + kMarker.size();
    size_t length = 0;
    // Skip the gap up to the first digit.
    bool number_follows = false;
    for (int gap = 0; pos < text.size() && gap <= kMaxGapCodePoints; ++gap) {
      const char32_t cp = FoldWidth(DecodeAt(text, pos, &length));
      if (cp >= '0' && cp <= '9') {
        number_follows = true;
        break;
      }
      if (!IsInlineSpace(cp) && cp != ':') break;
      pos += length;
    }
    if (!number_follows) continue;
    std::string digits;
    for (; pos < text.size(); pos += length) {
      const char32_t cp = FoldWidth(DecodeAt(text, pos, &length));
      if (cp < '0' || cp > '9') break;
      digits.push_back(static_cast<char>(cp));
    }
    if (digits.size() < 6) continue;
    FooterCode code{digits.substr(0, 6), digits};
    const bool seen = std::any_of(
        codes.begin(), codes.end(),
        [&](const FooterCode& c) { return c.filing == code.filing; });
    if (!seen) codes.push_back(std::move(code));
    if (codes.size() == kMaxCodes) break;
  }
  return codes;
}

}  // namespace govreport::regions
