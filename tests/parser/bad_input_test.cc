// Bad input never crashes: a clear error, or a partial Report whose notes
// say what is missing.

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "parser-svc/parser.h"

namespace govreport::parser {
namespace {

std::string ReadSample(const std::string& rel) {
  std::ifstream in(std::string(GOVREPORT_DATA_DIR) + "/samples/" + rel,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const v1::ParseNote* FindNote(const v1::Report& r, absl::string_view code) {
  for (const auto& n : r.notes()) {
    if (n.code() == code) return &n;
  }
  return nullptr;
}

const v1::Cell& CellOf(const v1::Report& r, absl::string_view key) {
  for (const auto& c : r.cells()) {
    if (c.key() == key) return c;
  }
  static v1::Cell none;
  return none;
}

TEST(ParserBadInput, EmptyDocumentIsAnError) {
  Parser parser({});
  auto r = parser.Parse("empty.txt", "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(
      absl::StrContains(r.status().message(), "empty.txt: empty document"))
      << r.status();
}

TEST(ParserBadInput, BlankDocumentIsAnError) {
  Parser parser({});
  auto r = parser.Parse("blank.txt", "  \n\n\t\n");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::StrContains(r.status().message(), "no text")) << r.status();
}

TEST(ParserBadInput, BinaryDocumentIsAnErrorNamingTheOffset) {
  std::mt19937 rng(7);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  bytes[10] = '\0';
  Parser parser({});
  auto r = parser.Parse("noise.bin", bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(
      absl::StrContains(r.status().message(), "noise.bin: binary content"))
      << r.status();
}

TEST(ParserBadInput,
     TruncatedMidTableGivesAPartialReportThatSaysWhatIsMissing) {
  std::string bytes = ReadSample("seeds/002_6a46581b0013c0e7.txt");
  size_t cut = bytes.find("(五) 不予处理");
  ASSERT_NE(cut, std::string::npos);
  bytes.resize(cut);
  Parser parser({});
  auto r = parser.Parse("truncated.txt", bytes);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(CellOf(*r, "t3.unable.unclear.total").state(),
            v1::CELL_STATE_VALUE);
  EXPECT_EQ(CellOf(*r, "t3.noproc.petition.total").state(),
            v1::CELL_STATE_ABSENT);
  const v1::ParseNote* missing = FindNote(*r, "MISSING_CELLS");
  ASSERT_NE(missing, nullptr);
  EXPECT_TRUE(absl::StrContains(missing->message(), "table 3"))
      << missing->message();
  // 10 rows × 7 cells are gone: noproc (5), other (3), total_done, carry_out.
  EXPECT_EQ(missing->cells_size(), 70);
  const v1::ParseNote* table4 = FindNote(*r, "TABLE_MISSING");
  ASSERT_NE(table4, nullptr);
  EXPECT_TRUE(absl::StrContains(table4->message(), "table 4"))
      << table4->message();
}

TEST(ParserBadInput, DocumentOverTheSizeLimitIsRefused) {
  std::string bytes(50u << 20, 'a');
  Parser parser({});
  auto r = parser.Parse("huge.txt", bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(absl::StrContains(r.status().message(),
                                "huge.txt: document is 52428800 bytes"))
      << r.status();
}

TEST(ParserBadInput, TableRepeatedTenThousandTimesReadsTheFirstCopy) {
  std::string seed = ReadSample("seeds/002_6a46581b0013c0e7.txt");
  size_t begin = seed.find("(本列数据");
  size_t end = seed.find("四、政府信息公开行政复议");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  std::string table = seed.substr(begin, end - begin);
  std::string bytes = seed.substr(0, end);
  for (int i = 0; i < 10000; ++i) bytes += table;
  ParserOptions options;
  options.max_document_bytes = 64u << 20;
  Parser parser(options);
  auto r = parser.Parse("repeated.txt", bytes);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(CellOf(*r, "t3.carry_out.total").count(), 0);
  EXPECT_EQ(CellOf(*r, "t3.carry_out.total").state(), v1::CELL_STATE_VALUE);
  EXPECT_NE(FindNote(*r, "TRUNCATED_INPUT"), nullptr);
  // With the default limit the same bytes are refused outright.
  Parser strict({});
  auto refused = strict.Parse("repeated.txt", bytes);
  if (bytes.size() > ParserOptions().max_document_bytes) {
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kResourceExhausted);
  }
}

TEST(ParserBadInput, NotAReportIsReadAsSuch) {
  Parser parser({});
  auto r = parser.Parse("letter.txt",
                        "关于做好有关工作的函\n各单位：\n请按要求办理。\n某某局"
                        "办公室\n2024年3月1日\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->is_annual_report());
  EXPECT_EQ(r->template_(), v1::TEMPLATE_UNKNOWN);
  EXPECT_EQ(r->agency(), "某某局办公室");
  for (const auto& c : r->cells())
    EXPECT_FALSE(c.has_count() || c.has_amount()) << c.key();
}

}  // namespace
}  // namespace govreport::parser

namespace govreport::parser {
namespace {

TEST(ParserBlankTemplate, TablesWithoutFiguresAreAFormNotAReport) {
  // The official template's tables with every cell empty.
  std::string seed = ReadSample("seeds/002_6a46581b0013c0e7.txt");
  size_t begin = seed.find("二、主动公开政府信息情况");
  size_t end = seed.find("五、存在的主要问题");
  ASSERT_NE(begin, std::string::npos);
  std::string tables = seed.substr(begin, end - begin);
  std::string blank;
  for (size_t i = 0; i < tables.size(); ++i) {
    bool lone_zero =
        tables[i] == '0' &&
        (i == 0 || tables[i - 1] == '\t' || tables[i - 1] == '\n') &&
        (i + 1 == tables.size() || tables[i + 1] == '\t' ||
         tables[i + 1] == '\n');
    blank +=
        lone_zero ? std::string("\xE3\x80\x80") : std::string(1, tables[i]);
  }
  Parser parser({});
  auto r = parser.Parse("template.txt",
                        "政府信息公开工作年度报告格式模板\n" + blank);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->is_annual_report());
  EXPECT_EQ(r->template_(), v1::TEMPLATE_V2021);
  for (const auto& c : r->cells()) {
    EXPECT_FALSE(c.has_count() || c.has_amount()) << c.key();
  }
  EXPECT_EQ(CellOf(*r, "t2.rules.issued").state(), v1::CELL_STATE_BLANK);
}

}  // namespace
}  // namespace govreport::parser
