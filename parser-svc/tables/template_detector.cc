#include "parser-svc/tables/template_detector.h"

#include <initializer_list>

namespace govreport::parser {
namespace {

bool Any(std::u32string_view text,
         std::initializer_list<std::u32string_view> words) {
  for (std::u32string_view w : words) {
    if (text.find(w) != std::u32string_view::npos) return true;
  }
  return false;
}

}  // namespace

v1::Template DetectTemplate(const TemplateEvidence& e) {
  const std::u32string_view text = e.document_key;
  v1::Template t2 = v1::TEMPLATE_UNSPECIFIED;
  v1::Template t3 = v1::TEMPLATE_UNSPECIFIED;
  if (e.t2_version == T2Version::kV2021) t2 = v1::TEMPLATE_V2021;
  if (e.t2_version == T2Version::kV2019) t2 = v1::TEMPLATE_V2019;
  if (e.t3_six_form == 3) t3 = v1::TEMPLATE_V2021;
  if (e.t3_six_form == 1) t3 = v1::TEMPLATE_V2019;
  // Wording, where the tables did not say.
  if (t3 == v1::TEMPLATE_UNSPECIFIED &&
      Any(text, {U"逾期未按收费通知要求缴纳费用"})) {
    t3 = v1::TEMPLATE_V2021;
  }
  if (t2 == v1::TEMPLATE_UNSPECIFIED) {
    bool v2021 = Any(text, {U"本年制发件数", U"本年废止件数", U"现行有效件数",
                            U"本年收费金额单位万元"});
    bool v2019 = Any(text, {U"本年新制作数量", U"对外公开总数量",
                            U"上一年项目数量", U"本年增减", U"第二十条第九项"});
    if (v2021 && !v2019) t2 = v1::TEMPLATE_V2021;
    if (v2019 && !v2021) t2 = v1::TEMPLATE_V2019;
  }
  if (t2 != v1::TEMPLATE_UNSPECIFIED && t3 != v1::TEMPLATE_UNSPECIFIED) {
    return t2 == t3 ? t2 : v1::TEMPLATE_HYBRID;
  }
  if (t2 != v1::TEMPLATE_UNSPECIFIED) return t2;
  if (t3 != v1::TEMPLATE_UNSPECIFIED) return t3;
  if (e.tables_found) {
    if (Any(text, {U"国办公开办函201960号"})) return v1::TEMPLATE_V2019;
    return v1::TEMPLATE_V2021;
  }
  if (e.e2014_table ||
      Any(text, {U"同意公开答复数", U"属于已主动公开范围数",
                 U"申请信息不存在数", U"机构建设和保障经费"})) {
    return v1::TEMPLATE_E2014;
  }
  if (Any(text, {U"收费及减免"}) && Any(text, {U"概述"}))
    return v1::TEMPLATE_E2008;
  return v1::TEMPLATE_UNKNOWN;
}

}  // namespace govreport::parser
