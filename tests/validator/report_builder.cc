#include "tests/validator/report_builder.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/report/cell_keys.h"
#include "common/report/enum_names.h"
#include "nlohmann/json.hpp"

namespace govreport::validator::testing {
namespace {

constexpr const char* kHeadings[] = {"一、总体情况",
                                     "二、主动公开政府信息情况",
                                     "三、收到和处理政府信息公开申请情况",
                                     "四、政府信息公开行政复议、行政诉讼情况",
                                     "五、存在的主要问题及改进情况",
                                     "六、其他需要报告的事项"};

void AddSections(v1::Report& report, const std::vector<std::string>& bodies) {
  for (int i = 0; i < 6; ++i) {
    v1::Section* s = report.add_sections();
    s->set_ordinal(i + 1);
    s->set_heading(kHeadings[i]);
    s->set_text(i < static_cast<int>(bodies.size()) ? bodies[i] : "");
    s->mutable_location()->set_line(i * 4 + 3);
    s->set_end_line(i * 4 + 7);
  }
}

v1::Report Skeleton() {
  v1::Report report;
  report.set_id("balanced");
  report.set_source_name("balanced.txt");
  report.set_year(2023);
  report.set_title_year(2023);
  report.set_agency("示例区示例街道办事处");
  report.set_agency_kind(v1::AGENCY_KIND_TOWNSHIP);
  report.set_template_(v1::TEMPLATE_V2021);
  report.set_is_annual_report(true);
  report.set_title("示例区示例街道办事处2023年政府信息公开工作年度报告");
  int line = 40;
  for (const std::string& key : V2021CellKeys()) {
    v1::Cell* cell = report.add_cells();
    cell->set_key(key);
    cell->set_count(0);
    cell->set_raw("0");
    cell->set_state(v1::CELL_STATE_VALUE);
    cell->mutable_location()->set_line(line++);
  }
  for (int t = 2; t <= 4; ++t) {
    v1::TableStatus* status = report.add_tables();
    status->set_table(t);
    status->set_heading_found(true);
    status->set_cells_found(true);
  }
  return report;
}

std::string Text(const v1::Report& report) {
  std::string text = absl::StrCat(report.title(), "\n");
  for (const v1::Section& s : report.sections())
    absl::StrAppend(&text, s.heading(), "\n", s.text(), "\n");
  return text;
}

}  // namespace

v1::Cell* FindCell(v1::Report& report, absl::string_view key) {
  for (v1::Cell& cell : *report.mutable_cells()) {
    if (cell.key() == key) return &cell;
  }
  v1::Cell* cell = report.add_cells();
  cell->set_key(std::string(key));
  return cell;
}

void SetCount(v1::Report& report, absl::string_view key, int64_t value) {
  v1::Cell* cell = FindCell(report, key);
  cell->set_count(value);
  cell->set_raw(absl::StrCat(value));
  cell->set_state(v1::CELL_STATE_VALUE);
}

void SetAmount(v1::Report& report, absl::string_view key, double value) {
  v1::Cell* cell = FindCell(report, key);
  cell->set_amount(value);
  cell->set_raw(absl::StrCat(value));
  cell->set_state(v1::CELL_STATE_VALUE);
}

void SetBlank(v1::Report& report, absl::string_view key) {
  v1::Cell* cell = FindCell(report, key);
  cell->clear_value();
  cell->set_raw("/");
  cell->set_state(v1::CELL_STATE_BLANK);
}

void SetInvalid(v1::Report& report, absl::string_view key,
                absl::string_view raw) {
  v1::Cell* cell = FindCell(report, key);
  cell->clear_value();
  cell->set_raw(std::string(raw));
  cell->set_state(v1::CELL_STATE_INVALID);
}

void SetAmbiguous(v1::Report& report, absl::string_view key) {
  v1::Cell* cell = FindCell(report, key);
  cell->clear_value();
  cell->set_raw("12");
  cell->set_state(v1::CELL_STATE_AMBIGUOUS);
}

void SetAbsent(v1::Report& report, absl::string_view key) {
  v1::Cell* cell = FindCell(report, key);
  cell->clear_value();
  cell->set_raw("");
  cell->set_state(v1::CELL_STATE_ABSENT);
}

v1::Report BalancedReport() {
  v1::Report r = Skeleton();
  SetCount(r, "t2.rules.issued", 1);
  SetCount(r, "t2.rules.in_force", 5);
  SetCount(r, "t2.normative.issued", 3);
  SetCount(r, "t2.normative.repealed", 1);
  SetCount(r, "t2.normative.in_force", 20);
  SetCount(r, "t2.licensing.decisions", 40);
  SetCount(r, "t2.penalty.decisions", 7);
  SetAmount(r, "t2.fees.amount_wan", 12.5);
  auto both = [&](const char* row, int natural, int commercial) {
    SetCount(r, T3Key(row, "natural"), natural);
    SetCount(r, T3Key(row, "commercial"), commercial);
    SetCount(r, T3Key(row, "total"), natural + commercial);
  };
  both("new", 10, 2);
  both("carried_in", 1, 0);
  both("granted", 4, 1);
  both("partial", 1, 1);
  both("deny.process_info", 1, 0);
  both("unable.not_held", 3, 0);
  both("other.no_correction", 1, 0);
  both("total_done", 10, 2);
  both("carry_out", 1, 0);
  SetCount(r, "t4.review.upheld", 1);
  SetCount(r, "t4.review.corrected", 1);
  SetCount(r, "t4.review.total", 2);
  SetCount(r, "t4.lit_direct.pending", 1);
  SetCount(r, "t4.lit_direct.total", 1);
  AddSections(
      r, {"2023年，本街道主动公开政府信息86条。全年共收到政府信息公开申请12件，"
          "上年结转1件，"
          "办结12件，其中予以公开5件、部分公开2件、不予公开1件、无法提供3件、其"
          "他处理1件，"
          "结转下年度1件。因政府信息公开被申请行政复议2件，提起行政诉讼1件。",
          "", "", "", "个别信息发布不够及时。",
          "本年度发出收费通知0件，未收取信息处理费。"});
  r.set_text(Text(r));
  return r;
}

v1::Report ZeroReport() {
  v1::Report r = Skeleton();
  AddSections(
      r, {"2023年，本街道主动公开政府信息20条。本年度未收到政府信息公开申请，"
          "没有因政府信息公开被申请行政复议或提起行政诉讼。",
          "", "", "", "个别信息发布不够及时。", "无。"});
  r.set_text(Text(r));
  return r;
}

absl::StatusOr<v1::Report> ReportFromExpected(const std::string& sample_path) {
  std::ifstream in(sample_path + ".expected.json");
  if (!in) return absl::NotFoundError(sample_path + ".expected.json");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded())
    return absl::InvalidArgumentError(sample_path + ".expected.json");
  v1::Report r;
  r.set_id(sample_path);
  r.set_source_name(sample_path);
  if (doc["year"].is_number()) {
    r.set_year(doc["year"].get<int>());
    r.set_title_year(doc["year"].get<int>());
  }
  r.set_agency(doc["agency"].get<std::string>());
  r.set_agency_kind(ParseAgencyKind(doc["agency_kind"].get<std::string>())
                        .value_or(v1::AGENCY_KIND_OTHER));
  r.set_region_code(doc["region_code"].get<std::string>());
  r.set_template_(ParseTemplate(doc["template"].get<std::string>())
                      .value_or(v1::TEMPLATE_UNKNOWN));
  r.set_is_annual_report(doc["is_annual_report"].get<bool>());
  const nlohmann::json& ambiguous = doc.contains("cells_ambiguous")
                                        ? doc["cells_ambiguous"]
                                        : nlohmann::json::object();
  bool pre2019 = r.template_() == v1::TEMPLATE_E2014 ||
                 r.template_() == v1::TEMPLATE_E2008 ||
                 r.template_() == v1::TEMPLATE_UNKNOWN;
  bool single_other_row = r.template_() == v1::TEMPLATE_V2019 ||
                          r.template_() == v1::TEMPLATE_HYBRID;
  for (auto it = doc["cells"].begin(); it != doc["cells"].end(); ++it) {
    const std::string& key = it.key();
    if (it.value().is_null()) {
      bool structural = pre2019 ||
                        (single_other_row &&
                         (absl::StartsWith(key, "t3.other.no_correction.") ||
                          absl::StartsWith(key, "t3.other.unpaid_fee."))) ||
                        (r.template_() == v1::TEMPLATE_V2019 &&
                         (absl::StartsWith(key, "t2.rules.") ||
                          absl::StartsWith(key, "t2.normative.") ||
                          key == "t2.fees.amount_wan"));
      if (ambiguous.contains(key)) {
        SetAmbiguous(r, key);
      } else if (structural) {
        SetAbsent(r, key);
      } else {
        SetBlank(r, key);
      }
    } else if (IsAmountKey(key)) {
      SetAmount(r, key, it.value().get<double>());
    } else {
      SetCount(r, key, it.value().get<int64_t>());
    }
  }
  AddSections(r, {});
  if (absl::EndsWith(sample_path, ".txt") ||
      absl::EndsWith(sample_path, ".md")) {
    std::ifstream file(sample_path, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    r.set_text(buffer.str());
  }
  return r;
}

std::vector<std::string> Rules(const std::vector<v1::Finding>& findings) {
  std::vector<std::string> out;
  for (const v1::Finding& f : findings) out.push_back(f.rule());
  return out;
}

std::vector<v1::Finding> Only(const std::vector<v1::Finding>& findings,
                              absl::string_view rule) {
  std::vector<v1::Finding> out;
  for (const v1::Finding& f : findings) {
    if (f.rule() == rule) out.push_back(f);
  }
  return out;
}

}  // namespace govreport::validator::testing
