#include "validator-svc/narrative/figure_extractor.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string_view>

#include "validator-svc/narrative/chinese_numeral.h"

namespace govreport::validator::narrative {
namespace {

using View = std::u32string_view;

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool Contains(View haystack, View needle) {
  return haystack.find(needle) != View::npos;
}

// A set of words looked for together, with a 64-bit filter of their first
// characters: one pass over the text checks the words only where one may
// start.
template <size_t N>
struct WordSet {
  constexpr explicit WordSet(const View (&list)[N]) {
    for (size_t k = 0; k < N; ++k) {
      words[k] = list[k];
      first_chars |= uint64_t{1} << (list[k][0] & 63);
    }
  }
  bool MayStart(char32_t c) const { return (first_chars >> (c & 63)) & 1; }
  View words[N];
  uint64_t first_chars = 0;
};

template <size_t N>
bool ContainsAny(View haystack, const WordSet<N>& set) {
  for (size_t j = 0; j < haystack.size(); ++j) {
    if (!set.MayStart(haystack[j])) continue;
    for (View n : set.words) {
      if (haystack[j] == n[0] && haystack.substr(j).starts_with(n)) return true;
    }
  }
  return false;
}

// Clause delimiters: a figure's topic word must stand in its clause.
bool IsClauseBreak(char32_t c) {
  switch (c) {
    case U'，':
    case U'。':
    case U'；':
    case U'！':
    case U'？':
    case U'：':
    case U'（':
    case U'）':
    case U'|':
    case U'【':
    case U'】':
      return true;
    default:
      return false;
  }
}

bool IsSentenceBreak(char32_t c) {
  return c == U'。' || c == U'；' || c == U'！' || c == U'？';
}

enum class Unit { kNone, kCount, kItem, kYuan, kWanYuan };

struct RawFigure {
  size_t begin, end;  // number .. end of unit
  size_t unit_begin;
  double value;
  bool approximate;
  Unit unit;
};

// Reads the unit at `i`; returns its length (0 when none).
size_t ReadUnit(View t, size_t i, Unit& unit) {
  if (i >= t.size()) return 0;
  char32_t c = t[i];
  char32_t next = i + 1 < t.size() ? t[i + 1] : 0;
  switch (c) {
    case U'件':
      if (next == U'事') return 0;  // "一件事" is a slogan, not a count
      unit = Unit::kCount;
      return 1;
    case U'起':
    case U'宗':
    case U'份':
    case U'次':
      unit = Unit::kCount;
      return 1;
    case U'条':
      if (next == U'龙') return 0;
      unit = Unit::kItem;
      return 1;
    case U'元':
      unit = Unit::kYuan;
      return 1;
    case U'万':
      if (next == U'元') {
        unit = Unit::kWanYuan;
        return 2;
      }
      return 0;
    default:
      return 0;
  }
}

// What the one pass over the text collects: raw figures, found from their
// units backwards (units are rare, digits and numerals are everywhere in
// tables), and where the negations and "收费通知" may start.
struct Scan {
  std::vector<RawFigure> figures;
  std::vector<size_t> negation_starts;  // 未, 没, 无
  std::vector<size_t> fee_notices;      // 收费通知
};

void ScanText(View t, Scan& out) {
  static const std::bitset<0x10000>* const interesting = [] {
    auto* b = new std::bitset<0x10000>();
    for (char32_t c : View(U"件起宗份次条元万未没无收")) b->set(c);
    return b;
  }();
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] >= 0x10000 || !interesting->test(t[i])) continue;
    switch (t[i]) {
      case U'未':
      case U'没':
      case U'无':
        out.negation_starts.push_back(i);
        continue;
      case U'收':
        if (t.substr(i, 4) == U"收费通知") out.fee_notices.push_back(i);
        continue;
      default:
        break;
    }
    if (i == 0) continue;
    Unit unit = Unit::kNone;
    size_t len = ReadUnit(t, i, unit);
    if (len == 0) continue;
    size_t p = i;
    bool approximate = false;
    if (t[p - 1] == U'余' || t[p - 1] == U'多') {
      approximate = true;
      --p;
    }
    if (p == 0) continue;
    size_t begin = p;
    std::optional<double> value;
    if (IsDigit(t[p - 1])) {
      while (begin > 0 &&
             (IsDigit(t[begin - 1]) ||
              (t[begin - 1] == '.' && begin >= 2 && IsDigit(t[begin - 2]) &&
               begin < p && IsDigit(t[begin])))) {
        --begin;
      }
      char32_t before = begin > 0 ? t[begin - 1] : 0;
      if (before == '.' || (before >= 'A' && before <= 'z')) {
        i += len - 1;
        continue;
      }
      double v = 0;
      size_t k = begin;
      while (k < p && IsDigit(t[k])) v = v * 10 + (t[k++] - '0');
      if (k < p && t[k] == '.') {
        double scale = 0.1;
        for (++k; k < p; ++k, scale /= 10) v += (t[k] - '0') * scale;
      }
      value = v;
    } else if (IsChineseNumeralChar(t[p - 1])) {
      while (begin > 0 && IsChineseNumeralChar(t[begin - 1])) --begin;
      // "第一件", "每一件", "单一条" are not counts.
      char32_t before = begin > 0 ? t[begin - 1] : 0;
      if (before != U'第' && before != U'每' && before != U'单' &&
          before != U'唯') {
        std::optional<int64_t> v =
            ParseChineseNumeral(t.substr(begin, p - begin));
        if (v) value = static_cast<double>(*v);
      }
    }
    if (value)
      out.figures.push_back({begin, i + len, i, *value, approximate, unit});
    i += len - 1;
  }
}

