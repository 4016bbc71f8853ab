#include "parser-svc/tables/table2.h"

#include "absl/strings/str_cat.h"
#include "parser-svc/tables/tables.h"

namespace govreport::parser {

std::vector<std::string> T2RowKeys(T2Row row, T2Version version) {
  if (version == T2Version::kV2019) {
    switch (row) {
      case T2Row::kRules:
        return {"t2v19.rules.made", "t2v19.rules.published",
                "t2v19.rules.public_total"};
      case T2Row::kNormative:
        return {"t2v19.normative.made", "t2v19.normative.published",
                "t2v19.normative.public_total"};
      case T2Row::kLicensing:
        return {"t2v19.licensing.prev_items", "t2v19.licensing.delta",
                "t2.licensing.decisions"};
      case T2Row::kOtherServices:
        return {"t2v19.other_services.prev_items", "t2v19.other_services.delta",
                "t2v19.other_services.decisions"};
      case T2Row::kPenalty:
        return {"t2v19.penalty.prev_items", "t2v19.penalty.delta",
                "t2.penalty.decisions"};
      case T2Row::kCoercion:
        return {"t2v19.coercion.prev_items", "t2v19.coercion.delta",
                "t2.coercion.decisions"};
      case T2Row::kFees:
        return {"t2v19.fees.prev_items", "t2v19.fees.delta"};
      case T2Row::kProcurement:
        return {"t2v19.procurement.items", "t2v19.procurement.amount_yuan"};
      case T2Row::kNone:
        return {};
    }
    return {};
  }
  switch (row) {
    case T2Row::kRules:
      return {"t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force"};
    case T2Row::kNormative:
      return {"t2.normative.issued", "t2.normative.repealed",
              "t2.normative.in_force"};
    case T2Row::kLicensing:
      return {"t2.licensing.decisions"};
    case T2Row::kPenalty:
      return {"t2.penalty.decisions"};
    case T2Row::kCoercion:
      return {"t2.coercion.decisions"};
    case T2Row::kFees:
      return {"t2.fees.amount_wan"};
    default:
      return {};
  }
}

GroupSpec T2RowGroup(T2Row row, T2Version version) {
  GroupSpec g;
  g.count = static_cast<int>(T2RowKeys(row, version).size());
  if (version == T2Version::kV2019 && row == T2Row::kProcurement)
    g.decimal_cell = 1;
  if (version != T2Version::kV2019 && row == T2Row::kFees) g.decimal_cell = 0;
  return g;
}

void ExtractTable2(const Grid& grid, const Anchors& anchors, CellArena* arena,
                   TablesResult* out) {
  size_t end = anchors.has_t3 ? anchors.t3
                              : std::min(grid.lines.size(), anchors.t2 + 60);
  // The version decides how many cells each row has: read the headers first.
  for (size_t li = anchors.t2; li < end; ++li) {
    for (const GridCell& c : grid.lines[li].cells) {
      T2HeaderMatch h = MatchT2Header(c.folded.text);
      if (h.quality == MatchQuality::kNone) continue;
      if (out->t2_version == T2Version::kUnknown &&
          h.version != T2Version::kUnknown) {
        out->t2_version = h.version;
      }
      if (h.quality == MatchQuality::kTolerant) {
        v1::LabelDeviation& d = out->deviations.emplace_back();
        d.set_expected(h.expected);
        d.set_found(c.raw);
        d.set_table(2);
        *d.mutable_location() = c.location;
      }
    }
  }
  T2Version version = out->t2_version == T2Version::kUnknown ? T2Version::kV2021
                                                             : out->t2_version;
  std::vector<bool> seen(8, false);
  for (size_t li = anchors.t2; li < end; ++li) {
    const GridLine& line = grid.lines[li];
    LineParts parts = SplitLine(line, arena);
    if (parts.labels.empty()) continue;
    const GridCell* label = parts.labels.back();
    T2LabelMatch m = MatchT2Label(label->folded.text);
    if (m.row == T2Row::kNone) continue;
    int index = static_cast<int>(m.row);
    if (seen[index]) break;  // a repeated copy of the table
    std::vector<std::string> keys = T2RowKeys(m.row, version);
    if (keys.empty()) continue;
    TrimToCount(&parts.values, keys.size());
    bool any = false;
    for (const GridCell* c : parts.values) any |= !c->IsBlankText();
    if (!any && parts.values.empty()) continue;
    seen[index] = true;
    if (m.quality == MatchQuality::kTolerant || m.v2019_normative) {
      v1::LabelDeviation d;
      d.set_expected(m.expected);
      d.set_found(label->raw);
      d.set_table(2);
      *d.mutable_location() = label->location;
      if (m.v2019_normative) {
        out->v2021_only_deviations.push_back(std::move(d));
      } else {
        out->deviations.push_back(std::move(d));
      }
    }
    DigitRun run;
    if (parts.values.size() == keys.size()) {
      RowOption opt;
      for (const GridCell* c : parts.values) opt.push_back(ReadCell(*c));
      out->sink.Decide(keys, {opt}, nullptr, "table 2");
      out->t2.cells_found = true;
    } else if (keys.size() > 1 && AsDigitRun(parts.values, &run)) {
      RunOptions ro = SplitRun(run, {T2RowGroup(m.row, version)}, 64);
      out->t2.cells_found = true;
      out->t2.flattened = true;
      if (ro.overflow || ro.options.empty()) {
        for (const std::string& k : keys) {
          v1::Cell& c = out->sink.cells[k];
          c.set_key(k);
          c.set_state(v1::CELL_STATE_AMBIGUOUS);
          c.set_raw(run.Raw());
          *c.mutable_location() = run.Location();
        }
        out->sink.Note(
            "AMBIGUOUS_DIGITS",
            absl::StrCat("table 2 row \"", m.expected, "\": the run \"",
                         run.Raw(), "\" cannot be split into its cells"),
            keys, run.Location());
      } else {
        out->sink.Decide(keys, ro.options, &run,
                         absl::StrCat("table 2 row \"", m.expected, "\""));
      }
    } else {
      out->sink.Note(
          "ROW_SHAPE",
          absl::StrCat("table 2 row \"", m.expected, "\" (line ", line.line,
                       ") has ", parts.values.size(), " value cells where ",
                       keys.size(), " belong; its cells are left out"),
          keys, label->location);
    }
  }
}

}  // namespace govreport::parser
