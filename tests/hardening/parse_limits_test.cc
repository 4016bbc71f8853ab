// The per-document limits of a parse (ParserOptions.max_parse_time,
// max_parse_memory_bytes): a document past either fails with a clear error
// naming it, the limit and where the parse stopped; a normal one passes.
//
// The deadline tests use a clock that advances one second per reading, so
// the place each parse stops at is exact and independent of machine speed.

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser-svc/decoders/parse_budget.h"
#include "parser-svc/parser.h"

namespace govreport::parser {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string ReadSample(const std::string& relative) {
  std::ifstream in(std::string(GOVREPORT_DATA_DIR) + "/samples/" + relative,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Reads 0 s, 1 s, 2 s, ... after the epoch, one second per call.
std::function<absl::Time()> SteppingClock() {
  auto calls = std::make_shared<int64_t>(0);
  return [calls] { return absl::UnixEpoch() + absl::Seconds((*calls)++); };
}

ParserOptions SteppedOptions(absl::Duration limit) {
  ParserOptions options;
  options.max_parse_time = limit;
  options.clock = SteppingClock();
  return options;
}

constexpr char kSeed[] = "seeds/000_875541e45b987938.txt";
constexpr char kPdf[] = "real/hongze-district-2024.pdf";
constexpr char kDocx[] = "real/template-2021-blank.docx";
constexpr char kHtml[] = "real/city-2025-sample.html";

TEST(ParseLimits, NormalDocumentsPassWithTheDefaultLimits) {
  Parser parser(ParserOptions{});
  absl::StatusOr<v1::Report> text = parser.Parse("seed.txt", ReadSample(kSeed));
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(text->year(), 2023);
  EXPECT_EQ(text->agency(), "西工区西工街道办事处");
  absl::StatusOr<v1::Report> pdf = parser.Parse("hongze.pdf", ReadSample(kPdf));
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  EXPECT_EQ(pdf->year(), 2024);
  EXPECT_EQ(pdf->template_(), v1::TEMPLATE_HYBRID);
}

TEST(ParseLimits, TextStopsInTheTableEngineOncePastTheDeadline) {
  // Readings: 0 s at the start, 1 s after decoding (within 1.5 s), 2 s at
  // the grid's first line (expired: the engine stops), 3 s after the grid.
  Parser parser(SteppedOptions(absl::Milliseconds(1500)));
  absl::StatusOr<v1::Report> report =
      parser.Parse("seed.txt", ReadSample(kSeed));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(std::string(report.status().message()),
            "seed.txt: parsing took longer than the limit of 1.5s per document "
            "(--max_parse_seconds); stopped at the table engine's grid after "
            "3s");
}

TEST(ParseLimits, PdfStopsAtThePageWhereTheDeadlinePassed) {
  Parser parser(SteppedOptions(absl::Milliseconds(2500)));
  absl::StatusOr<v1::Report> report =
      parser.Parse("hongze.pdf", ReadSample(kPdf));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(std::string(report.status().message()),
            "hongze.pdf: parsing took longer than the limit of 2.5s per "
            "document (--max_parse_seconds); stopped at PDF page 3 after 3s");
}

TEST(ParseLimits, DocxStopsAtTheParagraphWhereTheDeadlinePassed) {
  Parser parser(SteppedOptions(absl::Milliseconds(4500)));
  absl::StatusOr<v1::Report> report =
      parser.Parse("blank.docx", ReadSample(kDocx));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(std::string(report.status().message()),
            "blank.docx: parsing took longer than the limit of 4.5s per "
            "document (--max_parse_seconds); stopped at DOCX paragraph or row "
            "5 after 5s");
}

TEST(ParseLimits, HtmlStopsAfterTheTreeWhenTheDeadlinePassed) {
  Parser parser(SteppedOptions(absl::Milliseconds(500)));
  absl::StatusOr<v1::Report> report =
      parser.Parse("city.html", ReadSample(kHtml));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(std::string(report.status().message()),
            "city.html: parsing took longer than the limit of 500ms per "
            "document (--max_parse_seconds); stopped at the HTML tree after "
            "1s");
}

TEST(ParseLimits, HtmlNodesAreCheckedEvery256) {
  // A page of 600 paragraphs: the tree passes at 1 s, node 256 at 2 s,
  // node 512 at 3 s.
  std::string page = "<html><body>";
  for (int i = 0; i < 600; ++i) page += "<p>第" + std::to_string(i) + "段</p>";
  page += "</body></html>";
  Parser parser(SteppedOptions(absl::Milliseconds(2500)));
  absl::StatusOr<v1::Report> report = parser.Parse("long.html", page);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr("stopped at HTML node 512 after 3s"));
}

TEST(ParseLimits, RealClockDeadlineStopsABigDocument) {
  // 8 MiB of table-like lines cannot be decoded, folded and searched in
  // 1 ms; the parse stops with the deadline error instead of finishing.
  std::string text;
  while (text.size() < (size_t{8} << 20)) {
    text += "（一）本年新收政府信息公开申请数量\t12\t3\t4\t5\t6\t7\t8\n";
  }
  ParserOptions options;
  options.max_parse_time = absl::Milliseconds(1);
  Parser parser(options);
  absl::StatusOr<v1::Report> report = parser.Parse("big.txt", text);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(std::string(report.status().message()),
              StartsWith("big.txt: parsing took longer than the limit of 1ms "
                         "per document (--max_parse_seconds); stopped at "));
}

TEST(ParseLimits, TextOverTheMemoryLimitFailsBeforeDecoding) {
  // 6 MiB of text is charged 18 MiB (UTF-8 text and the decoder's copy).
  std::string text(size_t{6} << 20, 'a');
  ParserOptions options;
  options.max_parse_memory_bytes = size_t{16} << 20;
  Parser parser(options);
  absl::StatusOr<v1::Report> report = parser.Parse("wide.txt", text);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(report.status().message()),
            "wide.txt: parsing would hold about 18.0 MiB (text in UTF-8: "
            "18.0 MiB), over the limit of 16 MiB per document "
            "(--max_parse_memory_bytes)");
}

TEST(ParseLimits, HtmlOverTheMemoryLimitFailsBeforeBuildingTheTree) {
  // 4 MiB of page: 8 MiB in UTF-8, then 48 MiB of tree: over 32 MiB.
  std::string page = "<html><body><p>";
  page.resize(size_t{4} << 20, 'x');
  ParserOptions options;
  options.max_parse_memory_bytes = size_t{32} << 20;
  Parser parser(options);
  absl::StatusOr<v1::Report> report = parser.Parse("huge.html", page);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(report.status().message()),
            "huge.html: parsing would hold about 56.0 MiB (HTML tree: 48.0 "
            "MiB), "
            "over the limit of 32 MiB per document (--max_parse_memory_bytes)");
}

