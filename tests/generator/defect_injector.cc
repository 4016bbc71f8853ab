#include "tests/generator/defect_injector.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/regions/gazetteer.h"
#include "common/report/cell_keys.h"

namespace govreport::testing {
namespace {

constexpr const char* kHeadings[] = {"一、总体情况",
                                     "二、主动公开政府信息情况",
                                     "三、收到和处理政府信息公开申请情况",
                                     "四、政府信息公开行政复议、行政诉讼情况",
                                     "五、存在的主要问题及改进情况",
                                     "六、其他需要报告的事项"};

// The applicant columns and the outcome rows (（一）..（六）).
constexpr int kApplicantCols = 6;
constexpr int kOutcomeBegin = 2;
constexpr int kOutcomeEnd = 23;

v1::Cell* Cell(v1::Report& r, absl::string_view key) {
  for (v1::Cell& c : *r.mutable_cells()) {
    if (c.key() == key) return &c;
  }
  v1::Cell* c = r.add_cells();
  c->set_key(std::string(key));
  return c;
}

int64_t Get(v1::Report& r, absl::string_view key) {
  v1::Cell* c = Cell(r, key);
  return c->value_case() == v1::Cell::kCount ? c->count() : 0;
}

void Set(v1::Report& r, absl::string_view key, int64_t value) {
  v1::Cell* c = Cell(r, key);
  c->set_count(value);
  c->set_raw(absl::StrCat(value));
  c->set_state(v1::CELL_STATE_VALUE);
}

void Add(v1::Report& r, absl::string_view key, int64_t delta) {
  Set(r, key, Get(r, key) + delta);
}

std::string Col(int c) { return std::string(kT3Columns[c]); }
std::string Row(int r) { return std::string(kT3Rows[r]); }

// Chinese numerals as reports write them: 两, 十二, 一百零五.
std::string Chinese(int64_t n) {
  static const char* kDigits[] = {"零", "一", "二", "三", "四",
                                  "五", "六", "七", "八", "九"};
  if (n == 2) return "两";
  if (n < 10) return kDigits[n];
  if (n < 20) return absl::StrCat("十", n % 10 ? kDigits[n % 10] : "");
  if (n < 100)
    return absl::StrCat(kDigits[n / 10], "十", n % 10 ? kDigits[n % 10] : "");
  if (n < 1000) {
    std::string out = absl::StrCat(kDigits[n / 100], "百");
    int rest = n % 100;
    if (rest == 0) return out;
    if (rest < 10) return absl::StrCat(out, "零", kDigits[rest]);
    return absl::StrCat(out, kDigits[rest / 10], "十",
                        rest % 10 ? kDigits[rest % 10] : "");
  }
  return absl::StrCat(n);
}

}  // namespace

const char* DefectRule(Defect defect) {
  static const char* kRules[kDefectCount] = {"T3-ROW",
                                             "T3-COL",
                                             "T3-SUM",
                                             "T4-SUM",
                                             "CELL-INVALID",
                                             "TABLE-MISSING",
                                             "CELL-BLANK",
                                             "SECTION-MISSING",
                                             "TEMPLATE-OUTDATED",
                                             "NARRATIVE-MISMATCH",
                                             "AGENCY-MISMATCH",
                                             "YEAR-MISMATCH",
                                             "FEE-UNIT",
                                             "FEE-NOTICE",
                                             "ZERO-REPORT",
                                             "LABEL-MODIFIED"};
  return kRules[static_cast<int>(defect)];
}

DefectInjector::DefectInjector(uint64_t seed,
                               const regions::Gazetteer* gazetteer)
    : rng_(seed), gazetteer_(gazetteer) {}

int DefectInjector::Uniform(int n) {
  return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(rng_));
}

v1::Report DefectInjector::RandomBalancedReport() {
  v1::Report r;
  r.set_id(absl::StrCat("random-", rng_()));
  r.set_year(2021 + Uniform(5));
  r.set_agency("示例区示例局");
  r.set_agency_kind(v1::AGENCY_KIND_DEPARTMENT);
  r.set_template_(v1::TEMPLATE_V2021);
  r.set_is_annual_report(true);
  for (const std::string& key : V2021CellKeys()) Set(r, key, 0);
  auto small = [&] { return Uniform(4) == 0 ? Uniform(20) : 0; };
  for (const auto& key : kT2Keys) Set(r, key, small() * 3);
  for (int c = 0; c < kApplicantCols; ++c) {
    int64_t done = 0;
    for (int row = kOutcomeBegin; row < kOutcomeEnd; ++row) {
      int64_t v = c == 0 ? small() : small() / 3;
      Set(r, T3Key(Row(row), Col(c)), v);
      done += v;
    }
    int64_t carry_out = Uniform(3) == 0 ? Uniform(3) : 0;
    int64_t carried_in =
        std::min<int64_t>(done + carry_out, Uniform(3) == 0 ? Uniform(3) : 0);
    Set(r, T3Key("total_done", Col(c)), done);
    Set(r, T3Key("carry_out", Col(c)), carry_out);
    Set(r, T3Key("carried_in", Col(c)), carried_in);
    Set(r, T3Key("new", Col(c)), done + carry_out - carried_in);
  }
  for (const auto& row : kT3Rows) {
    int64_t total = 0;
    for (int c = 0; c < kApplicantCols; ++c)
      total += Get(r, T3Key(row, Col(c)));
    Set(r, T3Key(row, "total"), total);
  }
  for (const auto& group : kT4Groups) {
    int64_t total = 0;
    for (int c = 0; c < 4; ++c) {
      int64_t v = Uniform(5) == 0 ? Uniform(4) : 0;
      Set(r, T4Key(group, kT4Columns[c]), v);
      total += v;
    }
    Set(r, T4Key(group, "total"), total);
  }
  return r;
}

