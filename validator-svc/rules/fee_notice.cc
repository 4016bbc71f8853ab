#include "validator-svc/rules/fee_notice.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {

void FeeNoticeRule::Check(const RuleContext& ctx,
                          std::vector<v1::Finding>& out) const {
  const int unpaid_index = T3Index(t3::kUnpaidFee, t3::kTotalCol);
  const ReportCells& cells = ctx.cells();
  if (cells.Kind(unpaid_index) != CellKind::kValue ||
      cells.Value(unpaid_index) <= 0)
    return;
  double unpaid = cells.Value(unpaid_index);
  std::optional<double> notices;
  for (const narrative::StatedFigure& figure : ctx.figures()) {
    if (figure.topic != narrative::Topic::kFeeNotices) continue;
    notices =
        std::max(notices.value_or(0), figure.by_negation ? 0 : figure.value);
  }
  if (notices && *notices >= unpaid) return;
  v1::Finding f = CellFinding(
      ctx, {unpaid_index},
      notices
          ? absl::StrCat("第三张表“其他处理·逾期未缴费”总计为 ",
                         FormatFigure(unpaid), " 件，但报告称只发出收费通知 ",
                         FormatFigure(*notices),
                         " 件：逾期未缴费的申请不应多于发出的收费通知")
          : absl::StrCat(
                "第三张表“其他处理·逾期未缴费”总计为 ", FormatFigure(unpaid),
                " 件，但报告（第六部分）没有说明发出收费通知的件数和总金额"));
  f.set_expected(unpaid);
  if (notices) f.set_actual(*notices);
  out.push_back(std::move(f));
}

}  // namespace govreport::validator
