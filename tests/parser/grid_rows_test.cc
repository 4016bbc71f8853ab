// HTML, DOCX and PDF decoders hand the engine table rows already split into
// cells (DocLine::is_grid_row): the same tables must read the same, with
// grid locations on every cell, and span copies must not count twice.

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_split.h"
#include "common/report/report_export.h"
#include "gtest/gtest.h"
#include "parser-svc/decoded_document.h"
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

// Tab-separated lines become grid rows of one table per block of tab lines.
DecodedDocument AsGrid(const std::string& text, bool add_span_copy) {
  DecodedDocument doc;
  doc.format = v1::DOCUMENT_FORMAT_HTML;
  doc.encoding = "UTF-8";
  uint32_t table = 0, row = 0;
  bool in_table = false;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    DocLine out;
    if (line.find('\t') == absl::string_view::npos) {
      in_table = false;
      DocCell c;
      c.text = std::string(line);
      out.cells.push_back(std::move(c));
    } else {
      if (!in_table) {
        ++table;
        row = 0;
        in_table = true;
      }
      ++row;
      out.is_grid_row = true;
      uint32_t column = 0;
      for (absl::string_view cell : absl::StrSplit(line, '\t')) {
        DocCell c;
        c.text = std::string(cell);
        c.location.set_table(table);
        c.location.set_row(row);
        c.location.set_column(++column);
        out.cells.push_back(c);
        if (add_span_copy && cell == "行政许可") {
          // A colspan copy of the label, then the value and its copy.
          DocCell copy = c;
          copy.span_copy = true;
          out.cells.push_back(copy);
        }
      }
      if (add_span_copy && line.substr(0, 12) == "行政许可") {
        DocCell copy = out.cells.back();
        for (auto it = out.cells.rbegin(); it != out.cells.rend(); ++it) {
          if (it->text == "0") {
            copy = *it;
            break;
          }
        }
        copy.span_copy = true;
        out.cells.push_back(copy);
      }
    }
    doc.lines.push_back(std::move(out));
  }
  return doc;
}

TEST(GridRows, ReadLikeTheirTextAndCarryGridLocations) {
  std::string text = ReadSample("seeds/002_6a46581b0013c0e7.txt");
  Parser parser({});
  absl::StatusOr<v1::Report> want = parser.Parse("002.txt", text);
  ASSERT_TRUE(want.ok()) << want.status();
  for (bool span : {false, true}) {
    absl::StatusOr<v1::Report> got =
        parser.ParseDecoded("002.html", text, AsGrid(text, span));
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(ReportToJson(*got), ReportToJson(*want))
        << "span copies: " << span;
    for (const v1::Cell& c : got->cells()) {
      ASSERT_EQ(c.state(), v1::CELL_STATE_VALUE) << c.key();
      EXPECT_GT(c.location().table(), 0u) << c.key();
      EXPECT_GT(c.location().row(), 0u) << c.key();
      EXPECT_GT(c.location().column(), 0u) << c.key();
    }
  }
}

TEST(TextCells, CarryLineAndColumnSpans) {
  std::string text = ReadSample("seeds/002_6a46581b0013c0e7.txt");
  Parser parser({});
  absl::StatusOr<v1::Report> r = parser.Parse("002.txt", text);
  ASSERT_TRUE(r.ok());
  for (const v1::Cell& c : r->cells()) {
    if (c.key() != "t3.new.natural") continue;
    // "一、本年新收政府信息公开申请数量\t\t0\t…": the first 0 after two tabs.
    EXPECT_EQ(c.raw(), "0");
    EXPECT_GT(c.location().line(), 0u);
    EXPECT_EQ(c.location().column_begin(), 19u);
    EXPECT_EQ(c.location().column_end(), 20u);
  }
}

}  // namespace
}  // namespace govreport::parser