struct Keyword {
  View word;
  Topic topic;
};

// Topic words; the one ending nearest the figure wins, the longer on a tie
// (上年结转 over 结转, 予以公开及部分公开 over 部分公开).
constexpr Keyword kKeywords[] = {
    {U"收到", Topic::kNewApplications},
    {U"接收", Topic::kNewApplications},
    {U"接到", Topic::kNewApplications},
    {U"新收", Topic::kNewApplications},
    {U"受理", Topic::kNewApplications},
    {U"上年结转", Topic::kCarriedIn},
    {U"上年度结转", Topic::kCarriedIn},
    {U"上一年度结转", Topic::kCarriedIn},
    {U"上年遗留", Topic::kCarriedIn},
    {U"办结", Topic::kDone},
    {U"予以公开", Topic::kGranted},
    {U"同意公开", Topic::kGranted},
    {U"部分公开", Topic::kPartial},
    {U"予以公开及部分公开", Topic::kGrantedOrPartial},
    {U"予以公开和部分公开", Topic::kGrantedOrPartial},
    {U"予以公开、部分公开", Topic::kGrantedOrPartial},
    {U"同意公开及部分公开", Topic::kGrantedOrPartial},
    {U"不予公开", Topic::kDenied},
    {U"不同意公开", Topic::kDenied},
    {U"无法提供", Topic::kUnable},
    {U"不予处理", Topic::kNoProcessing},
    {U"其他处理", Topic::kOtherProcessing},
    {U"结转下", Topic::kCarryOut},
    {U"结转到下", Topic::kCarryOut},
    {U"结转至", Topic::kCarryOut},
    {U"转下一年", Topic::kCarryOut},
    {U"转入下一年", Topic::kCarryOut},
    {U"转入下年", Topic::kCarryOut},
    {U"行政复议", Topic::kReview},
    {U"行政诉讼", Topic::kLitigation},
    {U"主动公开", Topic::kProactive},
};

// Figures next to these words are about something else.
constexpr View kOtherWorkflowWords[] = {U"咨询", U"投诉", U"留言", U"诉求",
                                        U"热线", U"来信", U"来访", U"建议",
                                        U"提案", U"12345"};
