#include "tests/generator/markup_render.h"

#include <charconv>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/report/cell_keys.h"
#include "parser-svc/decoders/html_charset.h"
#include "tests/parser/decoders/docx_writer.h"

namespace govreport::testing {
namespace {

// One cell of a template table: text, spans, and whether it is the truth
// value of a key.
struct Cell {
  std::string text;
  int rowspan = 1;
  int colspan = 1;
};
using Table = std::vector<std::vector<Cell>>;

struct T3Label {
  const char* top;    // Spans columns 1-3 (rows 一、二、四).
  const char* group;  // Column 2 group, with the number of its rows.
  int group_rows;
  const char* label;
};

// The 25 rows of table 3 in CONTRACT.md order, as the official template
// lays them out.
constexpr T3Label kT3[25] = {
    {"一、本年新收政府信息公开申请数量", nullptr, 0, nullptr},
    {"二、上年结转政府信息公开申请数量", nullptr, 0, nullptr},
    {nullptr, nullptr, 0, "（一）予以公开"},
    {nullptr, nullptr, 0,
     "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
    {nullptr, "（三）不予公开", 8, "1.属于国家秘密"},
    {nullptr, nullptr, 0, "2.其他法律行政法规禁止公开"},
    {nullptr, nullptr, 0, "3.危及“三安全一稳定”"},
    {nullptr, nullptr, 0, "4.保护第三方合法权益"},
    {nullptr, nullptr, 0, "5.属于三类内部事务信息"},
    {nullptr, nullptr, 0, "6.属于四类过程性信息"},
    {nullptr, nullptr, 0, "7.属于行政执法案卷"},
    {nullptr, nullptr, 0, "8.属于行政查询事项"},
    {nullptr, "（四）无法提供", 3, "1.本机关不掌握相关政府信息"},
    {nullptr, nullptr, 0, "2.没有现成信息需要另行制作"},
    {nullptr, nullptr, 0, "3.补正后申请内容仍不明确"},
    {nullptr, "（五）不予处理", 5, "1.信访举报投诉类申请"},
    {nullptr, nullptr, 0, "2.重复申请"},
    {nullptr, nullptr, 0, "3.要求提供公开出版物"},
    {nullptr, nullptr, 0, "4.无正当理由大量反复申请"},
    {nullptr, nullptr, 0, "5.要求行政机关确认或重新出具已获取信息"},
    {nullptr, "（六）其他处理", 3,
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
    {nullptr, nullptr, 0,
     "2."
     "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
    {nullptr, nullptr, 0, "3.其他"},
    {nullptr, nullptr, 0, "（七）总计"},
    {"四、结转下年度继续办理", nullptr, 0, nullptr},
};

std::string ValueText(const std::map<std::string, const v1::Cell*>& cells,
                      const std::string& key) {
  auto it = cells.find(key);
  if (it == cells.end()) return "";
  const v1::Cell& c = *it->second;
  if (!c.raw().empty()) return c.raw();
  switch (c.value_case()) {
    case v1::Cell::kCount:
      return absl::StrCat(c.count());
    case v1::Cell::kAmount: {
      char buffer[64];
      auto r = std::to_chars(buffer, buffer + sizeof(buffer), c.amount(),
                             std::chars_format::fixed);
      return std::string(buffer, r.ptr);
    }
    default:
      return "";
  }
}

Table Table2(const std::map<std::string, const v1::Cell*>& v) {
  auto value = [&](const char* key) { return Cell{ValueText(v, key), 1, 3}; };
  return {
      {{"第二十条第（一）项", 1, 4}},
      {{"信息内容"}, {"本年制发件数"}, {"本年废止件数"}, {"现行有效件数"}},
      {{"规章"},
       {ValueText(v, "t2.rules.issued")},
       {ValueText(v, "t2.rules.repealed")},
       {ValueText(v, "t2.rules.in_force")}},
      {{"行政规范性文件"},
       {ValueText(v, "t2.normative.issued")},
       {ValueText(v, "t2.normative.repealed")},
       {ValueText(v, "t2.normative.in_force")}},
      {{"第二十条第（五）项", 1, 4}},
      {{"信息内容"}, {"本年处理决定数量", 1, 3}},
      {{"行政许可"}, value("t2.licensing.decisions")},
      {{"第二十条第（六）项", 1, 4}},
      {{"信息内容"}, {"本年处理决定数量", 1, 3}},
      {{"行政处罚"}, value("t2.penalty.decisions")},
      {{"行政强制"}, value("t2.coercion.decisions")},
      {{"第二十条第（八）项", 1, 4}},
      {{"信息内容"}, {"本年收费金额（单位：万元）", 1, 3}},
      {{"行政事业性收费"}, value("t2.fees.amount_wan")},
  };
}

Table Table3(const std::map<std::string, const v1::Cell*>& v) {
  Table t = {
      {{"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        3, 3},
       {"申请人情况", 1, 7}},
      {{"自然人", 2, 1}, {"法人或其他组织", 1, 5}, {"总计", 2, 1}},
      {{"商业企业"},
       {"科研机构"},
       {"社会公益组织"},
       {"法律服务机构"},
       {"其他"}},
  };
  for (int r = 0; r < 25; ++r) {
    const T3Label& l = kT3[r];
    std::vector<Cell> row;
    if (l.top != nullptr) {
      row.push_back({l.top, 1, 3});
    } else {
      if (r == 2) row.push_back({"三、本年度办理结果", 22, 1});
      if (l.group != nullptr) {
        row.push_back({l.group, l.group_rows, 1});
        row.push_back({l.label});
      } else if (r == 2 || r == 3 || r == 23) {
        row.push_back({l.label, 1, 2});
      } else {
        row.push_back({l.label});
      }
    }
    for (absl::string_view col : kT3Columns) {
      row.push_back({ValueText(v, T3Key(kT3Rows[r], col))});
    }
    t.push_back(std::move(row));
  }
  return t;
}

Table Table4(const std::map<std::string, const v1::Cell*>& v) {
  Table t = {
      {{"行政复议", 1, 5}, {"行政诉讼", 1, 10}},
      {{"结果维持", 2, 1},
       {"结果纠正", 2, 1},
       {"其他结果", 2, 1},
       {"尚未审结", 2, 1},
       {"总计", 2, 1},
       {"未经复议直接起诉", 1, 5},
       {"复议后起诉", 1, 5}},
      {},
  };
  for (int g = 0; g < 2; ++g) {
    for (const char* c :
         {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) {
      t[2].push_back({c});
    }
  }
  std::vector<Cell> values;
  for (absl::string_view g : kT4Groups) {
    for (absl::string_view c : kT4Columns) {
      values.push_back({ValueText(v, T4Key(g, c))});
    }
  }
  t.push_back(std::move(values));
  return t;
}

std::vector<std::pair<std::string, Table>> Blocks(const v1::Report& truth,
                                                  std::mt19937_64& rng) {
  std::map<std::string, const v1::Cell*> cells;
  for (const v1::Cell& c : truth.cells()) cells[c.key()] = &c;
  const std::string year = absl::StrCat(truth.year());
  const bool spaced = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
  std::vector<std::pair<std::string, Table>> out;
  auto text = [&](std::string s) { out.push_back({std::move(s), {}}); };
  text(absl::StrCat(truth.agency(), spaced ? " " : "", year, spaced ? " " : "",
                    "年政府信息公开工作年度报告"));
  text(absl::StrCat(
      "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的"
      "统计期限自",
      year, "年1月1日起至", year, "年12月31日止。"));
  text("一、总体情况");
  text("（一）主动公开情况。我单位坚持以公开为常态、不公开为例外。");
  text("二、主动公开政府信息情况");
  out.push_back({"", Table2(cells)});
  text("三、收到和处理政府信息公开申请情况");
  out.push_back({"", Table3(cells)});
  text("四、政府信息公开行政复议、行政诉讼情况");
  out.push_back({"", Table4(cells)});
  text("五、存在的主要问题及改进情况");
  text("一是信息公开的及时性有待提高；二是公开内容不够丰富。");
  text("六、其他需要报告的事项");
  text("无。");
  return out;
}

std::string HtmlEscape(const std::string& s) { return XmlEscape(s); }

}  // namespace

std::string RenderHtml(const v1::Report& truth, HtmlCharset charset,
                       std::mt19937_64& rng) {
  std::vector<std::pair<std::string, Table>> blocks = Blocks(truth, rng);
  std::string head;
  switch (charset) {
    case HtmlCharset::kUtf8:
      head = "<meta charset=\"utf-8\">";
      break;
    case HtmlCharset::kGb18030Declared:
      head =
          "<meta http-equiv=\"Content-Type\" content=\"text/html; "
          "charset=gb2312\">";
      break;
    case HtmlCharset::kGb18030Detected:
      break;
  }
  std::string html = absl::StrCat(
      "<!DOCTYPE html>\n<html><head>", head, "<title>",
      HtmlEscape(blocks[0].first), "_政府信息公开</title></head><body>\n",
      "<div class=\"nav\"><a href=\"/\">首页</a> &gt; 政务公开 &gt; "
      "年报</div>\n",
      "<table width=\"100%\"><tr><td><div id=\"zoom\">\n<h1>",
      HtmlEscape(blocks[0].first), "</h1>\n");
  for (size_t b = 1; b < blocks.size(); ++b) {
    const auto& [text, table] = blocks[b];
    if (table.empty()) {
      absl::StrAppend(&html, "<p>", HtmlEscape(text), "</p>\n");
      continue;
    }
    html += "<table border=\"1\" cellspacing=\"0\">\n";
    for (const auto& row : table) {
      html += "<tr>";
      for (const Cell& c : row) {
        html += "<td";
        if (c.rowspan > 1)
          absl::StrAppend(&html, " rowspan=\"", c.rowspan, "\"");
        if (c.colspan > 1)
          absl::StrAppend(&html, " colspan=\"", c.colspan, "\"");
        absl::StrAppend(&html, "><p>", HtmlEscape(c.text), "</p></td>");
      }
      html += "</tr>\n";
    }
    html += "</table>\n";
  }
  html +=
      "</div></td></tr></table>\n<div class=\"footer\">主办单位：本机关办公室 "
      "联系电话：0000-00000000</div>\n</body></html>\n";
  if (charset == HtmlCharset::kUtf8) return html;
  absl::StatusOr<std::string> gb = parser::ConvertFromUtf8(html, "GB18030");
  return gb.ok() ? *gb : std::string();
}

std::string RenderDocx(const v1::Report& truth, std::mt19937_64& rng) {
  std::vector<std::pair<std::string, Table>> blocks = Blocks(truth, rng);
  DocxBody body;
  for (const auto& [text, table] : blocks) {
    if (table.empty()) {
      body.Paragraph(text);
      continue;
    }
    // Lay the HTML-style spans onto grid columns: a rowspan becomes a vMerge
    // restart and continuation cells in the rows below.
    std::vector<std::vector<DocxCell>> rows;
    std::vector<int> pending(32, 0);       // rows still covered, by column
    std::vector<int> pending_span(32, 1);  // gridSpan of the covering cell
    for (const auto& row : table) {
      std::vector<DocxCell> out;
      size_t next = 0;
      size_t column = 0;
      while (next < row.size() || column < pending.size()) {
        if (pending[column] > 0) {
          out.push_back(DocxCell::MergeContinue(pending_span[column]));
          --pending[column];
          column += pending_span[column];
          continue;
        }
        if (next >= row.size()) break;
        const Cell& c = row[next++];
        if (c.rowspan > 1) {
          out.push_back(DocxCell::MergeStart(c.text, c.colspan));
          pending[column] = c.rowspan - 1;
          pending_span[column] = c.colspan;
        } else {
          out.push_back(DocxCell(c.text, c.colspan));
        }
        column += c.colspan;
      }
      rows.push_back(std::move(out));
    }
    body.Table(rows);
  }
  return PackDocx(body.Xml());
}

}  // namespace govreport::testing
