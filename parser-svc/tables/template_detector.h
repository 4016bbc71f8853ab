#ifndef GOVREPORT_PARSER_SVC_TABLES_TEMPLATE_DETECTOR_H_
#define GOVREPORT_PARSER_SVC_TABLES_TEMPLATE_DETECTOR_H_

// Which version of the mandated format a report follows
// (format-reference.md section 2.4): the tables decide first (table 2's
// columns, the form of table 3's （六）), then the wording of the text,
// then the notice cited, then the markers of the pre-2019 eras.
//
// Thread-safe: stateless.

#include <string_view>

#include "govreport/v1/report.pb.h"
#include "parser-svc/tables/label_matcher.h"

namespace govreport::parser {

struct TemplateEvidence {
  T2Version t2_version = T2Version::kUnknown;
  int t3_six_form = 0;        // 1 single （六） row, 3 three sub-rows.
  bool tables_found = false;  // Any cell of tables 2/3/4 read.
  bool e2014_table = false;   // The E2014 statistics table was read.
  std::u32string_view document_key;  // text::LabelKey of the whole text.
};

v1::Template DetectTemplate(const TemplateEvidence& evidence);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_TEMPLATE_DETECTOR_H_
