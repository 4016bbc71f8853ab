#include "validator-svc/rules/narrative_mismatch.h"

#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {
namespace {

using narrative::StatedFigure;
using narrative::Topic;

// The table's figure for a topic: the cells and their sum, or nullopt when
// any of them is blank or unreadable, or none is in the document.
struct TableFigure {
  std::vector<int> cells;
  double value = 0;
};

std::optional<TableFigure> Sum(const ReportCells& cells, std::vector<int> idx) {
  TableFigure out;
  bool any = false;
  for (int i : idx) {
    switch (cells.Kind(i)) {
      case CellKind::kBlank:
      case CellKind::kUnknown:
        return std::nullopt;
      case CellKind::kValue:
        any = true;
        out.value += cells.Value(i);
        break;
      case CellKind::kAbsent:
        break;
    }
  }
  if (!any) return std::nullopt;
  out.cells = std::move(idx);
  return out;
}

std::vector<int> T3Rows(int begin, int end) {
  std::vector<int> idx;
  for (int row = begin; row < end; ++row)
    idx.push_back(T3Index(row, t3::kTotalCol));
  return idx;
}

struct TopicInfo {
  const char* stated;  // what the prose talks about
  const char* table;   // where the table has it
};

TopicInfo Describe(Topic topic) {
  switch (topic) {
    case Topic::kNewApplications:
      return {"收到政府信息公开申请", "第三张表“本年新收”总计"};
    case Topic::kCarriedIn:
      return {"上年结转申请", "第三张表“上年结转”总计"};
    case Topic::kDone:
      return {"办结申请", "第三张表“办理结果总计”"};
    case Topic::kGranted:
      return {"予以公开", "第三张表“予以公开”总计"};
    case Topic::kPartial:
      return {"部分公开", "第三张表“部分公开”总计"};
    case Topic::kGrantedOrPartial:
      return {"予以公开及部分公开", "第三张表“予以公开”与“部分公开”总计之和"};
    case Topic::kDenied:
      return {"不予公开", "第三张表“不予公开”各项总计之和"};
    case Topic::kUnable:
      return {"无法提供", "第三张表“无法提供”各项总计之和"};
    case Topic::kNoProcessing:
      return {"不予处理", "第三张表“不予处理”各项总计之和"};
    case Topic::kOtherProcessing:
      return {"其他处理", "第三张表“其他处理”各项总计之和"};
    case Topic::kCarryOut:
      return {"结转下年度", "第三张表“结转下年度继续办理”总计"};
    case Topic::kReview:
      return {"行政复议", "第四张表“行政复议”总计"};
    case Topic::kLitigation:
      return {"行政诉讼", "第四张表两类“行政诉讼”总计之和"};
    default:
      return {"", ""};
  }
}

std::optional<TableFigure> TableFor(const ReportCells& cells, Topic topic) {
  auto t3 = [](int row) { return T3Index(row, t3::kTotalCol); };
  switch (topic) {
    case Topic::kNewApplications:
      return Sum(cells, {t3(t3::kNew)});
    case Topic::kCarriedIn:
      return Sum(cells, {t3(t3::kCarriedIn)});
    case Topic::kDone:
      return Sum(cells, {t3(t3::kTotalDone)});
    case Topic::kGranted:
      return Sum(cells, {t3(t3::kGranted)});
    case Topic::kPartial:
      return Sum(cells, {t3(t3::kPartial)});
    case Topic::kGrantedOrPartial:
      return Sum(cells, {t3(t3::kGranted), t3(t3::kPartial)});
    case Topic::kDenied:
      return Sum(cells, T3Rows(t3::kDenyBegin, t3::kUnableBegin));
    case Topic::kUnable:
      return Sum(cells, T3Rows(t3::kUnableBegin, t3::kNoprocBegin));
    case Topic::kNoProcessing:
      return Sum(cells, T3Rows(t3::kNoprocBegin, t3::kOtherBegin));
    case Topic::kOtherProcessing:
      return Sum(cells, T3Rows(t3::kOtherBegin, t3::kTotalDone));
    case Topic::kCarryOut:
      return Sum(cells, {t3(t3::kCarryOut)});
    case Topic::kReview:
      return Sum(cells, {T4Index(t4::kReview, t4::kTotalCol)});
    case Topic::kLitigation: {
      // Both litigation groups must be readable: one alone is not the total.
      std::optional<TableFigure> direct =
          Sum(cells, {T4Index(t4::kLitDirect, t4::kTotalCol)});
      std::optional<TableFigure> after =
          Sum(cells, {T4Index(t4::kLitAfterReview, t4::kTotalCol)});
      if (!direct || !after) return std::nullopt;
      return TableFigure{{T4Index(t4::kLitDirect, t4::kTotalCol),
                          T4Index(t4::kLitAfterReview, t4::kTotalCol)},
                         direct->value + after->value};
    }
    default:
      return std::nullopt;
  }
}

// The prose around a figure, for the message: its clause up to the figure.
std::string Quote(const RuleContext& ctx, const StatedFigure& figure) {
  std::u32string_view t = ctx.narrative().text();
  size_t begin = figure.begin;
  size_t limit = figure.begin > 40 ? figure.begin - 40 : 0;
  const uint32_t line = ctx.narrative().LineOf(figure.begin);
  while (begin > limit && ctx.narrative().LineOf(begin - 1) == line) {
    char32_t c = t[begin - 1];
    if (c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == U'（' ||
        c == U'|')
      break;
    --begin;
  }
  size_t end = figure.end;
  if (figure.by_negation) {
    while (end < t.size() && end < figure.end + 20 && t[end] != U'，' &&
           t[end] != U'。' && t[end] != U'；') {
      ++end;
    }
  }
  return ctx.narrative().Utf8(begin, end);
}

v1::Finding ProseFinding(const RuleContext& ctx, const StatedFigure& figure,
                         const std::vector<int>& cells, std::string message) {
  v1::Finding f = CellFinding(ctx, cells, std::move(message));
  *f.mutable_location() = ctx.narrative().LocationOf(figure.begin, figure.end);
  return f;
}

}  // namespace

