#include "validator-svc/cross_report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"
#include "validator-svc/narrative/narrative_text.h"
#include "validator-svc/report_cells.h"

namespace govreport::validator {
namespace {

constexpr char kCarry[] = "CARRY-CONTINUITY";
constexpr char kStock[] = "STOCK-CONTINUITY";
constexpr char kReuse[] = "TEXT-REUSE";
constexpr int kShingle = 6;  // characters per shingle

// The template's own wording: shared by every report, so it says nothing
// about copying.
constexpr char kTemplateWording[] =
    "一、总体情况二、主动公开政府信息情况三、收到和处理政府信息公开申请情况"
    "四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况六、其他"
    "需要报告的事项"
    "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章行政规范"
    "性文件"
    "第二十条第（五）项信息内容本年处理决定数量行政许可第二十条第（六）项行政处"
    "罚行政强制"
    "第二十条第（八）项本年收费金额（单位：万元）行政事业性收费"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人"
    "情况自然人"
    "法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计"
    "一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量三、本年度"
    "办理结果"
    "（一）予以公开（二）部分公开（区分处理的，只计这一情形，不计其他情形）（三"
    "）不予公开"
    "1.属于国家秘密2.其他法律行政法规禁止公开3.危及“三安全一稳定”4."
    "保护第三方合法权益"
    "5.属于三类内部事务信息6.属于四类过程性信息7.属于行政执法案卷8."
    "属于行政查询事项"
    "（四）无法提供1.本机关不掌握相关政府信息2.没有现成信息需要另行制作3."
    "补正后申请内容仍不明确"
    "（五）不予处理1.信访举报投诉类申请2.重复申请3.要求提供公开出版物4."
    "无正当理由大量反复申请"
    "5.要求行政机关确认或重新出具已获取信息（六）其他处理"
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请3."
    "其他（七）总计"
    "四、结转下年度继续办理行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
    "未经复议直接起诉复议后起诉"
    "本年新制作数量本年新公开数量对外公开总数量上一年项目数量本年增/"
    "减处理决定数量"
    "其他对外管理服务事项第二十条第（九）项政府集中采购采购项目数量采购总金额"
    "根据《中华人民共和国政府信息公开条例》政府信息公开工作年度报告";

bool Keep(char32_t c) {
  // Han characters and letters carry the wording; digits (years, figures),
  // punctuation and spacing do not.
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The distinct shingle hashes of a text, sorted.
std::vector<uint64_t> Shingles(absl::string_view utf8) {
  narrative::NarrativeText text(utf8);
  std::u32string kept;
  kept.reserve(text.text().size());
  for (char32_t c : text.text()) {
    if (Keep(c)) kept.push_back(c);
  }
  std::vector<uint64_t> out;
  if (kept.size() < kShingle) return out;
  out.reserve(kept.size() - kShingle + 1);
  for (size_t i = 0; i + kShingle <= kept.size(); ++i) {
    uint64_t h = 1469598103934665603ULL;
    for (int k = 0; k < kShingle; ++k) h = (h ^ kept[i + k]) * 1099511628211ULL;
    out.push_back(Mix(h));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const absl::flat_hash_set<uint64_t>& TemplateShingles() {
  static const auto* const set = [] {
    std::vector<uint64_t> shingles = Shingles(kTemplateWording);
    return new absl::flat_hash_set<uint64_t>(shingles.begin(), shingles.end());
  }();
  return *set;
}

v1::Finding Stamp(v1::Finding f, const char* rule, v1::Severity fallback,
                  const ValidatorConfig& config, const std::string& other_id) {
  f.set_rule(rule);
  f.set_severity(SeverityFor(config, rule, fallback));
  f.set_other_report_id(other_id);
  return f;
}

bool Comparable(const v1::Report& current, const v1::Report& previous) {
  if (!current.is_annual_report() || !previous.is_annual_report()) return false;
  return !current.has_year() || !previous.has_year() ||
         previous.year() + 1 == current.year();
}

std::string PreviousName(const v1::Report& previous) {
  return previous.has_year() ? absl::StrCat(previous.year(), " 年度报告")
                             : "上年报告";
}

}  // namespace

std::vector<v1::Finding> CheckCarryContinuity(const v1::Report& current,
                                              const v1::Report& previous,
                                              const ValidatorConfig& config) {
  std::vector<v1::Finding> out;
  if (!IsEnabled(config, kCarry) || !Comparable(current, previous)) return out;
  ReportCells now(current), before(previous);
  for (int col = 0; col < t3::kCols; ++col) {
    int in = T3Index(t3::kCarriedIn, col);
    int carried = T3Index(t3::kCarryOut, col);
    if (now.Kind(in) != CellKind::kValue ||
        before.Kind(carried) != CellKind::kValue)
      continue;
    if (std::fabs(now.Value(in) - before.Value(carried)) < 1e-9) continue;
    v1::Finding f;
    f.add_cells(ReportCells::Key(in));
    f.set_message(absl::StrCat(
        "第三张表“", T3ColumnName(col), "”列：本年“上年结转” ",
        FormatFigure(now.Value(in)), " 件，但", PreviousName(previous),
        "的“结转下年度继续办理”为 ", FormatFigure(before.Value(carried)),
        " 件，前后两年不衔接"));
    f.set_expected(before.Value(carried));
    f.set_actual(now.Value(in));
    if (now.Get(in) != nullptr) *f.mutable_location() = now.Get(in)->location();
    out.push_back(Stamp(std::move(f), kCarry, v1::SEVERITY_WARNING, config,
                        previous.id()));
  }
  return out;
}

std::vector<v1::Finding> CheckStockContinuity(const v1::Report& current,
                                              const v1::Report& previous,
                                              const ValidatorConfig& config) {
  std::vector<v1::Finding> out;
  if (!IsEnabled(config, kStock) || !Comparable(current, previous)) return out;
  ReportCells now(current), before(previous);
  auto tolerance = config.thresholds.find("stock_continuity_tolerance");
  double allowed = tolerance == config.thresholds.end()
                       ? DefaultThreshold("stock_continuity_tolerance")
                       : tolerance->second;
  constexpr const char* kRowNames[] = {"规章", "行政规范性文件"};
  for (int row = 0; row < 2; ++row) {
    int issued = kT2Begin + 3 * row, repealed = issued + 1,
        in_force = issued + 2;
    if (now.Kind(issued) != CellKind::kValue ||
        now.Kind(repealed) != CellKind::kValue ||
        now.Kind(in_force) != CellKind::kValue ||
        before.Kind(in_force) != CellKind::kValue) {
      continue;
    }
    double expected =
        before.Value(in_force) + now.Value(issued) - now.Value(repealed);
    if (std::fabs(expected - now.Value(in_force)) <= allowed + 1e-9) continue;
    v1::Finding f;
    for (int i : {in_force, issued, repealed}) f.add_cells(ReportCells::Key(i));
    f.set_message(absl::StrCat(
        "第二张表“", kRowNames[row], "”：现行有效 ",
        FormatFigure(now.Value(in_force)), " 件，但", PreviousName(previous),
        "的现行有效 ", FormatFigure(before.Value(in_force)), " 件 + 本年制发 ",
        FormatFigure(now.Value(issued)), " 件 − 本年废止 ",
        FormatFigure(now.Value(repealed)), " 件 = ", FormatFigure(expected),
        " 件（修改、清理也会造成差异，供核对）"));
    f.set_expected(expected);
    f.set_actual(now.Value(in_force));
    if (now.Get(in_force) != nullptr)
      *f.mutable_location() = now.Get(in_force)->location();
    out.push_back(
        Stamp(std::move(f), kStock, v1::SEVERITY_INFO, config, previous.id()));
  }
  return out;
}

TextFingerprint FingerprintText(absl::string_view text) {
  // One permutation hashing: the top bits of a shingle's hash pick its slot,
  // each slot keeps the least hash that fell in it; one hash per shingle
  // instead of one per shingle and slot.
  constexpr int kSlotShift = 64 - 7;
  static_assert(kMinHashSize == 1 << (64 - kSlotShift));
  TextFingerprint fp;
  fp.minhash.fill(~0ULL);
  std::array<bool, kMinHashSize> filled{};
  const auto& boilerplate = TemplateShingles();
  for (uint64_t s : Shingles(text)) {
    if (boilerplate.contains(s)) continue;
    ++fp.shingle_count;
    const int slot = static_cast<int>(s >> kSlotShift);
    fp.minhash[slot] = std::min(fp.minhash[slot], s);
    filled[slot] = true;
  }
  if (fp.shingle_count == 0) return fp;
  // Densification: an empty slot takes the value of the first filled slot
  // of its own fixed pseudo-random probe sequence, so two texts agree on it
  // with the same probability as on a filled one (Shrivastava, ICML 2017).
  std::array<uint64_t, kMinHashSize> dense = fp.minhash;
  for (int slot = 0; slot < kMinHashSize; ++slot) {
    if (filled[slot]) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      const int donor = static_cast<int>(
          Mix((static_cast<uint64_t>(slot) << 32) | attempt) >> kSlotShift);
      if (filled[donor]) {
        dense[slot] = fp.minhash[donor];
        break;
      }
    }
  }
  fp.minhash = dense;
  return fp;
}

TextFingerprint FingerprintReport(const v1::Report& report) {
  std::string prose;
  for (const v1::Section& section : report.sections())
    absl::StrAppend(&prose, section.text(), "\n");
  TextFingerprint fp = FingerprintText(prose.empty() ? report.text() : prose);
  if (fp.shingle_count == 0 && !prose.empty())
    fp = FingerprintText(report.text());
  fp.report_id = report.id();
  fp.agency = report.agency();
  fp.year = report.has_year() ? report.year() : 0;
  return fp;
}

double EstimatedContainment(const TextFingerprint& a,
                            const TextFingerprint& b) {
  if (a.shingle_count == 0 || b.shingle_count == 0) return 0;
  int equal = 0;
  for (int k = 0; k < kMinHashSize; ++k) equal += a.minhash[k] == b.minhash[k];
  double jaccard = static_cast<double>(equal) / kMinHashSize;
  double containment =
      jaccard * (static_cast<double>(a.shingle_count) + b.shingle_count) /
      ((1 + jaccard) * a.shingle_count);
  return std::clamp(containment, 0.0, 1.0);
}

std::vector<v1::Finding> CheckTextReuse(
    const TextFingerprint& current, absl::Span<const TextFingerprint> others,
    const ValidatorConfig& config) {
  std::vector<v1::Finding> out;
  if (!IsEnabled(config, kReuse)) return out;
  auto threshold = [&](const char* name) {
    auto it = config.thresholds.find(name);
    return it == config.thresholds.end() ? DefaultThreshold(name) : it->second;
  };
  double share_needed = threshold("text_reuse_share");
  if (current.shingle_count < threshold("text_reuse_min_shingles")) return out;
  const TextFingerprint* best[2] = {nullptr,
                                    nullptr};  // same agency, other agency
  double best_share[2] = {0, 0};
  for (const TextFingerprint& other : others) {
    if (!other.report_id.empty() && other.report_id == current.report_id)
      continue;
    if (other.shingle_count < threshold("text_reuse_min_shingles")) continue;
    bool same_agency =
        !current.agency.empty() && other.agency == current.agency;
    if (same_agency && (current.year == 0 || other.year + 1 != current.year))
      continue;
    double share = EstimatedContainment(current, other);
    int kind = same_agency ? 0 : 1;
    if (share >= share_needed && share > best_share[kind]) {
      best[kind] = &other;
      best_share[kind] = share;
    }
  }
  for (int kind = 0; kind < 2; ++kind) {
    if (best[kind] == nullptr) continue;
    const TextFingerprint& other = *best[kind];
    v1::Finding f;
    f.set_message(absl::StrCat(
        "本报告正文约 ", static_cast<int>(std::lround(best_share[kind] * 100)),
        "% 与", kind == 0 ? "本单位上年报告" : "其他单位的报告", "“",
        other.agency.empty() ? "（未知单位）"
                             : narrative::ValidUtf8(other.agency),
        " ",
        other.year > 0 ? absl::StrCat(other.year, " 年度")
                       : std::string("年份不详"),
        "”相同，疑似照搬"));
    f.set_expected(share_needed);
    f.set_actual(best_share[kind]);
    out.push_back(Stamp(std::move(f), kReuse, v1::SEVERITY_WARNING, config,
                        other.report_id));
  }
  return out;
}

}  // namespace govreport::validator
