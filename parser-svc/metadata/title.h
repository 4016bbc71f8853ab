#ifndef GOVREPORT_PARSER_SVC_METADATA_TITLE_H_
#define GOVREPORT_PARSER_SVC_METADATA_TITLE_H_

// Finds the title of a report: a "标题:" header line of an archived web
// page, or one of the first lines naming the report (…年度报告, …年报),
// joined with the next line when the title wraps ("…政府信息公开工作" +
// "年度报告"). Markdown heading marks are dropped. Empty when the document
// starts with running text (seed 003).
//
// Thread-safe: stateless.

#include <string>
#include <vector>

namespace govreport::parser {

struct TitleInfo {
  std::string title;  // As written, trimmed.
  int line = 0;       // 1-based, 0 when none.
};

// `lines` are the document's text lines, UTF-8.
TitleInfo FindTitle(const std::vector<std::string>& lines);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_METADATA_TITLE_H_
