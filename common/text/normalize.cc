#include "common/text/normalize.h"

#include <cstring>
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

size_t CountCodePoints(absl::string_view utf8) {
  const char* p = utf8.data();
  size_t n = utf8.size();
  size_t continuation = 0;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    // Bit 7 set and bit 6 clear: a continuation byte (10xxxxxx).
    uint64_t c = (w & ~(w << 1)) & kHigh;
    continuation += static_cast<size_t>(((c >> 7) * 0x0101010101010101ull) >> 56);
    p += 8;
    n -= 8;
  }
  for (; n > 0; --n, ++p) {
    continuation += (static_cast<uint8_t>(*p) & 0xC0) == 0x80;
  }
  return utf8.size() - continuation;
}

std::u32string Utf8ToU32(absl::string_view utf8) {
  std::u32string out;
  out.resize(utf8.size());
  char32_t* w = out.data();
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    if (s[i] < 0x80) {
      *w++ = s[i++];
      continue;
    }
    // A well-formed three-byte sequence (Chinese text) decoded directly; the
    // same test as IsValidUtf8 (decode.cc): E0 needs A0..BF, ED 80..9F.
    if (i + 3 <= n && (s[i] & 0xF0) == 0xE0 && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80 && (s[i] != 0xE0 || s[i + 1] >= 0xA0) &&
        (s[i] != 0xED || s[i + 1] < 0xA0)) {
      *w++ = (static_cast<char32_t>(s[i] & 0x0F) << 12) |
             (static_cast<char32_t>(s[i + 1] & 0x3F) << 6) |
             static_cast<char32_t>(s[i + 2] & 0x3F);
      i += 3;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    *w++ = c < 0 ? 0xFFFD : static_cast<char32_t>(c);
  }
  out.resize(static_cast<size_t>(w - out.data()));
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
  out.resize(text.size() * 4);
  auto* w = reinterpret_cast<uint8_t*>(out.data());
  for (char32_t c : text) {
    if (c < 0x80) {
      *w++ = static_cast<uint8_t>(c);
    } else if (c < 0x800) {
      *w++ = static_cast<uint8_t>(0xC0 | (c >> 6));
      *w++ = static_cast<uint8_t>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *w++ = static_cast<uint8_t>(0xE0 | (c >> 12));
      *w++ = static_cast<uint8_t>(0x80 | ((c >> 6) & 0x3F));
      *w++ = static_cast<uint8_t>(0x80 | (c & 0x3F));
    } else {
      *w++ = static_cast<uint8_t>(0xF0 | (c >> 18));
      *w++ = static_cast<uint8_t>(0x80 | ((c >> 12) & 0x3F));
      *w++ = static_cast<uint8_t>(0x80 | ((c >> 6) & 0x3F));
      *w++ = static_cast<uint8_t>(0x80 | (c & 0x3F));
    }
  }
  out.resize(static_cast<size_t>(w - reinterpret_cast<uint8_t*>(out.data())));
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

namespace {

// Folds `utf8` into `text` (and, when not null, `source`), writing through
// pointers into buffers sized for the usual one-to-one case: push_back per
// code point dominated the parser's profile.
void FoldInto(absl::string_view utf8, std::u32string* text,
              std::vector<uint32_t>* source) {
  const FoldTable& t = Table();
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  // Sized for the usual one-to-one folding of every code point (an invalid
  // sequence may yield more U+FFFD than its lead bytes count; a
  // multi-code-point folding too): those grow the buffers.
  size_t cap = CountCodePoints(utf8);
  text->resize(cap);
  if (source != nullptr) source->resize(cap);
  size_t len = 0;
  uint32_t index = 0;
  auto put = [&](char32_t f, uint32_t from) {
    if (len == cap) {
      cap = cap * 2 + 8;
      text->resize(cap);
      if (source != nullptr) source->resize(cap);
    }
    (*text)[len] = f;
    if (source != nullptr) (*source)[len] = from;
    ++len;
  };
  for (int32_t i = 0; i < n;) {
    char32_t c;
    if (s[i] < 0x80) {
      c = s[i++];
      // ASCII folds to itself (a tab to a space).
      c = c == '\t' ? U' ' : c;
      if (len < cap) {
        (*text)[len] = c;
        if (source != nullptr) (*source)[len] = index;
        ++len;
      } else {
        put(c, index);
      }
      ++index;
      continue;
    }
    UChar32 u;
    U8_NEXT(s, i, n, u);
    c = u < 0 ? 0xFFFD : static_cast<char32_t>(u);
    if (c < 0x10000) {
      char32_t f = t.bmp[c];
      if (f != kMulti) {
        put(f, index);
      } else {
        for (char32_t d : t.multi.at(c)) put(d, index);
      }
    } else {
      put(ToSimplified(c), index);
    }
    ++index;
  }
  text->resize(len);
  if (source != nullptr) source->resize(len);
}

}  // namespace

bool FoldOneToOne(std::u32string_view in, std::u32string* out) {
  const FoldTable& t = Table();
  out->resize(in.size());
  char32_t* w = out->data();
  for (char32_t c : in) {
    char32_t f;
    if (c < 0x80) {
      f = c == '\t' ? U' ' : c;
    } else if (c < 0x10000) {
      f = t.bmp[c];
      if (f == kMulti) return false;
    } else {
      f = ToSimplified(c);
    }
    *w++ = f;
  }
  return true;
}

FoldedText Fold(absl::string_view utf8) {
  FoldedText out;
  FoldInto(utf8, &out.text, &out.source);
  return out;
}

std::u32string FoldText(absl::string_view utf8) {
  std::u32string out;
  FoldInto(utf8, &out, nullptr);
  return out;
}

std::u32string LabelKey(std::u32string_view folded) {
  std::u32string out;
  out.resize(folded.size());
  size_t len = 0;
  for (char32_t c : folded) {
    if (IsHan(c) || IsDigit(c) || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z')) {
      out[len++] = c;
    }
  }
  out.resize(len);
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