void DefectInjector::Complete(v1::Report& r) {
  r.set_is_annual_report(true);
  r.set_template_(v1::TEMPLATE_V2021);
  if (!r.has_year() || r.year() < 2021) r.set_year(2021 + Uniform(5));
  r.set_title_year(r.year());
  r.set_title(absl::StrCat(r.agency(), r.year(), "年政府信息公开工作年度报告"));
  r.clear_label_deviations();
  r.clear_tables();
  for (int t = 2; t <= 4; ++t) {
    v1::TableStatus* s = r.add_tables();
    s->set_table(t);
    s->set_heading_found(true);
    s->set_cells_found(true);
  }
  // Every cell a plain value (the generator marks ambiguous runs).
  for (v1::Cell& c : *r.mutable_cells()) {
    if (c.state() != v1::CELL_STATE_VALUE ||
        c.value_case() == v1::Cell::VALUE_NOT_SET) {
      c.set_count(0);
      c.set_raw("0");
      c.set_state(v1::CELL_STATE_VALUE);
    }
  }
  Cell(r, "t2.fees.amount_wan")->set_amount(0.5 * Uniform(2000));
  if (Get(r, "t3.new.total") == 0) {
    for (const char* row : {"new", "granted", "total_done"}) {
      Add(r, T3Key(row, "natural"), 1);
      Add(r, T3Key(row, "total"), 1);
    }
  }
  WriteProse(r, 0, true, "");
}

void DefectInjector::WriteProse(v1::Report& r, int new_offset, bool fee_notices,
                                const std::string& extra) {
  auto figure = [&](int64_t n) {
    return Uniform(3) == 0 && n < 1000 ? Chinese(n) : absl::StrCat(n);
  };
  int64_t stated_new = Get(r, "t3.new.total") + new_offset;
  std::string one = absl::StrCat(
      r.year(), "年，本单位认真贯彻落实政府信息公开条例，主动公开政府信息",
      figure(20 + Uniform(300)), "条。");
  if (stated_new == 0) {
    absl::StrAppend(&one, "本年度未收到政府信息公开申请。");
  } else {
    absl::StrAppend(&one, "全年共收到政府信息公开申请", figure(stated_new),
                    "件，办结", figure(Get(r, "t3.total_done.total")), "件。");
  }
  int64_t review = Get(r, "t4.review.total");
  absl::StrAppend(&one, review == 0
                            ? "没有因政府信息公开被申请行政复议。"
                            : absl::StrCat("因政府信息公开被申请行政复议",
                                           figure(review), "件。"));
  absl::StrAppend(&one, extra);
  int64_t unpaid = Get(r, "t3.other.unpaid_fee.total");
  std::string six =
      fee_notices && unpaid > 0
          ? absl::StrCat("本年度发出收费通知", figure(unpaid), "件，金额",
                         unpaid * 100, "元，申请人均逾期未缴费。")
          : "本年度未收取信息处理费。";
  std::vector<std::string> bodies = {one,
                                     "详见下表。",
                                     "详见下表。",
                                     "详见下表。",
                                     "个别信息发布不够及时，下一步将加强审核。",
                                     six};
  // Keep the sections that exist (SECTION-MISSING removes one later).
  r.clear_sections();
  std::string text = absl::StrCat(r.title(), "\n");
  for (int i = 0; i < 6; ++i) {
    v1::Section* s = r.add_sections();
    s->set_ordinal(i + 1);
    s->set_heading(kHeadings[i]);
    s->set_text(bodies[i]);
    absl::StrAppend(&text, kHeadings[i], "\n", bodies[i], "\n");
  }
  r.set_text(text);
}

