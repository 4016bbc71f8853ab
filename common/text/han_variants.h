#ifndef GOVREPORT_COMMON_TEXT_HAN_VARIANTS_H_
#define GOVREPORT_COMMON_TEXT_HAN_VARIANTS_H_

// Traditional → Simplified Chinese, one character at a time, from a table
// precomputed at development time (scripts/gen_han_variants.sh, ICU's
// Traditional-Simplified data, one-to-one mappings only). Used to match
// labels written in Traditional characters; ICU's Transliterator is not used
// at run time (slow, and it takes a process-wide lock).
//
// Thread-safe: pure functions over constant data.

namespace govreport::text {

// The Simplified form of `c`, or `c` itself when it has none.
char32_t ToSimplified(char32_t c);

// Number of entries in the generated table (for tests).
int HanVariantTableSize();

}  // namespace govreport::text

#endif  // GOVREPORT_COMMON_TEXT_HAN_VARIANTS_H_
