#ifndef GOVREPORT_PARSER_SVC_METADATA_AGENCY_H_
#define GOVREPORT_PARSER_SVC_METADATA_AGENCY_H_

// The issuing agency and its kind: from the title ("西工区统计局 2023 年…",
// "2024 年上海市科委政府信息公开工作年度报告"), else from the body
// ("现将任留街道办事处2023年度…", a closing signature "…办公室 2014年12月10日",
// a "发布机构:" header). Written as in the text, NFKC-normalised, in
// Simplified characters, without spaces.
//
// Thread-safe: stateless.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "govreport/v1/report.pb.h"

namespace govreport::parser {

struct AgencyInfo {
  std::string agency;
  v1::AgencyKind kind = v1::AGENCY_KIND_OTHER;
};

// `title_key`, `line_keys`: text::LabelKey forms; `folded_lines`: folded
// lines with spaces kept (for signatures).
AgencyInfo FindAgency(const std::u32string& title_key,
                      const std::vector<std::u32string>& line_keys,
                      const std::vector<std::u32string>& folded_lines);

// The agency as the document writes it (NFKC, no spaces) when the document
// is in Simplified characters: the Traditional→Simplified folding used for
// matching also turns names such as 康乾 into 康干, so the name is taken
// back from the line it came from. Returns `folded_agency` when no line
// holds it.
std::string AgencyAsWritten(const std::u32string& folded_agency,
                            const std::vector<std::string>& lines);

// True when the text is written in Traditional characters (a tenth of its
// Han characters have a Simplified form).
bool LooksTraditional(absl::string_view utf8);

// The kind an agency's name says (CONTRACT.md section 1).
v1::AgencyKind AgencyKindOf(std::u32string_view agency);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_METADATA_AGENCY_H_
