#include "parser-svc/tables/label_matcher.h"

#include <algorithm>
#include <array>

#include "common/text/normalize.h"

namespace govreport::parser {
namespace {

using text::ChineseNumeralValue;
using text::IsDigit;
using text::IsSpace;

struct T3Spec {
  std::u32string_view canonical;  // LabelKey form, no ordinal
  std::u32string_view label;      // as the template prints it
  std::array<std::u32string_view, 3> keywords;
};

// Template order of kT3Rows.
constexpr std::array<T3Spec, 25> kT3Specs = {{
    {U"本年新收政府信息公开申请数量",
     U"本年新收政府信息公开申请数量",
     {U"本年新收", U"新收政府信息"}},
    {U"上年结转政府信息公开申请数量",
     U"上年结转政府信息公开申请数量",
     {U"上年结转"}},
    {U"予以公开", U"予以公开", {U"予以公开"}},
    {U"部分公开",
     U"部分公开（区分处理的，只计这一情形，不计其他情形）",
     {U"部分公开"}},
    {U"属于国家秘密", U"属于国家秘密", {U"国家秘密"}},
    {U"其他法律行政法规禁止公开",
     U"其他法律行政法规禁止公开",
     {U"禁止公开", U"其他法律行政法规"}},
    {U"危及三安全一稳定", U"危及“三安全一稳定”", {U"三安全一稳定"}},
    {U"保护第三方合法权益",
     U"保护第三方合法权益",
     {U"第三方合法权益", U"保护第三方"}},
    {U"属于三类内部事务信息", U"属于三类内部事务信息", {U"内部事务"}},
    {U"属于四类过程性信息", U"属于四类过程性信息", {U"过程性信息"}},
    {U"属于行政执法案卷", U"属于行政执法案卷", {U"执法案卷"}},
    {U"属于行政查询事项", U"属于行政查询事项", {U"行政查询"}},
    {U"本机关不掌握相关政府信息", U"本机关不掌握相关政府信息", {U"不掌握"}},
    {U"没有现成信息需要另行制作",
     U"没有现成信息需要另行制作",
     {U"另行制作", U"没有现成信息"}},
    {U"补正后申请内容仍不明确",
     U"补正后申请内容仍不明确",
     {U"仍不明确", U"补正后申请"}},
    {U"信访举报投诉类申请", U"信访举报投诉类申请", {U"信访举报"}},
    {U"重复申请", U"重复申请", {U"重复申请"}},
    {U"要求提供公开出版物", U"要求提供公开出版物", {U"公开出版物"}},
    {U"无正当理由大量反复申请", U"无正当理由大量反复申请", {U"大量反复"}},
    {U"要求行政机关确认或重新出具已获取信息",
     U"要求行政机关确认或重新出具已获取信息",
     {U"重新出具", U"确认或重新"}},
    {U"申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请",
     U"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     {U"逾期不补正"}},
    {U"申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请",
     U"申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     {U"逾期未按收费", U"缴纳费用", U"未按收费通知"}},
    {U"其他", U"其他", {}},
    {U"总计", U"总计", {}},
    {U"结转下年度继续办理",
     U"结转下年度继续办理",
     {U"结转下年度", U"下年度继续办理"}},
}};

constexpr int kOtherOther = 22;
constexpr int kTotalDone = 23;

bool StartsWith(std::u32string_view s, std::u32string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}
bool Contains(std::u32string_view s, std::u32string_view p) {
  return !p.empty() && s.find(p) != std::u32string_view::npos;
}

std::string Utf8(std::u32string_view s) { return text::U32ToUtf8(s); }

}  // namespace

size_t BoundedEditDistance(std::u32string_view a, std::u32string_view b,
                           size_t limit) {
  size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  return EditDistance(a, b);
}

size_t EditDistance(std::u32string_view a, std::u32string_view b) {
  // Labels are short: rows on the stack, no allocation.
  constexpr size_t kMax = 96;
  if (b.size() >= kMax) b = b.substr(0, kMax - 1);
  size_t prev[kMax], cur[kMax];
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::copy(cur, cur + b.size() + 1, prev);
  }
  return prev[b.size()];
}

LabelParts SplitOrdinals(std::u32string_view s) {
  LabelParts parts;
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < s.size() && IsSpace(s[i])) ++i;
  };
  while (true) {
    skip_spaces();
    if (i >= s.size()) break;
    size_t start = i;
    // "三、" / "三." (top level)
    if (ChineseNumeralValue(s[i]) > 0 && i + 1 < s.size() &&
        (s[i + 1] == 0x3001 || s[i + 1] == '.' || s[i + 1] == ',')) {
      if (parts.top == 0) parts.top = ChineseNumeralValue(s[i]);
      i += 2;
      continue;
    }
    // "(三)" / "(3)"
    if (s[i] == '(' && i + 2 < s.size()) {
      size_t j = i + 1;
      int value = 0;
      bool chinese = false;
      while (j < s.size() && ChineseNumeralValue(s[j]) > 0) {
        value = value * 10 + ChineseNumeralValue(s[j]);
        chinese = true;
        ++j;
      }
      if (!chinese) {
        while (j < s.size() && IsDigit(s[j]))
          value = value * 10 + (s[j++] - '0');
      }
      if (value > 0 && j < s.size() && s[j] == ')') {
        if (chinese) {
          parts.group = value;
        } else {
          parts.item = value;
        }
        i = j + 1;
        continue;
      }
    }
    // "1." / "1、" / "1．"
    if (IsDigit(s[i])) {
      size_t j = i;
      int value = 0;
      while (j < s.size() && IsDigit(s[j]) && j - i < 2) {
        value = value * 10 + (s[j++] - '0');
      }
      if (j < s.size() && (s[j] == '.' || s[j] == 0x3001) &&
          (j + 1 >= s.size() || !IsDigit(s[j + 1]))) {
        parts.item = value;
        i = j + 1;
        continue;
      }
    }
    i = start;
    break;
  }
  parts.key = text::LabelKey(s.substr(i));
  return parts;
}