std::string DefectInjector::RandomOtherTownship(const std::string& own_agency) {
  if (gazetteer_ == nullptr) return "";
  for (int attempt = 0; attempt < 50; ++attempt) {
    std::string code;
    const regions::Division* d = nullptr;
    for (int depth = 0; depth < 4; ++depth) {
      std::vector<const regions::Division*> children =
          gazetteer_->Children(code);
      if (children.empty()) break;
      d = children[Uniform(static_cast<int>(children.size()))];
      code = d->code;
      if (d->level == v1::REGION_LEVEL_TOWNSHIP) break;
    }
    if (d == nullptr || d->level != v1::REGION_LEVEL_TOWNSHIP) continue;
    const std::string& name = d->name;
    size_t suffix = absl::EndsWith(name, "街道") ? 6
                    : (absl::EndsWith(name, "镇") || absl::EndsWith(name, "乡"))
                        ? 3
                        : 0;
    if (suffix == 0) continue;
    size_t stem = name.size() - suffix;
    if (stem < 6 || stem > 12 || stem % 3 != 0) continue;
    if (absl::StrContains(own_agency, name)) continue;
    return name;
  }
  return "";
}

std::vector<Defect> DefectInjector::RandomDefects() {
  std::vector<Defect> out;
  if (Uniform(10) == 0) return out;
  constexpr Defect kTable3[] = {Defect::kT3Row,     Defect::kT3Col,
                                Defect::kT3Sum,     Defect::kCellInvalid,
                                Defect::kCellBlank, Defect::kFeeNotice,
                                Defect::kZeroReport};
  constexpr Defect kTable4[] = {Defect::kT4Sum, Defect::kTableMissing};
  constexpr Defect kDocument[] = {
      Defect::kSectionMissing,    Defect::kTemplateOutdated,
      Defect::kNarrativeMismatch, Defect::kAgencyMismatch,
      Defect::kYearMismatch,      Defect::kFeeUnit,
      Defect::kLabelModified};
  if (Uniform(2) == 0) out.push_back(kTable3[Uniform(7)]);
  bool zero = !out.empty() && out[0] == Defect::kZeroReport;
  if (!zero && Uniform(3) == 0) out.push_back(kTable4[Uniform(2)]);
  for (Defect d : kDocument) {
    if (Uniform(8) == 0 &&
        (d != Defect::kAgencyMismatch || gazetteer_ != nullptr))
      out.push_back(d);
  }
  if (out.empty()) out.push_back(kDocument[Uniform(7)]);
  if (out.size() == 1 && out[0] == Defect::kAgencyMismatch &&
      gazetteer_ == nullptr) {
    out[0] = Defect::kYearMismatch;
  }
  return out;
}