void NarrativeMismatchRule::Check(const RuleContext& ctx,
                                  std::vector<v1::Finding>& out) const {
  const ReportCells& cells = ctx.cells();
  std::set<std::pair<int, double>> reported;
  std::optional<double> notices, notice_amount, collected;
  const StatedFigure* collected_figure = nullptr;
  for (const StatedFigure& figure : ctx.figures()) {
    double stated = figure.by_negation ? 0 : figure.value;
    switch (figure.topic) {
      case Topic::kProactive: {
        if (figure.approximate || figure.parts.size() < 2) break;
        double sum = 0;
        std::vector<std::string> parts;
        for (double p : figure.parts) {
          sum += p;
          parts.push_back(FormatFigure(p));
        }
        if (std::fabs(sum - figure.value) < 1e-9) break;
        v1::Finding f = ProseFinding(
            ctx, figure, {},
            absl::StrCat("正文称“", Quote(ctx, figure), "”，但随后列出的分项 ",
                         absl::StrJoin(parts, " + "), " = ", FormatFigure(sum),
                         " 条，与所述总数 ", FormatFigure(figure.value),
                         " 条不符"));
        f.set_expected(figure.value);
        f.set_actual(sum);
        out.push_back(std::move(f));
        break;
      }
      case Topic::kFeeNotices:
        notices = std::max(notices.value_or(0), stated);
        break;
      case Topic::kFeeNoticeAmount:
        notice_amount = std::max(notice_amount.value_or(0), stated);
        break;
      case Topic::kFeeCollected:
        if (!collected || stated > *collected) {
          collected = stated;
          collected_figure = &figure;
        }
        break;
      default: {
        if (figure.approximate) break;
        std::optional<TableFigure> table = TableFor(cells, figure.topic);
        if (!table) break;
        if (std::fabs(table->value - stated) < 1e-9) break;
        // "收到申请N件" sometimes counts the carried-in applications too.
        if (figure.topic == Topic::kNewApplications && !figure.by_negation) {
          std::optional<TableFigure> carried =
              Sum(cells, {T3Index(t3::kCarriedIn, t3::kTotalCol)});
          if (carried &&
              std::fabs(table->value + carried->value - stated) < 1e-9)
            break;
        }
        if (!reported.insert({static_cast<int>(figure.topic), stated}).second)
          break;
        TopicInfo info = Describe(figure.topic);
        v1::Finding f = ProseFinding(
            ctx, figure, table->cells,
            absl::StrCat("正文称“", Quote(ctx, figure), "”（", info.stated, " ",
                         FormatFigure(stated), " 件），但", info.table, "为 ",
                         FormatFigure(table->value), " 件"));
        f.set_expected(table->value);
        f.set_actual(stated);
        out.push_back(std::move(f));
        break;
      }
    }
  }
  if (collected && collected_figure != nullptr && *collected > 0) {
    if (notices && *notices == 0) {
      v1::Finding f = ProseFinding(
          ctx, *collected_figure, {},
          absl::StrCat("正文称“", Quote(ctx, *collected_figure),
                       "”（实际收取信息处理费 ", FormatFigure(*collected),
                       " 元），但又称未发出收费通知"));
      f.set_expected(0);
      f.set_actual(*collected);
      out.push_back(std::move(f));
    } else if (notice_amount && *collected > *notice_amount) {
      v1::Finding f = ProseFinding(
          ctx, *collected_figure, {},
          absl::StrCat("正文称实际收取信息处理费 ", FormatFigure(*collected),
                       " 元，多于收费通知的总金额 ",
                       FormatFigure(*notice_amount), " 元"));
      f.set_expected(*notice_amount);
      f.set_actual(*collected);
      out.push_back(std::move(f));
    }
  }
}

}  // namespace govreport::validator