std::string T3RowLabel(int row) {
  static const auto* const labels = [] {
    auto* l = new std::vector<std::string>();
    for (const T3Spec& spec : kT3Specs) l->push_back(Utf8(spec.label));
    return l;
  }();
  if (row < 0 || row >= static_cast<int>(labels->size())) return "";
  return (*labels)[row];
}

std::u32string T3SearchKey(int row) {
  return std::u32string(kT3Specs[row].canonical);
}

std::u32string T3TrailingNoteKey(int row) {
  if (row == 3) return U"区分处理的只计这一情形不计其他情形";
  return U"";
}

T3LabelMatch MatchT3Label(std::u32string_view folded, int current_group) {
  T3LabelMatch m;
  LabelParts parts = SplitOrdinals(folded);
  const std::u32string& k = parts.key;
  if (k.empty()) return m;
  auto found = [&](int row, MatchQuality q) {
    m.row = row;
    m.quality = q;
    m.expected = Utf8(kT3Specs[row].label);
    return m;
  };
  // Short labels that only their ordinal or place distinguishes.
  if (k == U"其他") {
    if (parts.item == 3 || current_group == 6 || parts.item == 0) {
      return found(kOtherOther, MatchQuality::kExact);
    }
    return m;
  }
  if (k == U"总计" || k == U"合计" || k == U"总数") {
    return found(kTotalDone, MatchQuality::kExact);
  }
  if (k == U"本年度办理结果" || k == U"办理结果") {
    m.group = 3;
    return m;
  }
  if (k == U"不予公开") {
    m.group = 3;
    return m;
  }
  if (k == U"无法提供") {
    m.group = 4;
    return m;
  }
  if (k == U"不予处理") {
    m.group = 5;
    return m;
  }
  if (k == U"其他处理") {
    m.group = 6;
    m.single_six = true;
    m.row = kOtherOther;
    m.quality = MatchQuality::kExact;
    m.expected = "其他处理";
    return m;
  }
  // Exact, or a line-wrapped beginning/end.
  int hit = -1, hits = 0;
  for (int r = 0; r < static_cast<int>(kT3Specs.size()); ++r) {
    std::u32string_view c = kT3Specs[r].canonical;
    if (r == kOtherOther || r == kTotalDone) continue;
    if (k == c) return found(r, MatchQuality::kExact);
    // A fragment cut by a line wrap: the beginning of exactly one label.
    if ((k.size() >= 2 && StartsWith(c, k)) || StartsWith(k, c)) {
      hit = r;
      ++hits;
    }
  }
  if (hits == 1) return found(hit, MatchQuality::kExact);
  // A distinctive keyword.
  hit = -1;
  hits = 0;
  for (int r = 0; r < static_cast<int>(kT3Specs.size()); ++r) {
    for (std::u32string_view kw : kT3Specs[r].keywords) {
      if (Contains(k, kw)) {
        if (hit != r) ++hits;
        hit = r;
        break;
      }
    }
  }
  if (hits == 1) {
    std::u32string_view c = kT3Specs[hit].canonical;
    bool same = Contains(k, c) || (k.size() >= 4 && Contains(c, k));
    return found(hit, same ? MatchQuality::kExact : MatchQuality::kTolerant);
  }
  // A typo.
  size_t best = SIZE_MAX, second = SIZE_MAX;
  int best_row = -1;
  if (k.size() > 48) return m;  // running text, not a label
  for (int r = 0; r < static_cast<int>(kT3Specs.size()); ++r) {
    if (r == kOtherOther || r == kTotalDone) continue;
    std::u32string_view c = kT3Specs[r].canonical;
    if (c.size() < 4) continue;
    size_t limit = std::max<size_t>(1, c.size() / 4);
    size_t d = BoundedEditDistance(k, c, limit);
    if (d > limit) continue;  // too far to be this label
    if (d < best) {
      second = best;
      best = d;
      best_row = r;
    } else if (d < second) {
      second = d;
    }
  }
  if (best_row >= 0) {
    size_t limit = std::max<size_t>(1, kT3Specs[best_row].canonical.size() / 4);
    if (best <= limit && second > best) {
      return found(best_row, MatchQuality::kTolerant);
    }
  }
  return m;
}

