#include "tests/generator/report_generator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/regions/gazetteer.h"
#include "common/report/cell_keys.h"
#include "common/text/normalize.h"

namespace govreport::testing {
namespace {

// --- template text (what a report prints; independent of the parser) ------

struct T3RowText {
  const char* top;  // 一、… / 三、本年度办理结果 (first row of the group only)
  const char* group;  // （三）不予公开 (first item only)
  const char* label;
};

constexpr std::array<T3RowText, 25> kT3Text = {{
    {"一、本年新收政府信息公开申请数量", "", ""},
    {"二、上年结转政府信息公开申请数量", "", ""},
    {"三、本年度办理结果", "", "（一）予以公开"},
    {"", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
    {"", "（三）不予公开", "1.属于国家秘密"},
    {"", "", "2.其他法律行政法规禁止公开"},
    {"", "", "3.危及“三安全一稳定”"},
    {"", "", "4.保护第三方合法权益"},
    {"", "", "5.属于三类内部事务信息"},
    {"", "", "6.属于四类过程性信息"},
    {"", "", "7.属于行政执法案卷"},
    {"", "", "8.属于行政查询事项"},
    {"", "（四）无法提供", "1.本机关不掌握相关政府信息"},
    {"", "", "2.没有现成信息需要另行制作"},
    {"", "", "3.补正后申请内容仍不明确"},
    {"", "（五）不予处理", "1.信访举报投诉类申请"},
    {"", "", "2.重复申请"},
    {"", "", "3.要求提供公开出版物"},
    {"", "", "4.无正当理由大量反复申请"},
    {"", "", "5.要求行政机关确认或重新出具已获取信息"},
    {"", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
    {"", "",
     "2."
     "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
    {"", "", "3.其他"},
    {"", "", "（七）总计"},
    {"四、结转下年度继续办理", "", ""},
}};

struct T2RowText {
  const char*
      block;  // 第二十条第（一）项, printed before the block's first row
  const char* header;
  const char* label;
  std::vector<std::string> keys;
  bool amount = false;
};

std::vector<T2RowText> T2Rows(v1::Template tmpl) {
  if (tmpl == v1::TEMPLATE_V2019) {
    const char* h3 = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量";
    const char* h5 = "信息内容\t上一年项目数量\t本年增/减\t处理决定数量";
    return {
        {"第二十条第（一）项",
         h3,
         "规章",
         {"t2v19.rules.made", "t2v19.rules.published",
          "t2v19.rules.public_total"}},
        {"",
         "",
         "规范性文件",
         {"t2v19.normative.made", "t2v19.normative.published",
          "t2v19.normative.public_total"}},
        {"第二十条第（五）项",
         h5,
         "行政许可",
         {"t2v19.licensing.prev_items", "t2v19.licensing.delta",
          "t2.licensing.decisions"}},
        {"",
         "",
         "其他对外管理服务事项",
         {"t2v19.other_services.prev_items", "t2v19.other_services.delta",
          "t2v19.other_services.decisions"}},
        {"第二十条第（六）项",
         h5,
         "行政处罚",
         {"t2v19.penalty.prev_items", "t2v19.penalty.delta",
          "t2.penalty.decisions"}},
        {"",
         "",
         "行政强制",
         {"t2v19.coercion.prev_items", "t2v19.coercion.delta",
          "t2.coercion.decisions"}},
        {"第二十条第（八）项",
         "信息内容\t上一年项目数量\t本年增/减",
         "行政事业性收费",
         {"t2v19.fees.prev_items", "t2v19.fees.delta"}},
        {"第二十条第（九）项",
         "信息内容\t采购项目数量\t采购总金额",
         "政府集中采购",
         {"t2v19.procurement.items", "t2v19.procurement.amount_yuan"}},
    };
  }
  return {
      {"第二十条第（一）项",
       "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
       "规章",
       {"t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force"}},
      {"",
       "",
       "行政规范性文件",
       {"t2.normative.issued", "t2.normative.repealed",
        "t2.normative.in_force"}},
      {"第二十条第（五）项",
       "信息内容\t本年处理决定数量",
       "行政许可",
       {"t2.licensing.decisions"}},
      {"第二十条第（六）项",
       "信息内容\t本年处理决定数量",
       "行政处罚",
       {"t2.penalty.decisions"}},
      {"", "", "行政强制", {"t2.coercion.decisions"}},
      {"第二十条第（八）项",
       "信息内容\t本年收费金额（单位：万元）",
       "行政事业性收费",
       {"t2.fees.amount_wan"},
       true},
  };
}

// --- values -----------------------------------------------------------------

std::string FormatAmount(double v) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.4f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

bool ValidPiece(const std::string& p) {
  return !p.empty() && !(p.size() > 1 && p[0] == '0') && p.size() <= 12;
}

void Cuts(const std::string& d, int count, size_t pos,
          std::vector<std::string>* cur, bool last_is_sum,
          std::vector<std::vector<std::string>>* out, size_t* n) {
  if (static_cast<int>(cur->size()) == count - 1) {
    std::string last = d.substr(pos);
    if (!ValidPiece(last)) return;
    if (last_is_sum) {
      long double sum = 0;
      for (const std::string& p : *cur) sum += std::stold(p);
      if (std::stold(last) != sum) return;
    }
    ++*n;
    if (out != nullptr) {
      cur->push_back(last);
      out->push_back(*cur);
      cur->pop_back();
    }
    return;
  }
  for (size_t len = 1; pos + len < d.size(); ++len) {
    std::string p = d.substr(pos, len);
    if (!ValidPiece(p)) break;
    cur->push_back(p);
    Cuts(d, count, pos + len, cur, last_is_sum, out, n);
    cur->pop_back();
  }
}

// --- text transforms
// ----------------------------------------------------------

struct Pair {
  char32_t traditional;
  char32_t simplified;
};
constexpr Pair kHanTable[] = {
#include "common/text/han_variants_table.inc"
};

const std::map<char32_t, char32_t>& SimplifiedToTraditional() {
  static const auto* m = [] {
    auto* out = new std::map<char32_t, char32_t>();
    for (const Pair& p : kHanTable) out->emplace(p.simplified, p.traditional);
    return out;
  }();
  return *m;
}

std::string Pad(const std::string& s, size_t width) {
  size_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  // CJK characters take two columns in pdftotext output.
  size_t cols = 0;
  for (char32_t c : text::Utf8ToU32(s)) cols += c >= 0x1100 ? 2 : 1;
  (void)n;
  return cols >= width ? s + "  " : s + std::string(width - cols, ' ');
}

// Cuts a label after `chars` code points (for wrapped labels).
std::pair<std::string, std::string> CutLabel(const std::string& s,
                                             size_t chars) {
  std::u32string u = text::Utf8ToU32(s);
  if (u.size() <= chars) return {s, ""};
  return {text::U32ToUtf8(u.substr(0, chars)),
          text::U32ToUtf8(u.substr(chars))};
}

}  // namespace

const char* LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kTabs:
      return "tabs";
    case Layout::kPipes:
      return "pipes";
    case Layout::kMarkdown:
      return "markdown";
    case Layout::kAligned:
      return "aligned";
    case Layout::kFlattened:
      return "flattened";
  }
  return "?";
}

std::string ToTraditional(const std::string& utf8) {
  const auto& m = SimplifiedToTraditional();
  std::string out;
  for (char32_t c : text::Utf8ToU32(utf8)) {
    auto it = m.find(c);
    text::AppendUtf8(it == m.end() ? c : it->second, &out);
  }
  return out;
}

std::string ToFullwidthDigits(const std::string& utf8) {
  std::string out;
  for (char c : utf8) {
    if (c >= '0' && c <= '9') {
      text::AppendUtf8(0xFF10 + (c - '0'), &out);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

size_t CountSplits(const std::string& digits, int count, bool last_is_sum,
                   std::vector<std::vector<std::string>>* splits) {
  size_t n = 0;
  std::vector<std::string> cur;
  if (count == 1) {
    if (!ValidPiece(digits)) return 0;
    if (splits != nullptr) splits->push_back({digits});
    return 1;
  }
  Cuts(digits, count, 0, &cur, last_is_sum, splits, &n);
  return n;
}

ReportGenerator::ReportGenerator(uint64_t seed,
                                 const regions::Gazetteer* gazetteer)
    : rng_(seed), gazetteer_(gazetteer) {}

int64_t ReportGenerator::Count(bool small) {
  std::uniform_int_distribution<int> pick(0, 99);
  int p = pick(rng_);
  if (p < 55) return 0;
  if (small || p < 85)
    return std::uniform_int_distribution<int64_t>(1, 9)(rng_);
  if (p < 97) return std::uniform_int_distribution<int64_t>(10, 300)(rng_);
  return std::uniform_int_distribution<int64_t>(1000, 250000)(rng_);
}

AgencyChoice ReportGenerator::RandomAgency() {
  static const char* kDepartments[] = {"统计局",
                                       "财政局",
                                       "教育局",
                                       "民政局",
                                       "司法局",
                                       "市场监督管理局",
                                       "人力资源和社会保障局"};
  std::uniform_int_distribution<int> pick(0, 1 << 20);
  if (gazetteer_ != nullptr) {
    for (int attempt = 0; attempt < 50; ++attempt) {
      auto provinces = gazetteer_->Children("");
      if (provinces.empty()) break;
      const regions::Division* p = provinces[pick(rng_) % provinces.size()];
      auto level2 = gazetteer_->Children(p->code);
      if (level2.empty()) continue;
      const regions::Division* c = level2[pick(rng_) % level2.size()];
      const regions::Division* county = c;
      if (c->level == v1::REGION_LEVEL_PREFECTURE) {
        auto counties = gazetteer_->Children(c->code);
        if (counties.empty()) continue;
        county = counties[pick(rng_) % counties.size()];
      }
      if (county->level != v1::REGION_LEVEL_COUNTY) continue;
      if (gazetteer_->FindByName(county->name).size() != 1) continue;
      AgencyChoice a;
      int kind = pick(rng_) % 3;
      if (kind == 2) {
        auto towns = gazetteer_->Children(county->code);
        if (towns.empty())
          kind = 0;
        else {
          const regions::Division* t = towns[pick(rng_) % towns.size()];
          bool street = t->name.size() >= 6 &&
                        t->name.substr(t->name.size() - 6) == "街道";
          bool town = t->name.size() >= 3 &&
                      (t->name.substr(t->name.size() - 3) == "镇" ||
                       t->name.substr(t->name.size() - 3) == "乡");
          if (!street && !town) {
            kind = 0;
          } else {
            a.name = county->name + t->name + (street ? "办事处" : "人民政府");
            a.kind = v1::AGENCY_KIND_TOWNSHIP;
            a.region_code = t->code;
          }
        }
      }
      if (kind == 1) {
        a.name = county->name + "人民政府办公室";
        a.kind = v1::AGENCY_KIND_GOVERNMENT_OFFICE;
        a.region_code = county->code;
      } else if (kind == 0) {
        a.name =
            county->name + kDepartments[pick(rng_) % std::size(kDepartments)];
        a.kind = v1::AGENCY_KIND_DEPARTMENT;
        a.region_code = county->code;
      }
      // Character-level Traditional→Simplified cannot restore every name
      // (乾 reads back as 干): keep names that survive the round trip.
      if (text::LabelKey(text::FoldText(ToTraditional(a.name))) !=
          text::Utf8ToU32(a.name)) {
        continue;
      }
      a.region_path = gazetteer_->PathOf(a.region_code);
      return a;
    }
  }
  // Real names from the sample reports.
  static const std::array<std::pair<const char*, v1::AgencyKind>, 6> kNames = {{
      {"西工区西工街道办事处", v1::AGENCY_KIND_TOWNSHIP},
      {"西工区统计局", v1::AGENCY_KIND_DEPARTMENT},
      {"卫滨区解放路街道办事处", v1::AGENCY_KIND_TOWNSHIP},
      {"政务服务局", v1::AGENCY_KIND_DEPARTMENT},
      {"平潭综合实验区", v1::AGENCY_KIND_ZONE_COMMITTEE},
      {"任留街道办事处", v1::AGENCY_KIND_TOWNSHIP},
  }};
  const auto& n = kNames[pick(rng_) % kNames.size()];
  return {n.first, n.second, "", {}};
}

v1::Report ReportGenerator::RandomTruth(const GeneratorOptions& options) {
  v1::Report truth;
  const bool flat = options.layout == Layout::kFlattened;
  truth.set_year(std::uniform_int_distribution<int>(
      options.tmpl == v1::TEMPLATE_V2019 ? 2019 : 2021,
      options.tmpl == v1::TEMPLATE_V2019 ? 2020 : 2025)(rng_));
  AgencyChoice a = RandomAgency();
  truth.set_agency(a.name);
  truth.set_agency_kind(a.kind);
  truth.set_region_code(a.region_code);
  for (const auto& c : a.region_path) truth.add_region_path(c);
  truth.set_template_(options.tmpl);
  truth.set_is_annual_report(true);
  std::map<std::string, std::optional<double>> cells;
  std::map<std::string, std::string>
      printed;  // text of cells null in the truth

  // Table 3: result rows per column, totals from the identities. Flattened
  // text needs every row to split in one way only: redraw until it does.
  const bool v2019 = options.tmpl == v1::TEMPLATE_V2019;
  std::array<std::array<int64_t, 7>, 25> t3{};
  for (int attempt = 0;; ++attempt) {
    for (auto& row : t3) row.fill(0);
    for (int r = 2; r <= 22; ++r) {
      if (v2019 && (r == 20 || r == 21)) continue;
      for (int c = 0; c < 6; ++c) t3[r][c] = Count(flat);
    }
    for (int c = 0; c < 6; ++c) {
      int64_t done = 0;
      for (int r = 2; r <= 22; ++r) done += t3[r][c];
      t3[23][c] = done;
      t3[1][c] = done > 0
                     ? std::uniform_int_distribution<int64_t>(0, done)(rng_) / 3
                     : 0;
      t3[24][c] = Count(true);
      t3[0][c] = done + t3[24][c] - t3[1][c];
    }
    for (auto& row : t3) {
      row[6] = 0;
      for (int c = 0; c < 6; ++c) row[6] += row[c];
    }
    if (!flat) break;
    bool unique = true;
    for (int r = 0; r < 25 && unique; ++r) {
      if (v2019 && (r == 20 || r == 21)) continue;
      std::string d;
      for (int64_t v : t3[r]) d += std::to_string(v);
      unique = CountSplits(d, 7, true, nullptr) == 1;
    }
    if (unique || attempt > 200) break;
  }
  for (int r = 0; r < 25; ++r) {
    for (int c = 0; c < 7; ++c) {
      std::string key = T3Key(kT3Rows[r], kT3Columns[c]);
      if (v2019 && (r == 20 || r == 21)) {
        cells[key] = std::nullopt;
      } else {
        cells[key] = static_cast<double>(t3[r][c]);
      }
    }
  }
  // Table 4.
  for (int attempt = 0;; ++attempt) {
    bool unique = true;
    for (auto g : kT4Groups) {
      std::array<int64_t, 5> v{};
      for (int k = 0; k < 4; ++k) v[k] = Count(flat);
      v[4] = v[0] + v[1] + v[2] + v[3];
      std::string d;
      for (int k = 0; k < 5; ++k) {
        cells[T4Key(g, kT4Columns[k])] = static_cast<double>(v[k]);
        d += std::to_string(v[k]);
      }
      if (flat && CountSplits(d, 5, true, nullptr) != 1) unique = false;
    }
    if (unique || attempt > 200) break;
  }
  // Table 2; in flattened text, a row whose run splits in several ways is
  // genuinely ambiguous: null in the truth, cell by cell.
  for (const T2RowText& row : T2Rows(options.tmpl)) {
    std::vector<std::string> written;
    for (const std::string& key : row.keys) {
      double v = static_cast<double>(Count(false));
      if (row.amount && std::uniform_int_distribution<int>(0, 2)(rng_) == 0) {
        v = std::uniform_int_distribution<int>(1, 9999999)(rng_) / 1000.0;
      }
      cells[key] = v;
      written.push_back(row.amount ? FormatAmount(v)
                                   : std::to_string(static_cast<int64_t>(v)));
    }
    if (flat && row.keys.size() > 1) {
      std::vector<std::vector<std::string>> splits;
      CountSplits(absl::StrJoin(written, ""), static_cast<int>(row.keys.size()),
                  false, &splits);
      for (size_t k = 0; k < row.keys.size(); ++k) {
        for (const auto& s : splits) {
          if (s[k] != written[k]) {
            cells[row.keys[k]] = std::nullopt;
            printed[row.keys[k]] = written[k];
          }
        }
      }
    }
  }
  for (const std::string& key : CellKeysFor(options.tmpl)) {
    v1::Cell* cell = truth.add_cells();
    cell->set_key(key);
    auto it = cells.find(key);
    if (it == cells.end() || !it->second) {
      auto p = printed.find(key);
      if (p != printed.end()) {
        cell->set_state(v1::CELL_STATE_AMBIGUOUS);
        cell->set_raw(p->second);  // what the document prints there
      } else {
        cell->set_state(v1::CELL_STATE_ABSENT);
      }
      continue;
    }
    cell->set_state(v1::CELL_STATE_VALUE);
    if (IsAmountKey(key)) {
      cell->set_amount(*it->second);
    } else {
      cell->set_count(static_cast<int64_t>(*it->second));
    }
  }
  return truth;
}

namespace {

struct Row {
  std::vector<std::string> labels;  // label cells, hierarchical
  std::vector<std::string> values;
  bool header = false;
};

std::string CellText(const v1::Cell& cell, std::mt19937_64& rng,
                     bool decorate) {
  if (cell.value_case() == v1::Cell::kAmount)
    return FormatAmount(cell.amount());
  if (cell.value_case() != v1::Cell::kCount) return "0";
  int64_t v = cell.count();
  std::string s = std::to_string(v);
  if (!decorate) return s;
  int p = std::uniform_int_distribution<int>(0, 99)(rng);
  if (p < 4) return s + "件";
  if (p < 8 && v >= 1000) {
    std::string grouped;
    for (size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && (s.size() - i) % 3 == 0) grouped.push_back(',');
      grouped.push_back(s[i]);
    }
    return grouped;
  }
  return s;
}

}  // namespace

std::string ReportGenerator::Render(const v1::Report& truth,
                                    const GeneratorOptions& options) {
  std::map<std::string, const v1::Cell*> by_key;
  for (const v1::Cell& c : truth.cells()) by_key[c.key()] = &c;
  const Layout layout = options.layout;
  const bool flat = layout == Layout::kFlattened;
  const bool v2019 = options.tmpl == v1::TEMPLATE_V2019;
  auto rand = [&](int n) {
    return std::uniform_int_distribution<int>(0, n - 1)(rng_);
  };
  // The true value's text; a flattened table-2 cell that is null in the
  // truth (ambiguous) prints the number kept in its raw text.
  auto value = [&](const std::string& key) {
    const v1::Cell* c = by_key.at(key);
    if (!c->raw().empty()) return c->raw();
    return CellText(*c, rng_, !flat);
  };

  // Abstract rows of the three tables.
  std::vector<Row> t2, t3, t4;
  for (const T2RowText& r : T2Rows(options.tmpl)) {
    if (*r.block) {
      t2.push_back({{r.block}, {}, true});
      std::vector<std::string> h = absl::StrSplit(r.header, '\t');
      t2.push_back({h, {}, true});
    }
    Row row;
    row.labels = {r.label};
    for (const std::string& k : r.keys) row.values.push_back(value(k));
    t2.push_back(row);
  }
  t3.push_back(
      {{"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "申请人情况", "总计"},
       {},
       true});
  t3.push_back({{"自然人", "法人或其他组织"}, {}, true});
  t3.push_back(
      {{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"},
       {},
       true});
  for (int r = 0; r < 25; ++r) {
    if (v2019 && (r == 20 || r == 21)) continue;
    Row row;
    const T3RowText& t = kT3Text[r];
    std::string label = t.label;
    std::string group = t.group;
    if (v2019 && r == 22) {
      group = "";
      label = "（六）其他处理";
    }
    if (*t.top) {
      row.labels = {t.top, label};
    } else if (!group.empty()) {
      row.labels = {"", group, label};
    } else if (r == 23) {
      row.labels = {label, ""};
    } else if (r == 3 || (v2019 && r == 22)) {
      row.labels = {"", label};
    } else {
      row.labels = {"", "", label};
    }
    for (auto col : kT3Columns)
      row.values.push_back(value(T3Key(kT3Rows[r], col)));
    t3.push_back(row);
  }
  t4.push_back({{"行政复议", "行政诉讼"}, {}, true});
  t4.push_back({{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                 "未经复议直接起诉", "复议后起诉"},
                {},
                true});
  t4.push_back({{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                 "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"},
                {},
                true});
  {
    Row row;
    for (auto g : kT4Groups) {
      for (auto c : kT4Columns) row.values.push_back(value(T4Key(g, c)));
    }
    t4.push_back(row);
  }

  // Rendering.
  auto render_table = [&](const std::vector<Row>& rows, int table) {
    std::string out;
    bool first_header = true;
    int row_index = 0;
    for (const Row& row : rows) {
      std::vector<std::string> labels = row.labels;
      switch (layout) {
        case Layout::kTabs: {
          // Hierarchical label cells; now and then a row loses its leading
          // empty cells.
          if (!row.header && rand(6) == 0) {
            while (!labels.empty() && labels.front().empty())
              labels.erase(labels.begin());
          }
          std::vector<std::string> cells = labels;
          for (const auto& v : row.values) cells.push_back(v);
          if (!row.values.empty() && table != 4 && rand(2) == 0)
            cells.push_back("");
          out += absl::StrJoin(cells, "\t") + "\n";
          break;
        }
        case Layout::kPipes:
        case Layout::kMarkdown: {
          std::vector<std::string> cells;
          for (const auto& l : labels) {
            if (!l.empty() || layout == Layout::kMarkdown) cells.push_back(l);
          }
          for (const auto& v : row.values) cells.push_back(v);
          if (layout == Layout::kPipes) {
            std::string line = absl::StrJoin(cells, " | ") + " |";
            for (int k = rand(3); k > 0; --k) line += " |";
            out += line + "\n";
          } else {
            out += "| " + absl::StrJoin(cells, " | ") + " |\n";
            if (first_header) {
              std::string sep = "|";
              for (size_t k = 0; k < cells.size(); ++k) sep += "---|";
              out += sep + "\n";
            }
          }
          break;
        }
        case Layout::kAligned: {
          std::string label_text;
          std::string wrapped;
          for (const auto& l : labels) {
            if (l.empty()) continue;
            if (!label_text.empty()) label_text += "  ";
            label_text += l;
          }
          if (!row.values.empty() && !row.header) {
            // Long labels wrap: the first part stays on the value line.
            auto [head, tail] = CutLabel(label_text, 14 + rand(6));
            label_text = head;
            wrapped = tail;
          }
          std::string line =
              "  " + Pad(label_text, row.values.empty() ? 0 : 40);
          for (const auto& v : row.values) line += Pad(v, 6 + rand(4)) + "  ";
          while (!line.empty() && line.back() == ' ') line.pop_back();
          out += line + "\n";
          if (!wrapped.empty()) out += "        " + wrapped + "\n";
          if (table == 3 && row_index == 12) {
            // A page break inside the table: footer, blank lines, repeated
            // header.
            out += "\n                                 - " +
                   std::to_string(2 + rand(3)) + " -\n\f\n";
            out +=
                "  申请人情况      自然人    商业企业   科研机构   "
                "社会公益组织   "
                "法律服务机构   其他   总计\n";
          }
          break;
        }
        case Layout::kFlattened: {
          for (const auto& l : labels) out += l;
          for (const auto& v : row.values) {
            out += v;
            if (rand(25) == 0) out += " ";  // stray spaces seen in web text
          }
          break;
        }
      }
      if (row.header) first_header = false;
      ++row_index;
    }
    return out;
  };

  const std::string& agency = truth.agency();
  std::string year = std::to_string(truth.year());
  std::string title;
  switch (rand(3)) {
    case 0:
      title = agency + year + "年政府信息公开工作年度报告";
      break;
    case 1:
      title = agency + " " + year + " 年政府信息公开工作年度报告";
      break;
    default:
      title = agency + year + "年度政府信息公开工作年度报告";
      break;
  }
  std::string heading_mark = layout == Layout::kMarkdown ? "## " : "";
  std::string sep = flat ? "" : "\n";
  std::string doc;
  doc += (layout == Layout::kMarkdown ? "# " : "") + title + "\n";
  if (flat) doc += "==================== 正文 ====================\n";
  doc += heading_mark + "一、总体情况" + sep;
  doc +=
      "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统"
      "计期限自" +
      year + "年1月1日起至" + year + "年12月31日止。" + sep;
  doc +=
      "（一）主动公开情况。我单位坚持以公开为常态、不公开为例外，持续推进政务公"
      "开工作。" +
      sep;
  doc += heading_mark + "二、主动公开政府信息情况" + sep;
  doc += render_table(t2, 2);
  doc += heading_mark + "三、收到和处理政府信息公开申请情况" + sep;
  doc += render_table(t3, 3);
  doc += heading_mark + "四、政府信息公开行政复议、行政诉讼情况" + sep;
  doc += render_table(t4, 4);
  doc += heading_mark + "五、存在的主要问题及改进情况" + sep;
  doc +=
      "一是信息公开的及时性有待提高；二是公开内容不够丰富。下一步将加强培训，提"
      "升工作水平。" +
      sep;
  doc += heading_mark + "六、其他需要报告的事项" + sep;
  doc += "无。\n";
  if (options.traditional) doc = ToTraditional(doc);
  if (options.fullwidth_digits) doc = ToFullwidthDigits(doc);
  return doc;
}

GeneratedReport ReportGenerator::Generate(const GeneratorOptions& options) {
  GeneratedReport out;
  out.options = options;
  out.truth = RandomTruth(options);
  out.bytes = Render(out.truth, options);
  out.name = absl::StrCat(
      "generated-", counter_++, "-", LayoutName(options.layout),
      options.traditional ? "-hant" : "", options.fullwidth_digits ? "-fw" : "",
      options.tmpl == v1::TEMPLATE_V2019 ? "-v2019" : "", ".txt");
  return out;
}

}  // namespace govreport::testing
