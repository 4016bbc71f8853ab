#include "common/text/normalize.h"

#include <memory>

#include "absl/container/flat_hash_map.h"
#include "common/text/han_variants.h"
#include "unicode/normalizer2.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace govreport::text {
namespace {

// Sentinel in the BMP table: look the code point up in the multi map.
constexpr char32_t kMulti = 0xFFFFFFFF;

char32_t UnifyVariant(char32_t c) {
  switch (c) {
    case 0x00A0:
    case 0x3000:
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case '\t':
      return ' ';
    case 0x2013:  // –
    case 0x2015:  // ―
    case 0x2500:  // ─
    case 0x2012:
    case 0x2212:  // −
    case 0xFE58:
      return 0x2014;  // —
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0x2019:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x301D:
    case 0x301E:
      return '"';
    case 0x3010:  // 【
      return '[';
    case 0x3011:  // 】
      return ']';
    case 0xFF64:  // ､ halfwidth ideographic comma
      return 0x3001;
    case 0xFF61:  // ｡
      return 0x3002;
    default:
      return c;
  }
}

struct FoldTable {
  std::vector<char32_t> bmp;  // 0x10000 entries
  absl::flat_hash_map<char32_t, std::u32string> multi;
};

std::u32string FoldSlow(char32_t c, const icu::Normalizer2* nfkc) {
  std::u32string out;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s(static_cast<UChar32>(c));
  icu::UnicodeString n = nfkc->normalize(s, status);
  if (U_FAILURE(status)) n = s;
  for (int32_t i = 0; i < n.length();) {
    UChar32 d = n.char32At(i);
    out.push_back(UnifyVariant(ToSimplified(static_cast<char32_t>(d))));
    i += U16_LENGTH(d);
  }
  return out;
}

const FoldTable& Table() {
  static const FoldTable* const table = [] {
    auto* t = new FoldTable();
    t->bmp.resize(0x10000);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    for (char32_t c = 0; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) {
        t->bmp[c] = 0xFFFD;
        continue;
      }
      if (U_FAILURE(status) || nfkc->isInert(static_cast<UChar32>(c))) {
        t->bmp[c] = UnifyVariant(ToSimplified(c));
        continue;
      }
      std::u32string f = FoldSlow(c, nfkc);
      if (f.size() == 1) {
        t->bmp[c] = f[0];
      } else {
        t->bmp[c] = kMulti;
        t->multi[c] = std::move(f);
      }
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::u32string Utf8ToU32(absl::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    if (s[i] < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string U32ToUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) AppendUtf8(c, &out);
  return out;
}

std::string NormalizeNfkc(absl::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString n = nfkc->normalize(s, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  n.toUTF8String(out);
  return out;
}

void FoldAppend(char32_t c, uint32_t source_index, FoldedText* out) {
  if (c < 0x80) {
    out->text.push_back(c == '\t' ? ' ' : c);
    out->source.push_back(source_index);
    return;
  }
  const FoldTable& t = Table();
  if (c < 0x10000) {
    char32_t f = t.bmp[c];
    if (f != kMulti) {
      out->text.push_back(f);
      out->source.push_back(source_index);
      return;
    }
    for (char32_t d : t.multi.at(c)) {
      out->text.push_back(d);
      out->source.push_back(source_index);
    }
    return;
  }
  out->text.push_back(ToSimplified(c));
  out->source.push_back(source_index);
}

FoldedText Fold(absl::string_view utf8) {
  FoldedText out;
  out.text.reserve(utf8.size());
  out.source.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  uint32_t index = 0;
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      FoldAppend(s[i++], index++, &out);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    FoldAppend(c < 0 ? 0xFFFD : static_cast<char32_t>(c), index++, &out);
  }
  return out;
}

std::u32string FoldText(absl::string_view utf8) { return Fold(utf8).text; }

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) ||
         c == 0x3007;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 ||
         c == 0xA0 || c == 0x0B || c == 0x0C || c == 0xFEFF || c == 0x200B;
}

std::u32string LabelKey(std::u32string_view folded) {
  std::u32string out;
  out.reserve(folded.size());
  for (char32_t c : folded) {
    if (IsHan(c) || IsDigit(c) || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z')) {
      out.push_back(c);
    }
  }
  return out;
}

int ChineseNumeralValue(char32_t c) {
  switch (c) {
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    case U'十':
      return 10;
    default:
      return 0;
  }
}

}  // namespace govreport::text
