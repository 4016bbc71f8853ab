#include "validator-svc/rules/section_missing.h"

#include "absl/strings/str_cat.h"

namespace govreport::validator {
namespace {

constexpr const char* kSections[] = {"",
                                     "一、总体情况",
                                     "二、主动公开政府信息情况",
                                     "三、收到和处理政府信息公开申请情况",
                                     "四、政府信息公开行政复议、行政诉讼情况",
                                     "五、存在的主要问题及改进情况",
                                     "六、其他需要报告的事项"};

}  // namespace

void SectionMissingRule::Check(const RuleContext& ctx,
                               std::vector<v1::Finding>& out) const {
  if (!ctx.HasStandardTables()) return;
  bool present[7] = {};
  for (const v1::Section& section : ctx.report().sections()) {
    if (section.ordinal() >= 1 && section.ordinal() <= 6)
      present[section.ordinal()] = true;
  }
  for (int ordinal = 1; ordinal <= 6; ++ordinal) {
    if (present[ordinal]) continue;
    v1::Finding f;
    f.set_message(absl::StrCat("报告缺少规定的第", ordinal, "部分“",
                               kSections[ordinal],
                               "”（年度报告格式要求六个部分）"));
    f.set_expected(ordinal);
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
