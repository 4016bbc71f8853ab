#include "parser-svc/decoders/html_decoder.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser-svc/decoders/html_charset.h"
#include "tests/parser/decoders/doc_dump.h"
#include "tests/parser/decoders/read_file.h"

namespace govreport::parser {
namespace {

using ::govreport::testing::Dump;
using ::govreport::testing::ReadFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> DecodeToDump(const std::string& html) {
  absl::StatusOr<DecodedDocument> doc = DecodeHtml("t.html", html);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? Dump(*doc) : std::vector<std::string>{};
}

TEST(HtmlDecoder, ExpandsRowspanAndColspanIntoSpanCopies) {
  EXPECT_THAT(
      DecodeToDump(
          "<table>"
          "<tr><td rowspan=2 colspan=2>勾稽</td><td colspan=2>申请人</td></tr>"
          "<tr><td>自然人</td><td>总计</td></tr>"
          "<tr><td rowspan=\"2\">三、办理结果</td><td>（一）予以公开</td>"
          "<td>5</td><td></td></tr>"
          "<tr><td>（二）部分公开</td><td>0</td><td>1</td></tr>"
          "</table>"),
      ElementsAre("T1R1: 勾稽|^勾稽|申请人|^申请人",
                  "T1R2: ^勾稽|^勾稽|自然人|总计",
                  "T1R3: 三、办理结果|（一）予以公开|5|",
                  "T1R4: ^三、办理结果|（二）部分公开|0|1"));
}

TEST(HtmlDecoder, LocatesEveryGridCell) {
  absl::StatusOr<DecodedDocument> doc =
      DecodeHtml("t.html",
                 "<p>x</p><table><tr><td>a</td><td>b</td></tr></table>"
                 "<table><tr><td "
                 "colspan=2>c</td></tr><tr><td>d</td><td>e</td></tr></table>");
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->lines.size(), 4u);
  const DocCell& e = doc->lines[3].cells[1];
  EXPECT_EQ(e.text, "e");
  EXPECT_EQ(e.location.table(), 2u);
  EXPECT_EQ(e.location.row(), 2u);
  EXPECT_EQ(e.location.column(), 2u);
  EXPECT_EQ(e.location.page(), 0u);
  EXPECT_TRUE(doc->lines[2].cells[1].span_copy);
  EXPECT_EQ(doc->lines[2].cells[1].location.column(), 2u);
  EXPECT_TRUE(doc->lines[3].is_grid_row);
  EXPECT_FALSE(doc->lines[0].is_grid_row);
}

TEST(HtmlDecoder, PadsRaggedRowsWithBlankCells) {
  EXPECT_THAT(DecodeToDump("<table><tr><td>a</td><td>b</td><td>c</td></tr>"
                           "<tr><td>d</td></tr></table>"),
              ElementsAre("T1R1: a|b|c", "T1R2: d||"));
}

TEST(HtmlDecoder, TextBlocksBecomeLinesInOrder) {
  EXPECT_THAT(
      DecodeToDump(
          "<html><head><title>某局2023年政府信息公开工作年度报告</title>"
          "<style>p{}</style><script>var a='不要';</script></head><body>"
          "<h1>某局2023年  政府信息公开\n工作年度报告</h1>"
          "<p>一、总体情况<br>第二行&nbsp;</p><div>　　正文<span>继续</span></"
          "div>"
          "<ul><li>甲</li><li>乙</li></ul>"
          "<pre>规章\t0\t1\n\n行政许可\t3</pre></body></html>"),
      ElementsAre("某局2023年政府信息公开工作年度报告",
                  "某局2023年 政府信息公开 工作年度报告", "一、总体情况",
                  "第二行", "正文继续", "甲", "乙", "规章\t0\t1",
                  "行政许可\t3"));
}

TEST(HtmlDecoder, DropsNavigationHiddenAndFooterButKeepsFilingNumber) {
  EXPECT_THAT(
      DecodeToDump(
          "<body><div id=\"nav\"><a>首页</a><a>政务公开</a></div>"
          "<nav>栏目</nav><div class=\"crumbs\">当前位置：首页</div>"
          "<div style=\"display: none\">隐藏</div><p hidden>也隐藏</p>"
          "<div class=\"article\"><p>正文</p></div>"
          "<div class=\"footer\"><p>主办：某某区人民政府办公室</p>"
          "<p>陕公网安备 61011502000007号</p></div><footer>版权所有</footer>"
          "</body>"),
      ElementsAre("正文", "陕公网安备 61011502000007号"));
}

TEST(HtmlDecoder, LayoutTableAroundTheContentDoesNotSwallowDataTables) {
  EXPECT_THAT(
      DecodeToDump("<table width=100%><tr><td>"
                   "<table><tr><td>网站首页</td></tr></table></td></tr>"
                   "<tr><td><p>二、主动公开政府信息情况</p>"
                   "<table border=1><tr><td>规章</td><td>3</td></tr>"
                   "<tr><td>行政规范性文件</td><td>4</td></tr></table>"
                   "<p>三、收到和处理</p>"
                   "<table border=1><tr><td>自然人</td><td>7</td></tr></table>"
                   "</td></tr></table>"),
      ElementsAre("网站首页", "二、主动公开政府信息情况", "T1R1: 规章|3",
                  "T1R2: 行政规范性文件|4", "三、收到和处理",
                  "T2R1: 自然人|7"));
}

TEST(HtmlDecoder, SingleCellFramesAndSpacersAreNotTables) {
  EXPECT_THAT(DecodeToDump("<table><tr><td><p>一、总体情况</p><p>正文</p>"
                           "</td></tr></table>"
                           "<table><tr><td>&nbsp;</td><td> </td></tr></table>"
                           "<table><caption>表一</caption>"
                           "<tr><td>a</td><td>1</td></tr></table>"),
              ElementsAre("一、总体情况", "正文", "表一", "T1R1: a|1"));
}

TEST(HtmlDecoder, CellTextJoinsLinesAndParagraphsWithSpaces) {
  EXPECT_THAT(DecodeToDump("<table><tr><td><p>商业</p><p>企业</p></td>"
                           "<td>法律<br/>服务<br>机构</td><td>\n 1,234 \n</td>"
                           "</tr></table>"),
              ElementsAre("T1R1: 商业 企业|法律 服务 机构|1,234"));
}

TEST(HtmlDecoder, ReadsTheCitySampleTables) {
  absl::StatusOr<DecodedDocument> doc = DecodeHtml(
      "city-2025-sample.html",
      ReadFile(GOVREPORT_DATA_DIR "/samples/real/city-2025-sample.html"));
  ASSERT_TRUE(doc.ok()) << doc.status();
  std::vector<std::string> dump = Dump(*doc);
  ASSERT_EQ(dump.size(), 59u);
  EXPECT_EQ(dump[0], "测试市2025年政府信息公开工作年度报告");
  EXPECT_EQ(dump[9], "T1R3: 规章|3|5|74");
  EXPECT_EQ(dump[13], "T1R7: 行政许可|11398889|^11398889|^11398889");
  EXPECT_EQ(
      dump[24],
      "T2R3: "
      "^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
      "|^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
      "|^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
      "||商业企业|科研机构|社会公益组织|法律服务机构|其他|");
  EXPECT_EQ(
      dump[29],
      "T2R8: "
      "^三、本年度办理结果|（三）不予公开|1.属于国家秘密|13|0|0|0|0|0|13");
  EXPECT_EQ(dump[49],
            "T2R28: 四、结转下年度继续办理|^四、结转下年度继续办理|"
            "^四、结转下年度继续办理|783|6|0|2|25|3|819");
  EXPECT_EQ(dump[54], "T3R4: 376|97|196|121|790|16|1|12|27|56|74|1|30|51|156");
  EXPECT_EQ(doc->encoding, "UTF-8");
}

TEST(HtmlDecoder, ReadsGb18030PagesByMetaOrByDetection) {
  const std::string body =
      "<p>行政许可</p><table><tr><td>自然人</td><td>12</td></tr></table>";
  for (const char* head :
       {"<meta charset=\"gb2312\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">",
        ""}) {
    std::string utf8 = absl::StrCat("<html><head>", head, "</head><body>", body,
                                    "</body></html>");
    std::string gb = *ConvertFromUtf8(utf8, "GB18030");
    absl::StatusOr<DecodedDocument> doc = DecodeHtml("gb.html", gb);
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ(doc->encoding, "GB18030") << head;
    EXPECT_THAT(Dump(*doc), ElementsAre("行政许可", "T1R1: 自然人|12"));
  }
}

TEST(HtmlDecoder, UsesTheByteOrderMark) {
  std::string utf16le("\xFF\xFE", 2);
  for (char c : std::string("<p>ok</p>")) {
    utf16le.push_back(c);
    utf16le.push_back('\0');
  }
  absl::StatusOr<DecodedDocument> doc = DecodeHtml("u16.html", utf16le);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->encoding, "UTF-16LE");
  EXPECT_THAT(Dump(*doc), ElementsAre("ok"));
}

