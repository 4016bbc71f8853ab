// common/text: encodings detected from the bytes, never mojibake; folding.

#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "common/text/decode.h"
#include "common/text/han_variants.h"
#include "common/text/normalize.h"
#include "gtest/gtest.h"
#include "unicode/ucnv.h"

namespace govreport::text {
namespace {

const char kSample[] =
    "西工区统计局 2023 年政府信息公开工作年度报告\n一、总体情况\n本年新收申请 "
    "3 件。\n";

std::string Convert(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(),
                           static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(n);
  return out;
}

TEST(Decode, Utf8WithAndWithoutBom) {
  auto plain = DecodeText(kSample);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->encoding, "UTF-8");
  EXPECT_EQ(plain->utf8, kSample);
  auto bom = DecodeText(std::string("\xEF\xBB\xBF") + kSample);
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->utf8, kSample);
}

TEST(Decode, Gb18030AndGbk) {
  for (const char* cs : {"GB18030", "GBK"}) {
    auto d = DecodeText(Convert(kSample, cs));
    ASSERT_TRUE(d.ok()) << cs << ": " << d.status();
    EXPECT_EQ(d->encoding, "GB18030");
    EXPECT_EQ(d->utf8, kSample);
  }
}

TEST(Decode, Utf16WithBomAndWithout) {
  std::string le = Convert(kSample, "UTF-16LE");
  auto with_bom = DecodeText(std::string("\xFF\xFE", 2) + le);
  ASSERT_TRUE(with_bom.ok()) << with_bom.status();
  EXPECT_EQ(with_bom->encoding, "UTF-16LE");
  EXPECT_EQ(with_bom->utf8, kSample);
  auto be =
      DecodeText(std::string("\xFE\xFF", 2) + Convert(kSample, "UTF-16BE"));
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->utf8, kSample);
  // Without a BOM, from the NUL bytes beside the ASCII characters.
  std::string ascii_heavy =
      std::string(kSample) + "Annual report 2023, page 1 of 1\n";
  auto bare = DecodeText(Convert(ascii_heavy, "UTF-16LE"));
  ASSERT_TRUE(bare.ok()) << bare.status();
  EXPECT_EQ(bare->utf8, ascii_heavy);
}

TEST(Decode, AnotherLegacyCharsetIsAnErrorNotMojibake) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += kSample;
  std::string big5 = Convert(text, "Big5");
  auto d = DecodeText(big5);
  if (d.ok()) {
    // Any decoding that succeeds must give back the text itself.
    EXPECT_EQ(d->utf8, text);
  } else {
    EXPECT_TRUE(absl::StrContains(d.status().message(), "encoding"))
        << d.status();
  }
}

TEST(Decode, EmptyAndBinaryAreErrors) {
  EXPECT_FALSE(DecodeText("").ok());
  constexpr char kPngHeader[] =
      "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  std::string binary(kPngHeader, sizeof(kPngHeader) - 1);
  auto d = DecodeText(binary);
  ASSERT_FALSE(d.ok());
  EXPECT_TRUE(absl::StrContains(d.status().message(), "binary")) << d.status();
}

TEST(Normalize, FoldsFullWidthTraditionalAndSpaces) {
  EXPECT_EQ(FoldText("（１２）"), U"(12)");
  EXPECT_EQ(FoldText("屬於國家秘密"), U"属于国家秘密");
  EXPECT_EQ(LabelKey(FoldText("自 然 人")), U"自然人");
  EXPECT_EQ(LabelKey(FoldText("危及“三安全一稳定”")), U"危及三安全一稳定");
  EXPECT_EQ(NormalizeNfkc("ＡＢＣ１２３"), "ABC123");
  EXPECT_EQ(ToSimplified(U'國'), U'国');
  EXPECT_EQ(ToSimplified(U'国'), U'国');
  EXPECT_GT(HanVariantTableSize(), 2000);
}

TEST(Normalize, KeepsSourcePositions) {
  FoldedText f = Fold("a１b");
  ASSERT_EQ(f.text, U"a1b");
  EXPECT_EQ(f.source, (std::vector<uint32_t>{0, 1, 2}));
}

}  // namespace
}  // namespace govreport::text