TEST(ParseLimits, PdfOverTheMemoryLimitFailsAtAPage) {
  // The objects (4 x 240143 bytes) fit; the pages' text does not.
  ParserOptions options;
  options.max_parse_memory_bytes = 4 * 240143 + 20'000;
  Parser parser(options);
  absl::StatusOr<v1::Report> report =
      parser.Parse("hongze.pdf", ReadSample(kPdf));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(report.status().message()),
            "hongze.pdf: parsing would hold about 968.1 KiB (text of PDF page "
            "3: 14.0 KiB), over the limit of 980572 bytes per document "
            "(--max_parse_memory_bytes)");
}

TEST(ParseLimits, DocxOverTheMemoryLimitFailsBeforeTheXmlTree) {
  ParserOptions options;
  options.max_parse_memory_bytes = 100'000;
  Parser parser(options);
  absl::StatusOr<v1::Report> report =
      parser.Parse("blank.docx", ReadSample(kDocx));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(report.status().message()),
              StartsWith("blank.docx: parsing would hold about "));
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr("(word/document.xml as XML: "));
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr("over the limit of 100000 bytes per document"));
}

TEST(ParseLimits, DecodedDocumentIsChargedBeforeTheTableEngine) {
  // 2 MiB of short lines: decoding fits, the estimate of the copies and
  // the grid does not.
  std::string text;
  while (text.size() < (size_t{2} << 20)) text += "第一行文字\n";
  ParserOptions options;
  options.max_parse_memory_bytes = size_t{40} << 20;
  Parser parser(options);
  absl::StatusOr<v1::Report> report = parser.Parse("lines.txt", text);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr("(decoded text, its copies and the table engine's "
                        "grid: "));
}

TEST(ParseBudget, ChargesAddUpAndARefusedChargeIsNotKept) {
  ParseBudget budget("a.txt", {.max_time = absl::InfiniteDuration(),
                               .max_memory_bytes = 100});
  EXPECT_TRUE(budget.Charge(60, "first").ok());
  EXPECT_EQ(budget.Charge(50, "second").code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(budget.charged(), 60u);
  EXPECT_TRUE(budget.Charge(40, "third").ok());
  EXPECT_EQ(budget.charged(), 100u);
  budget.Release(70);
  EXPECT_EQ(budget.charged(), 30u);
  EXPECT_EQ(budget.peak(), 100u);
  EXPECT_TRUE(budget.Charge(70, "after a release").ok());
  EXPECT_FALSE(budget.Expired());
  EXPECT_TRUE(budget.CheckTime("anywhere").ok());
}

}  // namespace
}  // namespace govreport::parser