constexpr WordSet kOtherWorkflows(kOtherWorkflowWords);
constexpr View kComparisonWords[] = {U"同比",   U"增加",   U"减少",   U"增长",
                                     U"下降",   U"上升",   U"较上年", U"比上年",
                                     U"较去年", U"比去年", U"环比",   U"占"};
constexpr WordSet kComparisons(kComparisonWords);

// A topic word further than this from its figure is about something else
// ("…提起行政诉讼的情况…等六部分").
constexpr size_t kMaxGap = 12;
// How far before a figure its topic word is looked for.
constexpr size_t kSegmentReach = kMaxGap + 10;

// The keywords' first characters, to look them up in one pass.
constexpr uint64_t KeywordFirstChars() {
  uint64_t mask = 0;
  for (const Keyword& k : kKeywords) mask |= uint64_t{1} << (k.word[0] & 63);
  return mask;
}

std::optional<Topic> TopicOf(View segment) {
  // The occurrence ending last wins (each keyword's last occurrence ends
  // after its earlier ones, so this is the nearest keyword as with rfind),
  // the longer keyword on a tie.
  static constexpr uint64_t kFirstChars = KeywordFirstChars();
  size_t best_end = 0;
  size_t best_len = 0;
  std::optional<Topic> best;
  for (size_t j = 0; j < segment.size(); ++j) {
    if (((kFirstChars >> (segment[j] & 63)) & 1) == 0) continue;
    for (const Keyword& k : kKeywords) {
      if (segment[j] != k.word[0] || !segment.substr(j).starts_with(k.word))
        continue;
      size_t end = j + k.word.size();
      if (end > best_end || (end == best_end && k.word.size() > best_len)) {
        best_end = end;
        best_len = k.word.size();
        best = k.topic;
      }
    }
  }
  if (best && segment.size() - best_end > kMaxGap) return std::nullopt;
  return best;
}

class Extractor {
 public:
  explicit Extractor(const NarrativeText& text) : t_(text.text()) {}

  std::vector<StatedFigure> Run() {
    ScanText(t_, scan_);
    raw_ = std::move(scan_.figures);
    consumed_.assign(raw_.size(), false);
    for (size_t k = 0; k < raw_.size(); ++k) {
      if (!consumed_[k]) Attribute(k);
    }
    Negations();
    return std::move(out_);
  }

 private:
  // A sentence is looked at no further than this from the figure: flattened
  // tables make "sentences" of thousands of characters.
  static constexpr size_t kSentenceReach = 120;
  size_t SentenceStart(size_t pos) const {
    size_t limit = pos > kSentenceReach ? pos - kSentenceReach : 0;
    while (pos > limit && !IsSentenceBreak(t_[pos - 1])) --pos;
    return pos;
  }
  size_t SentenceEnd(size_t pos) const {
    size_t limit = std::min(t_.size(), pos + kSentenceReach);
    while (pos < limit && !IsSentenceBreak(t_[pos])) ++pos;
    return pos;
  }
  View Span(size_t begin, size_t end) const {
    return View(t_).substr(begin, end - begin);
  }

