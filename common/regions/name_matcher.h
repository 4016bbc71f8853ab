#ifndef GOVREPORT_COMMON_REGIONS_NAME_MATCHER_H_
#define GOVREPORT_COMMON_REGIONS_NAME_MATCHER_H_

// Finds occurrences of a fixed set of names in UTF-8 text, in time that does
// not grow with the number of names. Built once: a trie of the names
// reversed, and a bitmap of the characters that end a name. A search tests
// each character of the text against the bitmap and, only where a name can
// end, walks the trie backwards; government text has a name-ending character
// (区, 市, 县, 镇, 道 ...) every dozen characters or so, and most walks stop
// after one or two steps.
//
// Matching folds full-width ASCII to ASCII (names are NFKC, text may not be)
// and Traditional characters to Simplified (common/text/han_variants.h, on
// names and text alike: "臨潼區" matches 临潼区), and steps over spaces inside
// a name ("临潼 区"), never over line breaks.
//
// Thread-safe: FindAll is const.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace govreport::regions {

class NameMatcher {
 public:
  struct Match {
    size_t begin = 0;  // Byte offsets of the name in the text.
    size_t end = 0;
    int id = 0;  // Index of the name in the constructor's vector.
    // Lies inside a longer occurrence ("城区" in "西城区", "西河街道" in
    // "市西河街道"): usually part of that name, sometimes the real one
    // ("汾阳市西河街道" holds 汾阳市, 市西河街道 of 贵阳, and 西河街道).
    bool contained = false;
  };

  // `names` should be distinct after folding; of duplicates the first wins.
  // Empty names are ignored.
  explicit NameMatcher(const std::vector<std::string>& names);

  // Appends to *out every occurrence in `text`, ordered by begin (longer
  // first at the same begin), overlapping ones included; callers weigh the
  // `contained` ones.
  void FindAll(absl::string_view text, std::vector<Match>* out) const;

  // The form names are compared on (width and Traditional folded, inline
  // spaces removed): names with the same fold are one name to the matcher,
  // so callers group them by it (廻龙镇 and 回龙镇).
  static std::string Fold(absl::string_view name);

  // Number of trie nodes, for memory accounting.
  size_t node_count() const { return terminal_.size(); }

 private:
  static uint64_t EdgeKey(int32_t node, char32_t cp) {
    return (static_cast<uint64_t>(node) << 21) | cp;
  }
  int32_t Child(int32_t node, char32_t cp) const;
  bool CanEnd(char32_t cp) const;

  std::vector<int32_t> terminal_;  // Per node: the name ending here, or -1.
  absl::flat_hash_map<uint64_t, int32_t> edges_;
  std::vector<uint64_t> ends_bmp_;  // Bitmap over U+0000..U+FFFF.
  bool ends_above_bmp_ = false;
};

}  // namespace govreport::regions

#endif  // GOVREPORT_COMMON_REGIONS_NAME_MATCHER_H_