std::vector<ExpectedFinding> DefectInjector::Inject(
    v1::Report& r, const std::vector<Defect>& defects) {
  std::vector<ExpectedFinding> expected;
  int new_offset = 0;
  bool fee_notices = true;
  std::string extra;
  auto has = [&](Defect d) {
    return std::find(defects.begin(), defects.end(), d) != defects.end();
  };
  for (Defect defect : defects) {
    const std::string rule = DefectRule(defect);
    switch (defect) {
      case Defect::kT3Row: {
        int c = Uniform(kApplicantCols);
        int d = 1 + Uniform(5);
        Add(r, T3Key("carried_in", Col(c)), d);
        Add(r, T3Key("carried_in", "total"), d);
        expected.push_back({rule, T3Key("new", Col(c))});
        expected.push_back({rule, "t3.new.total"});
        break;
      }
      case Defect::kT3Col: {
        // Move one case between two outcome rows of one column: the column
        // still adds up, the two rows' totals no longer do.
        std::vector<int> cols;
        for (int c = 0; c < kApplicantCols; ++c) {
          if (Get(r, T3Key("total_done", Col(c))) > 0) cols.push_back(c);
        }
        int c = cols[Uniform(static_cast<int>(cols.size()))];
        std::vector<int> from;
        for (int row = kOutcomeBegin; row < kOutcomeEnd; ++row) {
          if (Get(r, T3Key(Row(row), Col(c))) > 0) from.push_back(row);
        }
        int r1 = from[Uniform(static_cast<int>(from.size()))];
        int r2 = r1;
        while (r2 == r1)
          r2 = kOutcomeBegin + Uniform(kOutcomeEnd - kOutcomeBegin);
        Add(r, T3Key(Row(r1), Col(c)), -1);
        Add(r, T3Key(Row(r2), Col(c)), 1);
        expected.push_back({rule, T3Key(Row(r1), "total")});
        expected.push_back({rule, T3Key(Row(r2), "total")});
        break;
      }
      case Defect::kT3Sum: {
        int c = Uniform(kApplicantCols);
        int d = 1 + Uniform(3);
        int row = kOutcomeBegin + Uniform(kOutcomeEnd - kOutcomeBegin);
        Add(r, T3Key(Row(row), Col(c)), d);
        Add(r, T3Key(Row(row), "total"), d);
        expected.push_back({rule, T3Key("total_done", Col(c))});
        expected.push_back({rule, "t3.total_done.total"});
        break;
      }
      case Defect::kT4Sum: {
        int g = Uniform(3);
        Add(r, T4Key(kT4Groups[g], kT4Columns[Uniform(4)]), 1 + Uniform(3));
        expected.push_back({rule, T4Key(kT4Groups[g], "total")});
        break;
      }
      case Defect::kCellInvalid: {
        std::string key = T3Key(Row(Uniform(25)), Col(Uniform(7)));
        v1::Cell* c = Cell(r, key);
        c->clear_value();
        c->set_raw(Uniform(2) == 0 ? "若干" : "3件左右");
        c->set_state(v1::CELL_STATE_INVALID);
        expected.push_back({rule, key});
        break;
      }
      case Defect::kCellBlank: {
        std::vector<std::string> zeros;
        for (const auto& row : kT3Rows) {
          for (const auto& col : kT3Columns) {
            if (Get(r, T3Key(row, col)) == 0) zeros.push_back(T3Key(row, col));
          }
        }
        std::string key = zeros[Uniform(static_cast<int>(zeros.size()))];
        v1::Cell* c = Cell(r, key);
        c->clear_value();
        c->set_raw(Uniform(2) == 0 ? "/" : "");
        c->set_state(v1::CELL_STATE_BLANK);
        expected.push_back({rule, key});
        break;
      }
      case Defect::kTableMissing: {
        for (const auto& group : kT4Groups) {
          for (const auto& col : kT4Columns) {
            v1::Cell* c = Cell(r, T4Key(group, col));
            c->clear_value();
            c->set_raw("");
            c->set_state(v1::CELL_STATE_ABSENT);
          }
        }
        r.mutable_tables(2)->set_cells_found(false);
        expected.push_back({rule, ""});
        break;
      }
      case Defect::kSectionMissing:
        expected.push_back({rule, ""});  // applied after the prose is rewritten
        break;
      case Defect::kTemplateOutdated:
        r.set_template_(v1::TEMPLATE_HYBRID);
        expected.push_back({rule, ""});
        break;
      case Defect::kNarrativeMismatch:
        // Not 0 and not the carried-in count (收到 may include those).
        new_offset =
            static_cast<int>(Get(r, "t3.carried_in.total")) + 1 + Uniform(9);
        if (has(Defect::kT3Row)) new_offset += 10;
        expected.push_back({rule, "t3.new.total"});
        break;
      case Defect::kAgencyMismatch: {
        std::string other = RandomOtherTownship(r.agency());
        if (other.empty()) break;
        r.set_agency_kind(v1::AGENCY_KIND_TOWNSHIP);
        extra = absl::StrCat("学习借鉴“", other, "”政务公开工作的做法。");
        expected.push_back({rule, ""});
        break;
      }
      case Defect::kYearMismatch:
        r.set_title_year(r.year() - 1);
        expected.push_back({rule, ""});
        break;
      case Defect::kFeeUnit:
        Cell(r, "t2.fees.amount_wan")->set_amount(5e8);
        expected.push_back({rule, "t2.fees.amount_wan"});
        break;
      case Defect::kFeeNotice:
        if (Get(r, "t3.other.unpaid_fee.total") == 0) {
          for (const char* row : {"new", "other.unpaid_fee", "total_done"}) {
            Add(r, T3Key(row, "natural"), 1);
            Add(r, T3Key(row, "total"), 1);
          }
        }
        fee_notices = false;
        expected.push_back({rule, "t3.other.unpaid_fee.total"});
        break;
      case Defect::kZeroReport:
        for (const auto& row : kT3Rows) {
          for (const auto& col : kT3Columns) Set(r, T3Key(row, col), 0);
        }
        for (const auto& group : kT4Groups) {
          for (const auto& col : kT4Columns) Set(r, T4Key(group, col), 0);
        }
        expected.push_back({rule, ""});
        break;
      case Defect::kLabelModified: {
        v1::LabelDeviation* d = r.add_label_deviations();
        d->set_table(2);
        d->set_expected("本年废止件数");
        d->set_found("本年度止件数");
        expected.push_back({rule, ""});
        break;
      }
    }
  }
  // A zero report's prose says no applications were received.
  if (has(Defect::kZeroReport) && new_offset == 0) new_offset = 0;
  WriteProse(r, new_offset, fee_notices, extra);
  if (has(Defect::kSectionMissing)) {
    int k = 1 + Uniform(5);  // keep 一 (the prose) in place
    r.mutable_sections()->erase(r.mutable_sections()->begin() + k);
  }
  std::sort(expected.begin(), expected.end());
  return expected;
}

}  // namespace govreport::testing