  void Attribute(size_t k) {
    const RawFigure& f = raw_[k];
    // Only the words right before a figure can be its topic (kMaxGap plus
    // the longest topic word), within its clause.
    size_t seg_begin = f.begin > kSegmentReach ? f.begin - kSegmentReach : 0;
    for (size_t p = f.begin; p > seg_begin; --p) {
      if (IsClauseBreak(t_[p - 1])) {
        seg_begin = p;
        break;
      }
    }
    if (k > 0 && raw_[k - 1].end > seg_begin) seg_begin = raw_[k - 1].end;
    View segment = Span(seg_begin, f.begin);
    if (ContainsAny(segment, kComparisons)) return;
    auto sentence = [&] {
      return Span(SentenceStart(f.begin), SentenceEnd(f.end));
    };
    size_t after_end = f.end;
    while (after_end < t_.size() && after_end < f.end + 16 &&
           !IsClauseBreak(t_[after_end])) {
      ++after_end;
    }
    View after = Span(f.end, after_end);

    if (f.unit == Unit::kYuan || f.unit == Unit::kWanYuan) {
      double yuan = f.unit == Unit::kWanYuan ? f.value * 10000 : f.value;
      if (Contains(segment, U"收取") || Contains(segment, U"实收") ||
          Contains(segment, U"收缴")) {
        if (Contains(sentence(), U"费")) Emit(Topic::kFeeCollected, yuan, f);
      } else if ((Contains(segment, U"金额") || Contains(segment, U"总额")) &&
                 Contains(sentence(), U"收费通知")) {
        Emit(Topic::kFeeNoticeAmount, yuan, f);
      }
      return;
    }
    if (Contains(segment, U"收费通知")) {
      if (f.unit == Unit::kCount) Emit(Topic::kFeeNotices, f.value, f);
      return;
    }

    std::optional<Topic> topic = TopicOf(segment);
    if (!topic) {
      // "有1件涉及政府信息公开工作的行政复议", "收到154件政府信息公开申请".
      if (Contains(after, U"行政复议")) {
        topic = Topic::kReview;
      } else if (Contains(after, U"行政诉讼")) {
        topic = Topic::kLitigation;
      }
    }
    if (!topic) return;
    if (*topic == Topic::kProactive) {
      if (f.unit == Unit::kItem) EmitProactive(k);
      return;
    }
    if (f.unit != Unit::kCount) return;
    if (*topic == Topic::kNewApplications || *topic == Topic::kDone) {
      if (ContainsAny(sentence(), kOtherWorkflows)) return;
    }
    if (*topic == Topic::kNewApplications) {
      // The figure must count applications: 申请 right before it or right
      // after.
      size_t last = segment.rfind(U"申请");
      bool before = last != View::npos && segment.size() - (last + 2) <= 6;
      if (!before && !Contains(after, U"申请")) return;
    }
    Emit(*topic, f.value, f);
  }

  void Emit(Topic topic, double value, const RawFigure& f) {
    StatedFigure s;
    s.topic = topic;
    s.value = value;
    s.approximate = f.approximate;
    s.begin = f.begin;
    s.end = f.end;
    out_.push_back(std::move(s));
  }

  // "主动公开…94条。其中，…45条，…15条，…40条。"
  void EmitProactive(size_t k) {
    const RawFigure& f = raw_[k];
    StatedFigure s;
    s.topic = Topic::kProactive;
    s.value = f.value;
    s.approximate = f.approximate;
    s.begin = f.begin;
    s.end = f.end;
    size_t p = f.end;
    while (p < t_.size() && p < f.end + 3 && IsClauseBreak(t_[p])) ++p;
    if (Span(p, std::min(t_.size(), p + 2)) == U"其中") {
      size_t stop = p;
      while (stop < t_.size() && t_[stop] != U'。' && t_[stop] != U'！' &&
             t_[stop] != U'？') {
        ++stop;
      }
      bool exact = true;
      for (size_t j = k + 1; j < raw_.size() && raw_[j].end <= stop; ++j) {
        if (raw_[j].unit != Unit::kItem) continue;
        exact &= !raw_[j].approximate;
        s.parts.push_back(raw_[j].value);
        consumed_[j] = true;  // a part is not a figure of its own
      }
      if (!exact) s.parts.clear();
    }
    out_.push_back(std::move(s));
  }

