#include "validator-svc/rules/table_missing.h"

#include "absl/strings/str_cat.h"

namespace govreport::validator {
namespace {

constexpr const char* kTableNames[] = {
    "", "", "第二张表（主动公开政府信息情况）",
    "第三张表（收到和处理政府信息公开申请情况）",
    "第四张表（政府信息公开行政复议、行政诉讼情况）"};

}  // namespace

void TableMissingRule::Check(const RuleContext& ctx,
                             std::vector<v1::Finding>& out) const {
  if (!ctx.HasStandardTables()) return;
  for (int table = 2; table <= 4; ++table) {
    if (ctx.TablePresent(table)) continue;
    bool heading_found = false;
    v1::SourceLocation location;
    for (const v1::TableStatus& status : ctx.report().tables()) {
      if (status.table() == table) heading_found |= status.heading_found();
    }
    // Without a table status, a section heading for the table still counts.
    for (const v1::Section& section : ctx.report().sections()) {
      if (section.ordinal() == table) {
        heading_found = true;
        location = section.location();
      }
    }
    v1::Finding f;
    f.set_message(heading_found ? absl::StrCat(kTableNames[table],
                                               "：有标题但没有表格数据")
                                : absl::StrCat("报告缺少", kTableNames[table]));
    if (location.line() > 0) *f.mutable_location() = location;
    out.push_back(std::move(f));
  }
}

}  // namespace govreport::validator
