#ifndef GOVREPORT_COMMON_TEXT_NORMALIZE_H_
#define GOVREPORT_COMMON_TEXT_NORMALIZE_H_

// Text normalisation for matching report labels and reading numbers.
//
// Two levels:
//  * NormalizeNfkc: ICU NFKC of a whole string (agency names, titles).
//  * Fold: the per-code-point folding the table engine matches on — NFKC
//    (full-width digits, letters and brackets become ASCII), Traditional →
//    Simplified (common/text/han_variants.h), space and dash and quote
//    variants unified — keeping, for every output code point, the index of
//    the input code point it came from, so that matches can be reported at
//    their place in the source.
//  * LabelKey: what two labels are compared on — the folded text without
//    spaces and punctuation ("自 然 人" == "自然人", "(一)" == "（一）").
//
// Thread-safe: the folding table is built once, on first use, and is
// read-only afterwards.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"

namespace govreport::text {

// Number of code points in UTF-8 text (bytes that do not continue a
// sequence); eight bytes at a time.
size_t CountCodePoints(absl::string_view utf8);
// UTF-8 → code points; an invalid byte becomes U+FFFD.
std::u32string Utf8ToU32(absl::string_view utf8);
// Code points → UTF-8.
std::string U32ToUtf8(std::u32string_view text);
void AppendUtf8(char32_t c, std::string* out);

// ICU NFKC of a UTF-8 string. Invalid UTF-8 is replaced, never passed on.
std::string NormalizeNfkc(absl::string_view utf8);

// Folded text and, for every folded code point, the 0-based index of the
// source code point it came from.
struct FoldedText {
  std::u32string text;
  std::vector<uint32_t> source;
};

// Appends the folding of `c` (usually one code point; a compatibility
// character such as "㈠" yields several) to `out`.
void FoldAppend(char32_t c, uint32_t source_index, FoldedText* out);
// Folds code points that each fold to one (the common case) into `out`, of
// the same length; false (and `out` unspecified) when one folds to several
// or none: then only Fold/FoldText give the folding.
bool FoldOneToOne(std::u32string_view in, std::u32string* out);
// Folds a whole UTF-8 string.
FoldedText Fold(absl::string_view utf8);
// Folds and returns only the text.
std::u32string FoldText(absl::string_view utf8);

// The folded text without whitespace and punctuation: Han characters,
// letters and digits remain.
std::u32string LabelKey(std::u32string_view folded);

// Character classes used throughout the parser.
// Inline: called per code point across the table engine.
inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) ||
         c == 0x3007;
}
inline bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 ||
         c == 0xA0 || c == 0x0B || c == 0x0C || c == 0xFEFF || c == 0x200B;
}
inline bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
// Chinese numerals 一..十 (ordinals of sections and groups).
int ChineseNumeralValue(char32_t c);  // 0 when not one of 一..十

}  // namespace govreport::text

#endif  // GOVREPORT_COMMON_TEXT_NORMALIZE_H_
