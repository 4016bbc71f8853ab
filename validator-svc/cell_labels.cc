#include "validator-svc/cell_labels.h"

#include <array>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "validator-svc/report_cells.h"

namespace govreport::validator {
namespace {

constexpr std::array<absl::string_view, t3::kRows> kT3RowNames = {
    "本年新收",
    "上年结转",
    "予以公开",
    "部分公开",
    "不予公开·属于国家秘密",
    "不予公开·其他法律行政法规禁止公开",
    "不予公开·危及“三安全一稳定”",
    "不予公开·保护第三方合法权益",
    "不予公开·属于三类内部事务信息",
    "不予公开·属于四类过程性信息",
    "不予公开·属于行政执法案卷",
    "不予公开·属于行政查询事项",
    "无法提供·本机关不掌握相关政府信息",
    "无法提供·没有现成信息需要另行制作",
    "无法提供·补正后申请内容仍不明确",
    "不予处理·信访举报投诉类申请",
    "不予处理·重复申请",
    "不予处理·要求提供公开出版物",
    "不予处理·无正当理由大量反复申请",
    "不予处理·要求行政机关确认或重新出具已获取信息",
    "其他处理·逾期不补正",
    "其他处理·逾期未缴费",
    "其他处理·其他",
    "办理结果总计",
    "结转下年度",
};

constexpr std::array<absl::string_view, t3::kCols> kT3ColumnNames = {
    "自然人",       "商业企业",           "科研机构", "社会公益组织",
    "法律服务机构", "其他法人或其他组织", "总计"};

constexpr std::array<absl::string_view, t4::kGroups> kT4GroupNames = {
    "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"};

constexpr std::array<absl::string_view, t4::kCols> kT4ColumnNames = {
    "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};

// Table 2: row name and column name by position.
constexpr std::array<std::pair<absl::string_view, absl::string_view>, 10>
    kT2Names = {{{"规章", "本年制发件数"},
                 {"规章", "本年废止件数"},
                 {"规章", "现行有效件数"},
                 {"行政规范性文件", "本年制发件数"},
                 {"行政规范性文件", "本年废止件数"},
                 {"行政规范性文件", "现行有效件数"},
                 {"行政许可", "本年处理决定数量"},
                 {"行政处罚", "本年处理决定数量"},
                 {"行政强制", "本年处理决定数量"},
                 {"行政事业性收费", "本年收费金额（万元）"}}};

}  // namespace

absl::string_view T3RowName(int row) {
  return row >= 0 && row < t3::kRows ? kT3RowNames[row] : "";
}
absl::string_view T3ColumnName(int col) {
  return col >= 0 && col < t3::kCols ? kT3ColumnNames[col] : "";
}
absl::string_view T4GroupName(int group) {
  return group >= 0 && group < t4::kGroups ? kT4GroupNames[group] : "";
}
absl::string_view T4ColumnName(int col) {
  return col >= 0 && col < t4::kCols ? kT4ColumnNames[col] : "";
}

std::string CellDescription(int index) {
  if (index >= kT2Begin && index < kT3Begin) {
    const auto& [row, col] = kT2Names[index - kT2Begin];
    return absl::StrCat("第二张表“", row, "”的“", col, "”");
  }
  if (index >= kT3Begin && index < kT4Begin) {
    int i = index - kT3Begin;
    return absl::StrCat("第三张表“", T3RowName(i / t3::kCols), "”行“",
                        T3ColumnName(i % t3::kCols), "”列");
  }
  if (index >= kT4Begin && index < kV2021Cells) {
    int i = index - kT4Begin;
    return absl::StrCat("第四张表“", T4GroupName(i / t4::kCols), "”的“",
                        T4ColumnName(i % t4::kCols), "”");
  }
  if (index >= kV2021Cells && index < kAllCells) {
    return absl::StrCat("第二张表（2019年格式）", ReportCells::Key(index));
  }
  return absl::StrCat("单元格#", index);
}

std::string FormatFigure(double value) {
  if (!std::isfinite(value)) return "?";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  return absl::StrFormat("%.10g", value);
}

}  // namespace govreport::validator
