#include "validator-svc/rules/label_modified.h"

#include "absl/strings/str_cat.h"
#include "validator-svc/narrative/narrative_text.h"

namespace govreport::validator {
namespace {

bool IsPunctuation(char32_t c) {
  if (c < 0x80)
    return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
             (c >= 'A' && c <= 'Z'));
  switch (c) {
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'、':
    case U'，':
    case U'。':
    case U'：':
    case U'；':
    case U'（':
    case U'）':
    case U'【':
    case U'】':
    case U'《':
    case U'》':
    case U'·':
    case U'—':
    case U'－':
    case U'…':
    case U'．':
    case U'！':
    case U'？':
    case U'「':
    case U'」':
    case U'〔':
    case U'〕':
    case U'／':
      return true;
    default:
      return false;
  }
}

// The label without spacing and punctuation: what must match the template.
std::u32string Essential(absl::string_view label) {
  narrative::NarrativeText text(label);
  std::u32string out;
  for (char32_t c : text.text()) {
    if (!IsPunctuation(c)) out.push_back(c);
  }
  return out;
}

}  // namespace

void LabelModifiedRule::Check(const RuleContext& ctx,
                              std::vector<v1::Finding>& out) const {
  for (const v1::LabelDeviation& d : ctx.report().label_deviations()) {
    if (Essential(d.expected()) == Essential(d.found())) continue;
    v1::Finding f;
    const char* table = d.table() == 2   ? "第二张表"
                        : d.table() == 3 ? "第三张表"
                        : d.table() == 4 ? "第四张表"
                                         : "表格";
    f.set_message(absl::StrCat(table, "标签“", narrative::ValidUtf8(d.found()),
                               "”与模板“", narrative::ValidUtf8(d.expected()),
                               "”不一致（不只是空格或标点的差别）"));
    *f.mutable_location() = d.location();
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
