#include "parser-svc/decoders/format_sniffer.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/parser/decoders/docx_writer.h"
#include "tests/parser/decoders/read_file.h"

namespace govreport::parser {
namespace {

using ::govreport::testing::ReadFile;

std::string Sample(const std::string& name) {
  return ReadFile(GOVREPORT_DATA_DIR "/samples/real/" + name);
}

TEST(FormatSniffer, TellsTheSampleFormatsFromTheirBytes) {
  EXPECT_EQ(DetectFormat(Sample("city-2025-sample.html")),
            v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(DetectFormat(Sample("shanghai-office-2019-v2019-tables.html")),
            v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(DetectFormat(Sample("hongze-district-2024.pdf")),
            v1::DOCUMENT_FORMAT_PDF);
  EXPECT_EQ(DetectFormat(Sample("template-2021-blank.docx")),
            v1::DOCUMENT_FORMAT_DOCX);
  EXPECT_EQ(DetectFormat(Sample("pingtan-2023-flattened.txt")),
            v1::DOCUMENT_FORMAT_TEXT);
  EXPECT_EQ(DetectFormat(Sample("shanghai-stc-2024-pdf-markdown.md")),
            v1::DOCUMENT_FORMAT_TEXT);
}

TEST(FormatSniffer, FindsMarkupAfterBomWhitespaceCommentsAndDoctype) {
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF<html><body>x</body></html>"),
            v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(DetectFormat("\n\n   \t<!-- saved from url=(0042) -->\n"
                         "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">"),
            v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(DetectFormat("<?xml version=\"1.0\"?>\n<HTML><HEAD>"),
            v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(DetectFormat("<p>一、总体情况</p>"), v1::DOCUMENT_FORMAT_HTML);
  EXPECT_EQ(DetectFormat("  <TABLE border=1><tr><td>1</td></tr></TABLE>"),
            v1::DOCUMENT_FORMAT_HTML);
  // UTF-16LE with BOM: "<html>".
  EXPECT_EQ(DetectFormat(std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14)),
            v1::DOCUMENT_FORMAT_HTML);
}

TEST(FormatSniffer, TextThatMentionsTagsLaterIsText) {
  EXPECT_EQ(DetectFormat("一、总体情况\n<table> is not at the start\n"),
            v1::DOCUMENT_FORMAT_TEXT);
  EXPECT_EQ(DetectFormat("<本年度报告>"), v1::DOCUMENT_FORMAT_TEXT);
  EXPECT_EQ(DetectFormat("<!-- a comment that never ends"),
            v1::DOCUMENT_FORMAT_TEXT);
  EXPECT_EQ(DetectFormat("| 规章 | 0 |\n"), v1::DOCUMENT_FORMAT_TEXT);
}

TEST(FormatSniffer, PdfHeaderMayFollowJunk) {
  EXPECT_EQ(DetectFormat("\r\n\r\n%PDF-1.7\n"), v1::DOCUMENT_FORMAT_PDF);
  EXPECT_EQ(DetectFormat(std::string(2000, ' ') + "%PDF-1.7"),
            v1::DOCUMENT_FORMAT_TEXT);
}

TEST(FormatSniffer, ZipIsDocxOnlyWithAWordDocumentPart) {
  std::string docx = testing::PackDocx("<w:document/>");
  EXPECT_EQ(DetectFormat(docx), v1::DOCUMENT_FORMAT_DOCX);
  std::string other("PK\x03\x04", 4);
  other += "xl/workbook.xml";
  EXPECT_EQ(DetectFormat(other), v1::DOCUMENT_FORMAT_UNSPECIFIED);
  EXPECT_EQ(DescribeUnknownFormat(other),
            "a ZIP archive without word/document.xml (not a DOCX document)");
}

TEST(FormatSniffer, LegacyWordFileIsNamed) {
  std::string doc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  doc += std::string(100, '\0');
  EXPECT_EQ(DetectFormat(doc), v1::DOCUMENT_FORMAT_UNSPECIFIED);
  EXPECT_EQ(DescribeUnknownFormat(doc),
            "a legacy Office (.doc/.xls) file; save it as DOCX or PDF first");
}

}  // namespace
}  // namespace govreport::parser