TEST(HtmlDecoder, WrongDeclarationLosesToTheBytes) {
  // Declares UTF-8 but is GB18030: read as GB18030, not as mojibake.
  std::string gb = *ConvertFromUtf8(
      "<meta charset=utf-8><p>政府信息公开工作年度报告</p>", "GB18030");
  absl::StatusOr<DecodedDocument> doc = DecodeHtml("lie.html", gb);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->encoding, "GB18030");
  EXPECT_THAT(Dump(*doc), ElementsAre("政府信息公开工作年度报告"));
}

TEST(HtmlDecoder, UndecidableBytesAreAnErrorNamingTheFile) {
  std::string bad = "<p>\x81\x20\xFF\xFE\x80 abc</p>";
  absl::StatusOr<DecodedDocument> doc = DecodeHtml("bad.html", bad);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(doc.status().message(),
              HasSubstr("bad.html: cannot tell the page's character encoding"));
}

TEST(HtmlDecoder, TenThousandTablesAreAllRead) {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) {
    absl::StrAppend(&html, "<table><tr><td>行", i, "</td><td>", i,
                    "</td></tr></table>");
  }
  absl::StatusOr<DecodedDocument> doc = DecodeHtml("many.html", html);
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->lines.size(), 10000u);
  EXPECT_EQ(doc->lines[9999].cells[1].text, "9999");
  EXPECT_EQ(doc->lines[9999].cells[1].location.table(), 10000u);
}

