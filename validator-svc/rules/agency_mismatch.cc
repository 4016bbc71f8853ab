#include "validator-svc/rules/agency_mismatch.h"

#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/regions/gazetteer.h"
#include "validator-svc/narrative/narrative_text.h"

namespace govreport::validator {
namespace {

bool IsHan(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

// Words ending in 乡 that are not township names ("乡村振兴", "乡镇").
bool IsCompoundAfterXiang(char32_t next) {
  return next == U'村' || next == U'镇' || next == U'贤' || next == U'土' ||
         next == U'亲' || next == U'愁' || next == U'情';
}

}  // namespace

void AgencyMismatchRule::Check(const RuleContext& ctx,
                               std::vector<v1::Finding>& out) const {
  const v1::Report& report = ctx.report();
  if (ctx.gazetteer() == nullptr ||
      report.agency_kind() != v1::AGENCY_KIND_TOWNSHIP)
    return;
#if GOVREPORT_VALIDATOR_WITH_GAZETTEER
  std::u32string_view t = ctx.narrative().text();
  std::set<std::string> seen;
  for (size_t p = 2; p < t.size(); ++p) {
    size_t suffix_len = 0;
    if (t[p] == U'街' && p + 1 < t.size() && t[p + 1] == U'道') {
      suffix_len = 2;
    } else if (t[p] == U'镇') {
      suffix_len = 1;
    } else if (t[p] == U'乡') {
      if (p + 1 < t.size() && IsCompoundAfterXiang(t[p + 1])) continue;
      suffix_len = 1;
    } else {
      continue;
    }
    // The longest run of 2..4 Han characters before the suffix that the
    // gazetteer knows as a township.
    std::string name;
    const regions::Division* division = nullptr;
    for (size_t len = 4; len >= 2 && division == nullptr; --len) {
      if (len > p) continue;
      bool han = true;
      for (size_t k = p - len; k < p; ++k) han &= IsHan(t[k]);
      if (!han) continue;
      std::string candidate = ctx.narrative().Utf8(p - len, p + suffix_len);
      for (const regions::Division* d :
           ctx.gazetteer()->FindByName(candidate)) {
        if (d->level == v1::REGION_LEVEL_TOWNSHIP) {
          division = d;
          name = candidate;
          break;
        }
      }
    }
    if (division == nullptr) continue;
    size_t begin =
        p - (name.size() / 3 - suffix_len);  // Han characters are 3 bytes
    p += suffix_len - 1;
    if (absl::StrContains(report.agency(), name) ||
        division->code == report.region_code()) {
      continue;
    }
    // The report's own township written without its suffix ("任留街办").
    std::string stem = name.substr(0, name.size() - 3 * suffix_len);
    if (stem.size() >= 6 && absl::StrContains(report.agency(), stem)) continue;
    if (!seen.insert(name).second) continue;
    v1::Finding f;
    f.set_message(absl::StrCat("正文提到另一个乡镇（街道）“", name,
                               "”，而本报告是“",
                               narrative::ValidUtf8(report.agency()),
                               "”的报告，疑似套用了其他单位的报告"));
    *f.mutable_location() = ctx.narrative().LocationOf(begin, p + 1);
    out.push_back(std::move(f));
  }
#else
  (void)out;
#endif
}

}  // namespace govreport::validator
