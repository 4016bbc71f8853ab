#include "validator-svc/rule_registry.h"

#include "validator-svc/rules/agency_mismatch.h"
#include "validator-svc/rules/cell_blank.h"
#include "validator-svc/rules/cell_invalid.h"
#include "validator-svc/rules/fee_notice.h"
#include "validator-svc/rules/fee_unit.h"
#include "validator-svc/rules/label_modified.h"
#include "validator-svc/rules/narrative_mismatch.h"
#include "validator-svc/rules/section_missing.h"
#include "validator-svc/rules/t3_col.h"
#include "validator-svc/rules/t3_row.h"
#include "validator-svc/rules/t3_sum.h"
#include "validator-svc/rules/t4_sum.h"
#include "validator-svc/rules/table_missing.h"
#include "validator-svc/rules/template_outdated.h"
#include "validator-svc/rules/year_mismatch.h"
#include "validator-svc/rules/zero_report.h"

namespace govreport::validator {

const std::vector<const Rule*>& AllRules() {
  // Registry order is report order: arithmetic first, then completeness,
  // then prose, then information.
  static const std::vector<const Rule*>* const rules =
      new std::vector<const Rule*>{
          new T3RowRule(),
          new T3ColRule(),
          new T3SumRule(),
          new T4SumRule(),
          new CellInvalidRule(),
          new TableMissingRule(),
          new CellBlankRule(),
          new SectionMissingRule(),
          new TemplateOutdatedRule(),
          new NarrativeMismatchRule(),
          new AgencyMismatchRule(),
          new YearMismatchRule(),
          new FeeUnitRule(),
          new FeeNoticeRule(),
          new ZeroReportRule(),
          new LabelModifiedRule(),
      };
  return *rules;
}

const Rule* FindRule(absl::string_view id) {
  for (const Rule* rule : AllRules()) {
    if (rule->id() == id) return rule;
  }
  return nullptr;
}

}  // namespace govreport::validator