TEST(HtmlDecoder, TwentyMegabytePageIsRead) {
  std::string html = "<html><body>";
  const std::string para = "<p>" + std::string(990, 'x') + "</p>\n";
  while (html.size() < (20u << 20)) html += para;
  html += "<table><tr><td>规章</td><td>7</td></tr></table></body></html>";
  absl::StatusOr<DecodedDocument> doc = DecodeHtml("big.html", html);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(Dump(*doc).back(), "T1R1: 规章|7");
}

TEST(HtmlDecoder, DeepNestingIsHarmless) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div><span>";
  html += "深处";
  absl::StatusOr<DecodedDocument> doc = DecodeHtml("deep.html", html);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(Dump(*doc), ElementsAre("深处"));
}

TEST(HtmlDecoder, ExpansionPastTheCellLimitIsRefused) {
  std::string html = "<table>";
  for (int i = 0; i < 200; ++i) {
    html += "<tr><td colspan=1000>x</td></tr><tr><td rowspan=65534>y</td></tr>";
  }
  html += "</table>";
  DecodeOptions options;
  options.max_grid_cells = 100000;
  absl::StatusOr<DecodedDocument> doc =
      DecodeHtmlUtf8("wide.html", html, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(doc.status().message(),
              HasSubstr("wide.html: the tables expand to more grid cells"));
}

}  // namespace
}  // namespace govreport::parser
