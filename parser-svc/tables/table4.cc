#include "parser-svc/tables/table4.h"

#include "absl/strings/str_cat.h"
#include "common/report/cell_keys.h"

namespace govreport::parser {

const std::vector<std::string>& T4Keys() {
  static const std::vector<std::string>* const keys = [] {
    auto* k = new std::vector<std::string>();
    for (auto g : kT4Groups) {
      for (auto c : kT4Columns) k->push_back(T4Key(g, c));
    }
    return k;
  }();
  return *keys;
}

std::vector<GroupSpec> T4Groups() {
  return {GroupSpec{5, true, -1}, GroupSpec{5, true, -1},
          GroupSpec{5, true, -1}};
}

void DecideTable4Run(const DigitRun& run, TablesResult* out) {
  RunOptions ro = SplitRun(run, T4Groups(), 256);
  out->t4.cells_found = true;
  out->t4.flattened = true;
  if (ro.overflow || ro.options.empty()) {
    for (const std::string& k : T4Keys()) {
      v1::Cell& c = out->sink.cells[k];
      c.set_key(k);
      c.set_state(v1::CELL_STATE_AMBIGUOUS);
      c.set_raw(run.Raw());
      *c.mutable_location() = run.Location();
    }
    out->sink.Note("AMBIGUOUS_DIGITS",
                   absl::StrCat("table 4: the run \"", run.Raw(),
                                "\" cannot be split into its 15 cells ",
                                ro.overflow ? "in few enough ways" : "at all",
                                "; left unresolved"),
                   T4Keys(), run.Location());
    return;
  }
  out->sink.Decide(T4Keys(), ro.options, &run, "table 4");
}

void ExtractTable4(const Grid& grid, const Anchors& anchors, CellArena* arena,
                   TablesResult* out) {
  const size_t n = T4Keys().size();
  for (size_t li = anchors.t4; li < anchors.end; ++li) {
    LineParts parts = SplitLine(grid.lines[li], arena);
    TrimToCount(&parts.values, n);
    size_t non_empty = 0;
    for (const GridCell* c : parts.values) non_empty += !c->IsBlankText();
    if (non_empty == 0) continue;
    if (parts.values.size() == n) {
      RowOption opt;
      for (const GridCell* c : parts.values) opt.push_back(ReadCell(*c));
      out->sink.Decide(T4Keys(), {opt}, nullptr, "table 4");
      out->t4.cells_found = true;
      return;
    }
    DigitRun run;
    if (AsDigitRun(parts.values, &run) && run.digits.size() >= n) {
      DecideTable4Run(run, out);
      return;
    }
    if (parts.values.size() > 3) {
      out->sink.Note(
          "ROW_SHAPE",
          absl::StrCat("table 4 (line ", grid.lines[li].line, ") has ",
                       parts.values.size(),
                       " value cells where 15 belong; its cells are left out"),
          T4Keys(), parts.values.front()->location);
      return;
    }
  }
}

}  // namespace govreport::parser
