#ifndef GOVREPORT_VALIDATOR_SVC_NARRATIVE_FIGURE_EXTRACTOR_H_
#define GOVREPORT_VALIDATOR_SVC_NARRATIVE_FIGURE_EXTRACTOR_H_

// Finds the figures a report's prose states about its own tables:
// "收到政府信息公开申请154件", "共办结148件", "予以公开及部分公开42件",
// "行政复议36起", "结转至2026年6件", "未收到政府信息公开申请" (= 0),
// "主动公开政府信息94条。其中…45条，…15条，…40条" (a total and its stated
// parts), "发出收费通知2件", "收取信息处理费400元"; in Arabic or Chinese
// numerals (两件, 十二件, 一百零五条).
//
// It prefers silence to guessing: a figure is attributed only when a topic
// word stands in the same clause before it (or, for applications and
// appeals, right after it), figures about 咨询/投诉/留言 and comparisons
// (同比, 增加, 较上年) are skipped, approximate figures (5500余条) are marked.
//
// Thread-safe: stateless.

#include <cstddef>
#include <vector>

#include "validator-svc/narrative/narrative_text.h"

namespace govreport::validator::narrative {

enum class Topic {
  kNewApplications,   // 收到/新收/受理 申请 → t3.new.total
  kCarriedIn,         // 上年结转 → t3.carried_in.total
  kDone,              // 办结 → t3.total_done.total
  kGranted,           // 予以公开 / 同意公开 → t3.granted.total
  kPartial,           // 部分公开 → t3.partial.total
  kGrantedOrPartial,  // 予以公开及部分公开 → granted + partial
  kDenied,            // 不予公开 → Σ deny.*
  kUnable,            // 无法提供 → Σ unable.*
  kNoProcessing,      // 不予处理 → Σ noproc.*
  kOtherProcessing,   // 其他处理 → Σ other.*
  kCarryOut,    // 结转下年度 / 转下一年度 → t3.carry_out.total
  kReview,      // 行政复议 → t4.review.total
  kLitigation,  // 行政诉讼 → lit_direct.total + lit_after_review.total
  kProactive,   // 主动公开 N 条 (with stated parts)
  kFeeNotices,  // 发出收费通知 N 件
  kFeeNoticeAmount,  // 收费通知 … 金额 N 元
  kFeeCollected,     // 收取 … 信息处理费 N 元
};

struct StatedFigure {
  Topic topic;
  double value = 0;
  // Stated by a negation (未收到…申请, 没有…行政复议, 无收取…) rather than a
  // number.
  bool by_negation = false;
  // "5500余条", "2000多件": not an exact count.
  bool approximate = false;
  // For kProactive: the parts listed after 其中 in the same or next
  // sentence; empty when none are stated.
  std::vector<double> parts;
  // Span in NarrativeText::text().
  size_t begin = 0;
  size_t end = 0;
};

std::vector<StatedFigure> ExtractFigures(const NarrativeText& text);

}  // namespace govreport::validator::narrative

#endif  // GOVREPORT_VALIDATOR_SVC_NARRATIVE_FIGURE_EXTRACTOR_H_
