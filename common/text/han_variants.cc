#include "common/text/han_variants.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

namespace govreport::text {
namespace {

struct Pair {
  char32_t traditional;
  char32_t simplified;
};

constexpr Pair kTable[] = {
#include "common/text/han_variants_table.inc"
};

}  // namespace

char32_t ToSimplified(char32_t c) {
  if (c < 0x3400) return c;
  if (c < 0x10000) {
    // The Basic Multilingual Plane through a flat table built once.
    static const std::vector<char16_t>* const bmp = [] {
      auto* t = new std::vector<char16_t>(0x10000);
      for (size_t i = 0; i < t->size(); ++i) (*t)[i] = static_cast<char16_t>(i);
      for (const Pair& p : kTable) {
        if (p.traditional < 0x10000) {
          // 0 sends the rare BMP → supplementary mapping to the search below.
          (*t)[p.traditional] =
              p.simplified < 0x10000 ? static_cast<char16_t>(p.simplified) : 0;
        }
      }
      return t;
    }();
    char16_t s = (*bmp)[c];
    if (s != 0) return s;
  }
  const Pair* end = std::end(kTable);
  const Pair* it = std::lower_bound(
      std::begin(kTable), end, c,
      [](const Pair& p, char32_t v) { return p.traditional < v; });
  return (it != end && it->traditional == c) ? it->simplified : c;
}

int HanVariantTableSize() { return static_cast<int>(std::size(kTable)); }

}  // namespace govreport::text