  // "未收到政府信息公开申请", "没有因政府信息公开被申请行政复议或行政诉讼",
  // "无收取信息处理费情况", "发出收费通知的件数和总金额…均为0".
  void Negations() {
    static constexpr View kMarkers[] = {
        U"未收到",   U"未接到",   U"未接收",   U"未受理",   U"没有收到",
        U"没有接到", U"未发生",   U"没有发生", U"未产生",   U"没有产生",
        U"未出现",   U"没有出现", U"未发出",   U"没有发出", U"未收取",
        U"没有收取", U"没有因",   U"未因",     U"无"};
    static constexpr View kNoneFollowers[] = {
        U"收到",       U"政府信息公开申请",
        U"依申请",     U"申请",
        U"行政复议",   U"行政诉讼",
        U"收费",       U"收取",
        U"信息处理费", U"相关"};
    size_t next = 0;  // a negation's scope is not searched again
    for (size_t i : scan_.negation_starts) {
      if (i < next) continue;
      for (View marker : kMarkers) {
        if (Span(i, std::min(t_.size(), i + marker.size())) != marker) continue;
        size_t scope_begin = i + marker.size();
        if (marker == U"无") {
          char32_t before = i > 0 ? t_[i - 1] : U'，';
          if (!IsClauseBreak(before) && before != U'年' && before != U'度' &&
              before != U'均' && before != U'并') {
            break;
          }
          bool ok = false;
          for (View follower : kNoneFollowers) {
            ok |= Span(scope_begin,
                       std::min(t_.size(), scope_begin + follower.size())) ==
                  follower;
          }
          if (!ok) break;
        }
        size_t scope_end = scope_begin;
        while (scope_end < t_.size() && scope_end < scope_begin + 30 &&
               !IsClauseBreak(t_[scope_end]) && !IsDigit(t_[scope_end])) {
          ++scope_end;
        }
        NegatedScope(marker, i, Span(scope_begin, scope_end), scope_end);
        next = scope_end;
        break;
      }
    }
    // "发出收费通知的件数和总金额，以及实际收取的总金额均为0".
    next = 0;
    for (size_t p : scan_.fee_notices) {
      if (p < next) continue;
      size_t end = SentenceEnd(p);
      View sentence = Span(SentenceStart(p), end);
      if (Contains(sentence, U"均为0") || Contains(sentence, U"均为零") ||
          Contains(sentence, U"均是0")) {
        StatedFigure s;
        s.topic = Topic::kFeeNotices;
        s.by_negation = true;
        s.begin = p;
        s.end = p + 4;
        out_.push_back(s);
      }
      next = end + 1;
    }
  }

  void NegatedScope(View marker, size_t begin, View scope, size_t end) {
    auto emit = [&](Topic topic) {
      StatedFigure s;
      s.topic = topic;
      s.by_negation = true;
      s.begin = begin;
      s.end = end;
      out_.push_back(s);
    };
    bool review = Contains(scope, U"复议");
    bool litigation = Contains(scope, U"诉讼");
    if (review || litigation) {
      if (review) emit(Topic::kReview);
      if (litigation) emit(Topic::kLitigation);
      return;
    }
    if (Contains(scope, U"收费通知") || marker == U"未发出" ||
        marker == U"没有发出") {
      if (Contains(scope, U"收费通知")) emit(Topic::kFeeNotices);
      return;
    }
    if (marker == U"未收取" || marker == U"没有收取" ||
        Contains(scope, U"信息处理费") || Contains(scope, U"收费") ||
        Contains(scope, U"收取")) {
      emit(Topic::kFeeCollected);
      return;
    }
    static constexpr View kReceiving[] = {U"未收到", U"未接到",   U"未接收",
                                          U"未受理", U"没有收到", U"没有接到",
                                          U"无"};
    bool receiving = false;
    for (View r : kReceiving) receiving |= marker == r;
    if (receiving && Contains(scope, U"申请") &&
        !ContainsAny(scope, kOtherWorkflows)) {
      emit(Topic::kNewApplications);
    }
  }

  View t_;
  Scan scan_;
  std::vector<RawFigure> raw_;
  std::vector<bool> consumed_;
  std::vector<StatedFigure> out_;
};

}  // namespace

std::vector<StatedFigure> ExtractFigures(const NarrativeText& text) {
  return Extractor(text).Run();
}

}  // namespace govreport::validator::narrative
