#ifndef GOVREPORT_TESTS_GENERATOR_MARKUP_RENDER_H_
#define GOVREPORT_TESTS_GENERATOR_MARKUP_RENDER_H_

// Renders a generated report's truth (report_generator.h, V2021 template)
// the way agencies publish it for download: an HTML page whose tables use
// the official template's rowspan/colspan structure (optionally encoded
// in GB18030 and declaring it, or declaring nothing), or a DOCX whose
// tables merge the same cells with w:gridSpan and w:vMerge. Blank cells of
// the truth (null) are written empty.
//
// Thread-safe: stateless apart from the caller's random engine.

#include <random>
#include <string>

#include "govreport/v1/report.pb.h"

namespace govreport::testing {

enum class HtmlCharset {
  kUtf8,             // <meta charset="utf-8">
  kGb18030Declared,  // GB18030 bytes, <meta http-equiv ... charset=gb2312>
  kGb18030Detected,  // GB18030 bytes, no declaration
};

std::string RenderHtml(const v1::Report& truth, HtmlCharset charset,
                       std::mt19937_64& rng);

std::string RenderDocx(const v1::Report& truth, std::mt19937_64& rng);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_GENERATOR_MARKUP_RENDER_H_
