#include "parser-svc/decoders/docx_decoder.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/parser/decoders/doc_dump.h"
#include "tests/parser/decoders/docx_writer.h"
#include "tests/parser/decoders/read_file.h"

namespace govreport::parser {
namespace {

using ::govreport::testing::DocxBody;
using ::govreport::testing::DocxCell;
using ::govreport::testing::Dump;
using ::govreport::testing::PackDocx;
using ::govreport::testing::ReadFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> DecodeToDump(const std::string& bytes) {
  absl::StatusOr<DecodedDocument> doc = DecodeDocx("t.docx", bytes);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? Dump(*doc) : std::vector<std::string>{};
}

std::string WrapBody(const std::string& body) {
  return absl::StrCat(
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
      "wordprocessingml/2006/main\"><w:body>",
      body, "</w:body></w:document>");
}

TEST(DocxDecoder, ExpandsGridSpanAndVMerge) {
  DocxBody body;
  body.Paragraph("三、收到和处理政府信息公开申请情况");
  body.Table({
      {DocxCell::MergeStart("勾稽", 2), DocxCell("申请人情况", 2)},
      {DocxCell::MergeContinue(2), DocxCell("自然人"), DocxCell("总计")},
      {DocxCell::MergeStart("三、本年度办理结果"), DocxCell("（一）予以公开"),
       DocxCell("5"), DocxCell("")},
      {DocxCell::MergeContinue(), DocxCell("（二）部分公开"), DocxCell("0"),
       DocxCell("1")},
  });
  EXPECT_THAT(DecodeToDump(PackDocx(body.Xml())),
              ElementsAre("三、收到和处理政府信息公开申请情况",
                          "T1R1: 勾稽|^勾稽|申请人情况|^申请人情况",
                          "T1R2: ^勾稽|^勾稽|自然人|总计",
                          "T1R3: 三、本年度办理结果|（一）予以公开|5|",
                          "T1R4: ^三、本年度办理结果|（二）部分公开|0|1"));
}

TEST(DocxDecoder, LocatesCellsAndLines) {
  DocxBody body;
  body.Paragraph("标题");
  body.Table({{DocxCell("a"), DocxCell("b")}, {DocxCell("c", 2)}});
  absl::StatusOr<DecodedDocument> doc =
      DecodeDocx("t.docx", PackDocx(body.Xml()));
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->lines.size(), 3u);
  EXPECT_EQ(doc->format, v1::DOCUMENT_FORMAT_DOCX);
  EXPECT_EQ(doc->lines[0].cells[0].location.line(), 1u);
  const DocCell& copy = doc->lines[2].cells[1];
  EXPECT_TRUE(copy.span_copy);
  EXPECT_EQ(copy.text, "c");
  EXPECT_EQ(copy.location.table(), 1u);
  EXPECT_EQ(copy.location.row(), 2u);
  EXPECT_EQ(copy.location.column(), 2u);
}

TEST(DocxDecoder, ReadsRunsTabsBreaksAndSkipsDeletionsAndFieldCodes) {
  std::string xml = WrapBody(
      "<w:p><w:r><w:t>规章</w:t></w:r><w:r><w:tab/><w:t>3</w:t></w:r>"
      "<w:del><w:r><w:delText>旧</w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>件</w:t></w:r></w:ins></w:p>"
      "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:t>7</w:t></w:r><w:r><w:fldChar "
      "w:fldCharType=\"end\"/></w:r></w:p>"
      "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>"
      "<w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>"
      "<w:p><w:r><w:t xml:space=\"preserve\">　　</w:t></w:r></w:p>");
  EXPECT_THAT(DecodeToDump(PackDocx(xml)),
              ElementsAre("规章\t3件", "第一行", "第二行", "7", "控件内"));
}

TEST(DocxDecoder, GridBeforeHolesAndNestedTables) {
  std::string xml = WrapBody(
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>"
      "<w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "</w:tc></w:tr></w:tbl>");
  EXPECT_THAT(DecodeToDump(PackDocx(xml)),
              ElementsAre("T1R1: a|b", "T1R2: |c", "T2R1: 内|1"));
}

TEST(DocxDecoder, ReadsTheBlankTemplate) {
  absl::StatusOr<DecodedDocument> doc = DecodeDocx(
      "template-2021-blank.docx",
      ReadFile(GOVREPORT_DATA_DIR "/samples/real/template-2021-blank.docx"));
  ASSERT_TRUE(doc.ok()) << doc.status();
  std::vector<std::string> dump = Dump(*doc);
  ASSERT_EQ(dump.size(), 56u);
  EXPECT_EQ(dump[0], "政府信息公开工作年度报告格式模板");
  EXPECT_EQ(dump[6], "T1R3: 规章|||");
  EXPECT_EQ(dump[10], "T1R7: 行政许可||^|^");
  EXPECT_EQ(
      dump[21],
      "T2R3: "
      "^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
      "|^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
      "|^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
      "|^自然人|商业 企业|科研 机构|社会公益组织|法律服务机构|其他|^总计");
  EXPECT_EQ(dump[42],
            "T2R24: ^三、本年度办理结果|（六）其他处理|"
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请||"
            "|||||");
  EXPECT_EQ(dump[51], "T3R4: ||||||||||||||");
}

TEST(DocxDecoder, CorruptZipIsAClearError) {
  std::string bytes =
      ReadFile(GOVREPORT_DATA_DIR "/samples/real/template-2021-blank.docx");
  absl::StatusOr<DecodedDocument> doc =
      DecodeDocx("cut.docx", bytes.substr(0, bytes.size() / 2));
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(),
              HasSubstr("cut.docx: not a readable ZIP archive"));

  std::string flipped = bytes;
  // Damage the deflated data of every member: CRC or inflate must fail.
  for (size_t i = 200; i < flipped.size() - 2000; i += 97) flipped[i] ^= 0x5A;
  doc = DecodeDocx("flipped.docx", flipped);
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("flipped.docx: "));
}

