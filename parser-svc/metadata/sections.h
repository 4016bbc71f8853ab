#ifndef GOVREPORT_PARSER_SVC_METADATA_SECTIONS_H_
#define GOVREPORT_PARSER_SVC_METADATA_SECTIONS_H_

// Locates the six mandated sections by ordinal and keywords (headings vary:
// "四、因政府信息公开申请行政复议、提出行政诉讼情况",
// "五、存在的主要问题和改进措施", "六、其他需要说明的事项"), in document order,
// with their text and places. A heading is "一、".."六、" at the start of a
// line (after markdown marks), or inside a very long line of flattened text,
// followed within a few characters by a keyword of that section.
//
// Thread-safe: stateless.

#include <string>
#include <vector>

#include "govreport/v1/report.pb.h"

namespace govreport::parser {

// `lines`: the document's text lines (UTF-8), `line_numbers` their 1-based
// source line numbers.
std::vector<v1::Section> FindSections(
    const std::vector<std::string>& lines,
    const std::vector<uint32_t>& line_numbers);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_METADATA_SECTIONS_H_