// --- Table 2
// ------------------------------------------------------------------

namespace {

struct T2Spec {
  T2Row row;
  std::u32string_view canonical;
  std::u32string_view label;
};

constexpr std::array<T2Spec, 8> kT2Specs = {{
    {T2Row::kRules, U"规章", U"规章"},
    {T2Row::kNormative, U"行政规范性文件", U"行政规范性文件"},
    {T2Row::kLicensing, U"行政许可", U"行政许可"},
    {T2Row::kOtherServices, U"其他对外管理服务事项", U"其他对外管理服务事项"},
    {T2Row::kPenalty, U"行政处罚", U"行政处罚"},
    {T2Row::kCoercion, U"行政强制", U"行政强制"},
    {T2Row::kFees, U"行政事业性收费", U"行政事业性收费"},
    {T2Row::kProcurement, U"政府集中采购", U"政府集中采购"},
}};

struct T2HeaderSpec {
  T2Version version;
  std::u32string_view canonical;
  std::u32string_view label;
};

constexpr std::array<T2HeaderSpec, 12> kT2Headers = {{
    {T2Version::kV2021, U"本年制发件数", U"本年制发件数"},
    {T2Version::kV2021, U"本年废止件数", U"本年废止件数"},
    {T2Version::kV2021, U"现行有效件数", U"现行有效件数"},
    {T2Version::kV2021, U"本年处理决定数量", U"本年处理决定数量"},
    {T2Version::kV2021, U"本年收费金额单位万元", U"本年收费金额（单位：万元）"},
    {T2Version::kV2019, U"本年新制作数量", U"本年新制作数量"},
    {T2Version::kV2019, U"本年新公开数量", U"本年新公开数量"},
    {T2Version::kV2019, U"对外公开总数量", U"对外公开总数量"},
    {T2Version::kV2019, U"上一年项目数量", U"上一年项目数量"},
    {T2Version::kV2019, U"本年增减", U"本年增/减"},
    {T2Version::kV2019, U"采购项目数量", U"采购项目数量"},
    {T2Version::kV2019, U"采购总金额", U"采购总金额"},
}};

}  // namespace

