#ifndef GOVREPORT_VALIDATOR_SVC_RULE_H_
#define GOVREPORT_VALIDATOR_SVC_RULE_H_

// One single-report rule of CONTRACT.md section 4. Each rule lives in
// rules/<rule_id>.cc and is listed in rule_registry.cc.
//
// A rule appends findings with cells, message, expected/actual values and
// location; the Validator stamps the rule id and the configured severity.
//
// Thread-safe: rules are stateless; Check is const.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"
#include "validator-svc/config.h"
#include "validator-svc/narrative/figure_extractor.h"
#include "validator-svc/narrative/narrative_text.h"
#include "validator-svc/report_cells.h"

namespace govreport::regions {
class Gazetteer;
}

namespace govreport::validator {

// What a rule sees of one report. Built once per Validate call; the prose
// analysis is computed on first use.
class RuleContext {
 public:
  RuleContext(const v1::Report& report, const ValidatorConfig& config,
              const regions::Gazetteer* gazetteer);

  const v1::Report& report() const { return report_; }
  const ReportCells& cells() const { return cells_; }
  const ValidatorConfig& config() const { return config_; }
  // May be null: rules that need place names then check nothing.
  const regions::Gazetteer* gazetteer() const { return gazetteer_; }

  // report.text() prepared for figure extraction, and the figures in it.
  const narrative::NarrativeText& narrative() const;
  const std::vector<narrative::StatedFigure>& figures() const;

  // True for templates with the standard tables 2/3/4 (V2021, V2019,
  // HYBRID), and for UNKNOWN/unspecified templates of reports from 2019 on.
  bool HasStandardTables() const;

  // True when at least one cell of table 2, 3 or 4 is in the document.
  bool TablePresent(int table) const;

  // Threshold by name from the config, else `fallback`.
  double Threshold(absl::string_view name, double fallback) const;

 private:
  const v1::Report& report_;
  const ValidatorConfig& config_;
  const regions::Gazetteer* gazetteer_;
  ReportCells cells_;
  mutable std::optional<narrative::NarrativeText> narrative_;
  mutable std::optional<std::vector<narrative::StatedFigure>> figures_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  // The contract id, e.g. "T3-ROW".
  virtual absl::string_view id() const = 0;
  // The contract severity.
  virtual v1::Severity default_severity() const = 0;
  // Appends what the rule finds in `ctx.report()` to `out`.
  virtual void Check(const RuleContext& ctx,
                     std::vector<v1::Finding>& out) const = 0;
};

// A finding naming `cell_indexes` (canonical positions), located at the
// first of them that has a source location.
v1::Finding CellFinding(const RuleContext& ctx,
                        const std::vector<int>& cell_indexes,
                        std::string message);

// "12 件", or "空白(按0计)" for a blank cell, for identity messages.
std::string CellFigure(const ReportCells& cells, int index);

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_RULE_H_