TEST(DocxDecoder, ZipWithoutWordDocumentIsNotADocx) {
  std::string xlsx = PackDocx("<x/>");
  // Rename word/document.xml in both headers.
  for (size_t pos = 0;
       (pos = xlsx.find("word/document.xml", pos)) != std::string::npos;) {
    xlsx.replace(pos, 4, "xxxx");
  }
  absl::StatusOr<DecodedDocument> doc = DecodeDocx("sheet.xlsx", xlsx);
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(),
              HasSubstr("sheet.xlsx: a ZIP archive without word/document.xml"));
}

TEST(DocxDecoder, MalformedXmlNamesTheOffset) {
  absl::StatusOr<DecodedDocument> doc =
      DecodeDocx("bad.docx", PackDocx("<w:document><w:body><w:p>"));
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(),
              HasSubstr("bad.docx: word/document.xml is not well-formed XML at "
                        "byte"));
}

TEST(DocxDecoder, DecompressionOverTheLimitIsRefusedByDeclaredSize) {
  DocxBody body;
  for (int i = 0; i < 2000; ++i) body.Paragraph("重复的段落文字重复的段落文字");
  DecodeOptions options;
  options.max_decompressed_bytes = 64 * 1024;
  absl::StatusOr<DecodedDocument> doc =
      DecodeDocx("big.docx", PackDocx(body.Xml()), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(doc.status().message(),
              HasSubstr("big.docx: word/document.xml declares"));
}

// A ZIP whose only member claims 100 bytes but inflates to `gigabytes`
// GiB: a fixed-Huffman deflate stream of one literal then back-references
// of length 258, written directly (compressing that much would be slow).
class BitWriter {
 public:
  void Put(uint32_t bits, int count) {  // LSB-first, as deflate packs.
    for (int i = 0; i < count; ++i) {
      acc_ |= ((bits >> i) & 1u) << used_;
      if (++used_ == 8) {
        out_.push_back(static_cast<char>(acc_));
        acc_ = 0;
        used_ = 0;
      }
    }
  }
  void PutReversed(uint32_t code, int count) {  // Huffman codes, MSB-first.
    for (int i = count - 1; i >= 0; --i) Put((code >> i) & 1u, 1);
  }
  std::string Finish() {
    if (used_ > 0) out_.push_back(static_cast<char>(acc_));
    return out_;
  }

 private:
  std::string out_;
  uint32_t acc_ = 0;
  int used_ = 0;
};

std::string BombDeflate(uint64_t bytes) {
  BitWriter w;
  w.Put(1, 1);                   // Final block.
  w.Put(1, 2);                   // Fixed Huffman.
  w.PutReversed(0x30 + '<', 8);  // Literal '<' (codes 0x30.. for 0-143).
  for (uint64_t n = 1; n + 258 <= bytes; n += 258) {
    w.PutReversed(0xC5, 8);  // Length code 285 = 258 (11000101).
    w.PutReversed(0, 5);     // Distance code 0 = 1.
  }
  w.PutReversed(0, 7);  // End of block (256).
  return w.Finish();
}

void Le16(std::string& s, uint16_t v) {
  s.push_back(static_cast<char>(v));
  s.push_back(static_cast<char>(v >> 8));
}
void Le32(std::string& s, uint32_t v) {
  Le16(s, static_cast<uint16_t>(v));
  Le16(s, static_cast<uint16_t>(v >> 16));
}

std::string BombZip(uint64_t inflated, uint32_t declared) {
  const std::string name = "word/document.xml";
  std::string data = BombDeflate(inflated);
  std::string zip;
  auto header = [&](bool central) {
    Le32(zip, central ? 0x02014b50 : 0x04034b50);
    if (central) Le16(zip, 20);
    Le16(zip, 20);  // Version needed.
    Le16(zip, 0);   // Flags.
    Le16(zip, 8);   // Deflate.
    Le16(zip, 0);
    Le16(zip, 0x21);
    Le32(zip, 0x12345678);  // CRC (never reached).
    Le32(zip, static_cast<uint32_t>(data.size()));
    Le32(zip, declared);
    Le16(zip, static_cast<uint16_t>(name.size()));
    Le16(zip, 0);
    if (central) {
      Le16(zip, 0);
      Le16(zip, 0);
      Le16(zip, 0);
      Le32(zip, 0);
      Le32(zip, 0);  // Local header offset.
    }
    zip += name;
  };
  header(false);
  zip += data;
  uint32_t central_offset = static_cast<uint32_t>(zip.size());
  header(true);
  uint32_t central_size = static_cast<uint32_t>(zip.size()) - central_offset;
  Le32(zip, 0x06054b50);
  Le16(zip, 0);
  Le16(zip, 0);
  Le16(zip, 1);
  Le16(zip, 1);
  Le32(zip, central_size);
  Le32(zip, central_offset);
  Le16(zip, 0);
  return zip;
}

TEST(DocxDecoder, ZipBombThatLiesAboutItsSizeStopsAtTheLimit) {
  // 2 GiB of XML declared as 100 bytes; the default limit is 256 MiB.
  std::string bomb = BombZip(uint64_t{2} << 30, 100);
  ASSERT_LT(bomb.size(), 16u << 20);
  absl::StatusOr<DecodedDocument> doc = DecodeDocx("bomb.docx", bomb);
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("bomb.docx: "));
  // libzip may notice the size lie itself; otherwise the budget stops it.
  EXPECT_TRUE(doc.status().code() == absl::StatusCode::kResourceExhausted ||
              doc.status().code() == absl::StatusCode::kDataLoss)
      << doc.status();
}

TEST(DocxDecoder, ZipBombDeclaringItsSizeIsRefusedBeforeInflating) {
  std::string bomb = BombZip(uint64_t{1} << 30, 1u << 30);
  absl::StatusOr<DecodedDocument> doc = DecodeDocx("bomb.docx", bomb);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(doc.status().message(),
              HasSubstr("bomb.docx: word/document.xml declares 1073741824 "
                        "bytes uncompressed, over the decompression limit"));
}

}  // namespace
}  // namespace govreport::parser