T2LabelMatch MatchT2Label(std::u32string_view folded) {
  T2LabelMatch m;
  LabelParts parts = SplitOrdinals(folded);
  const std::u32string& k = parts.key;
  if (k.empty()) return m;
  for (const T2Spec& s : kT2Specs) {
    if (k == s.canonical) {
      m.quality = MatchQuality::kExact;
      m.row = s.row;
      m.expected = Utf8(s.label);
      return m;
    }
  }
  if (k == U"规范性文件") {
    m.quality = MatchQuality::kExact;
    m.row = T2Row::kNormative;
    m.v2019_normative = true;
    m.expected = "行政规范性文件";
    return m;
  }
  if (k.size() < 4 || k.size() > 14) return m;
  size_t best = SIZE_MAX, second = SIZE_MAX;
  const T2Spec* best_spec = nullptr;
  for (const T2Spec& s : kT2Specs) {
    size_t limit = std::max<size_t>(1, s.canonical.size() / 4);
    size_t d = BoundedEditDistance(k, s.canonical, limit);
    if (d > limit) continue;
    if (d < best) {
      second = best;
      best = d;
      best_spec = &s;
    } else if (d < second) {
      second = d;
    }
  }
  if (best_spec != nullptr &&
      best <= std::max<size_t>(1, best_spec->canonical.size() / 4) &&
      second > best) {
    m.quality = MatchQuality::kTolerant;
    m.row = best_spec->row;
    m.expected = Utf8(best_spec->label);
  }
  return m;
}

std::u32string T2SearchKey(T2Row row) {
  for (const T2Spec& s : kT2Specs) {
    if (s.row == row) return std::u32string(s.canonical);
  }
  return U"";
}

T2HeaderMatch MatchT2Header(std::u32string_view folded) {
  T2HeaderMatch m;
  std::u32string k = text::LabelKey(folded);
  if (k.empty()) return m;
  // "处理决定数量" is shared by both versions' (五)(六) blocks.
  if (k == U"处理决定数量") {
    m.quality = MatchQuality::kExact;
    m.expected = "处理决定数量";
    return m;
  }
  for (const T2HeaderSpec& h : kT2Headers) {
    if (k == h.canonical) {
      m.quality = MatchQuality::kExact;
      m.version = h.version;
      m.expected = Utf8(h.label);
      return m;
    }
  }
  if (k.size() < 4 || k.size() > 16) return m;
  size_t best = SIZE_MAX, second = SIZE_MAX;
  const T2HeaderSpec* best_spec = nullptr;
  for (const T2HeaderSpec& h : kT2Headers) {
    size_t limit = std::max<size_t>(1, h.canonical.size() / 4);
    size_t d = BoundedEditDistance(k, h.canonical, limit);
    if (d > limit) continue;
    if (d < best) {
      second = best;
      best = d;
      best_spec = &h;
    } else if (d < second) {
      second = d;
    }
  }
  if (best_spec != nullptr &&
      best <= std::max<size_t>(1, best_spec->canonical.size() / 4) &&
      second > best) {
    m.quality = MatchQuality::kTolerant;
    m.version = best_spec->version;
    m.expected = Utf8(best_spec->label);
  }
  return m;
}

}  // namespace govreport::parser
