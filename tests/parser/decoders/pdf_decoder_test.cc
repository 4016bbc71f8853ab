#include "parser-svc/decoders/pdf_decoder.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/parser/decoders/doc_dump.h"
#include "tests/parser/decoders/pdf_writer.h"
#include "tests/parser/decoders/read_file.h"

namespace govreport::parser {
namespace {

using ::govreport::testing::Dump;
using ::govreport::testing::ReadFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Sample(const std::string& name) {
  return ReadFile(GOVREPORT_DATA_DIR "/samples/real/" + name);
}

// The index of the first line containing `needle`, or -1.
int Find(const DecodedDocument& doc, absl::string_view needle) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (absl::StrContains(doc.lines[i].cells[0].text, needle)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

TEST(PdfDecoder, TableContinuesAcrossThePageBreakWithoutThePageNumber) {
  absl::StatusOr<DecodedDocument> doc =
      DecodePdf("hongze.pdf", Sample("hongze-district-2024.pdf"));
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->format, v1::DOCUMENT_FORMAT_PDF);
  int last_on_3 = Find(*doc, "1.本机关不掌握相关政府信息");
  ASSERT_GE(last_on_3, 0);
  const DocLine& row = doc->lines[last_on_3];
  EXPECT_EQ(
      row.cells[0].text,
      "                  （四）无法提供   1.本机关不掌握相关政府信息   31 "
      "   0         0     0   0   0     31");
  EXPECT_EQ(row.cells[0].location.page(), 3u);
  EXPECT_EQ(row.cells[0].location.line(), static_cast<uint32_t>(last_on_3 + 1));
  const DocLine& next = doc->lines[last_on_3 + 1];
  EXPECT_EQ(
      next.cells[0].text,
      "                 2.没有现成信息需要另行制作        1    0   0   0    "
      "0    0   1");
  EXPECT_EQ(next.cells[0].location.page(), 4u);
  for (const std::string& line : Dump(*doc)) {
    EXPECT_FALSE(absl::StrContains(line, "-3-")) << line;
    EXPECT_FALSE(absl::StrContains(line, "-4-")) << line;
  }
  EXPECT_EQ(doc->lines.size(), 156u);
}

TEST(PdfDecoder, VerticalLabelComesBackAsOneLine) {
  absl::StatusOr<DecodedDocument> doc =
      DecodePdf("huaian.pdf", Sample("huaian-city-2024.pdf"));
  ASSERT_TRUE(doc.ok()) << doc.status();
  int label = Find(*doc, "三、本年度办理结果");
  ASSERT_GE(label, 0);
  EXPECT_EQ(doc->lines[label].cells[0].text, "三、本年度办理结果");
  EXPECT_EQ(doc->lines[label].cells[0].location.page(), 4u);
  int row = Find(*doc, "2.其他法律行政法规禁止公开");
  ASSERT_GT(row, label);
  EXPECT_EQ(
      doc->lines[row].cells[0].text,
      "             2.其他法律行政法规禁止公开     30          1        0 "
      "       0        0    0    31");
}

TEST(PdfDecoder, GeneratedPagesLoseTheirNumbers) {
  std::string pdf = testing::TextPdf({
      {{72, 780, "Annual report 2024"},
       {72, 760, "Licensing      9487"},
       {290, 40, "- 1 -"}},
      {{72, 780, "Penalty      2776"}, {290, 40, "- 2 -"}},
  });
  absl::StatusOr<DecodedDocument> doc = DecodePdf("gen.pdf", pdf);
  ASSERT_TRUE(doc.ok()) << doc.status();
  std::vector<std::string> texts;
  for (const DocLine& l : doc->lines) {
    texts.push_back(std::string(absl::StripAsciiWhitespace(l.cells[0].text)));
  }
  EXPECT_THAT(texts, ElementsAre("Annual report 2024", "", "Licensing   9487",
                                 "Penalty   2776"));
  EXPECT_EQ(doc->lines.back().cells[0].location.page(), 2u);
}

TEST(PdfDecoder, ScanWithoutTextLayerNeedsOcr) {
  absl::StatusOr<DecodedDocument> doc =
      DecodePdf("scan.pdf", testing::DrawingOnlyPdf(3));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(doc.status().message(),
            "scan.pdf: none of the PDF's 3 pages has a text layer (a scanned "
            "document); it needs OCR before it can be parsed");
}

TEST(PdfDecoder, EncryptedPdfIsAClearError) {
  // tests/data/decoders/encrypted.pdf: qpdf --encrypt secret owner 256 of a
  // generated one-page PDF (see tests/data/decoders/README.md).
  absl::StatusOr<DecodedDocument> doc = DecodePdf(
      "encrypted.pdf", ReadFile(GOVREPORT_TEST_DATA "/decoders/encrypted.pdf"));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(doc.status().message(),
              HasSubstr("encrypted.pdf: the PDF is encrypted and needs a "
                        "password to open"));
}

TEST(PdfDecoder, BrokenPdfIsAClearError) {
  absl::StatusOr<DecodedDocument> doc =
      DecodePdf("junk.pdf", "%PDF-1.7\nthis is not a PDF body at all\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(doc.status().message(),
            "junk.pdf: not a readable PDF (damaged or truncated file)");
}

TEST(PdfDecoder, TruncatedPdfIsAnErrorOrWhatPopplerCanRecover) {
  std::string pdf = Sample("hongze-district-2024.pdf");
  absl::StatusOr<DecodedDocument> doc =
      DecodePdf("cut.pdf", pdf.substr(0, 2000));
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("cut.pdf: "));
}

}  // namespace
}  // namespace govreport::parser
