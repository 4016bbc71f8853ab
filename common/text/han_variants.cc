#include "common/text/han_variants.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

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
  const Pair* end = std::end(kTable);
  const Pair* it = std::lower_bound(
      std::begin(kTable), end, c,
      [](const Pair& p, char32_t v) { return p.traditional < v; });
  return (it != end && it->traditional == c) ? it->simplified : c;
}

int HanVariantTableSize() { return static_cast<int>(std::size(kTable)); }

}  // namespace govreport::text
