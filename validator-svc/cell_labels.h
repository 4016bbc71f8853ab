#ifndef GOVREPORT_VALIDATOR_SVC_CELL_LABELS_H_
#define GOVREPORT_VALIDATOR_SVC_CELL_LABELS_H_

// Chinese names of tables, rows, columns and cells as a reviewer knows them
// from the template, for finding messages.
//
// Thread-safe: stateless.

#include <string>

#include "absl/strings/string_view.h"

namespace govreport::validator {

// Short row names of table 3 by row position: "本年新收", "予以公开",
// "不予公开·属于国家秘密", "办理结果总计", "结转下年度" ...
absl::string_view T3RowName(int row);
// "自然人", "商业企业", ..., "其他法人或其他组织", "总计".
absl::string_view T3ColumnName(int col);
// "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）".
absl::string_view T4GroupName(int group);
// "结果维持", "结果纠正", "其他结果", "尚未审结", "总计".
absl::string_view T4ColumnName(int col);

// Where a cell stands, e.g. 第三张表“予以公开”行“自然人”列,
// 第四张表“行政复议”的“总计”, 第二张表“规章”的“本年制发件数”.
// Falls back to the key itself for keys it does not know.
std::string CellDescription(int index);

// A number as a reviewer reads it: integers without a decimal point.
std::string FormatFigure(double value);

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_CELL_LABELS_H_
