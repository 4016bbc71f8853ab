#include "validator-svc/rule.h"

#include "absl/strings/str_cat.h"
#include "validator-svc/cell_labels.h"

namespace govreport::validator {

RuleContext::RuleContext(const v1::Report& report,
                         const ValidatorConfig& config,
                         const regions::Gazetteer* gazetteer)
    : report_(report), config_(config), gazetteer_(gazetteer), cells_(report) {}

const narrative::NarrativeText& RuleContext::narrative() const {
  if (!narrative_) narrative_.emplace(report_.text());
  return *narrative_;
}

const std::vector<narrative::StatedFigure>& RuleContext::figures() const {
  if (!figures_) figures_ = narrative::ExtractFigures(narrative());
  return *figures_;
}

bool RuleContext::HasStandardTables() const {
  switch (report_.template_()) {
    case v1::TEMPLATE_V2021:
    case v1::TEMPLATE_V2019:
    case v1::TEMPLATE_HYBRID:
      return true;
    case v1::TEMPLATE_E2014:
    case v1::TEMPLATE_E2008:
      return false;
    default:
      return !report_.has_year() || report_.year() >= 2019;
  }
}

bool RuleContext::TablePresent(int table) const {
  switch (table) {
    case 2:
      return !cells_.AllAbsent(kT2Begin, kT3Begin) ||
             !cells_.AllAbsent(kV2021Cells, kAllCells);
    case 3:
      return !cells_.AllAbsent(kT3Begin, kT4Begin);
    case 4:
      return !cells_.AllAbsent(kT4Begin, kV2021Cells);
    default:
      return false;
  }
}

double RuleContext::Threshold(absl::string_view name, double fallback) const {
  auto it = config_.thresholds.find(name);
  return it == config_.thresholds.end() ? fallback : it->second;
}

v1::Finding CellFinding(const RuleContext& ctx,
                        const std::vector<int>& cell_indexes,
                        std::string message) {
  v1::Finding finding;
  bool located = false;
  for (int index : cell_indexes) {
    finding.add_cells(ReportCells::Key(index));
    const v1::Cell* cell = ctx.cells().Get(index);
    if (!located && cell != nullptr && cell->has_location()) {
      *finding.mutable_location() = cell->location();
      located = true;
    }
  }
  finding.set_message(std::move(message));
  return finding;
}

std::string CellFigure(const ReportCells& cells, int index) {
  if (cells.Kind(index) == CellKind::kBlank) return "空白(按0计)";
  return absl::StrCat(FormatFigure(cells.Value(index)), " 件");
}

}  // namespace govreport::validator
