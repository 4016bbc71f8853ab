#ifndef GOVREPORT_PARSER_SVC_TABLES_TABLES_H_
#define GOVREPORT_PARSER_SVC_TABLES_TABLES_H_

// Reads tables 2, 3 and 4 (and the E2014 statistics table) from a Grid,
// anchored on the template's labels, in every layout: separated cells
// (tabs, pipes, markdown, aligned columns, HTML/DOCX/PDF grids) first, and
// flattened text (labels followed by run-together digits) for a table that
// has no separated cells.
//
// Thread-safe: stateless.

#include <deque>
#include <string>
#include <vector>

#include "govreport/v1/report.pb.h"
#include "parser-svc/tables/grid.h"
#include "parser-svc/tables/label_matcher.h"
#include "parser-svc/tables/readings.h"

namespace govreport::parser {

struct TableFlags {
  bool heading_found = false;
  bool cells_found = false;
  bool flattened = false;
};

struct TablesResult {
  CellSink sink;
  std::vector<v1::LabelDeviation> deviations;
  // Deviations that exist only if the template turns out to be V2021
  // (规范性文件 for 行政规范性文件).
  std::vector<v1::LabelDeviation> v2021_only_deviations;
  T2Version t2_version = T2Version::kUnknown;
  int t3_six_form = 0;  // 1: single （六） row (V2019); 3: three sub-rows.
  TableFlags t2, t3, t4;
  bool e2014_found = false;
};

TablesResult ExtractTables(const Grid& grid);

// Reads the five one-to-one cells of an E2014 statistics table
// (受理申请总数, 答复总数, 同意公开, 同意部分公开, 行政复议数) into `out`.
void ExtractE2014(const Grid& grid, TablesResult* out);

// --- internals shared by the per-table files
// ----------------------------------

// Grid cells the extractors create (a label cell's trailing number split
// off). Owned here so that observations can point at them.
using CellArena = std::deque<GridCell>;

// The value cells of a grid line after its last label cell, trimmed of
// layout padding to `expected` cells when possible. `label` gets the last
// label cell (or null). A label cell ending in " <number>" ("行政许可 97")
// is split into label and value through `arena`.
struct LineParts {
  std::vector<const GridCell*> labels;
  std::vector<const GridCell*> values;
};
LineParts SplitLine(const GridLine& line, CellArena* arena);
// Trims empty padding cells until `values` has `expected` cells.
void TrimToCount(std::vector<const GridCell*>* values, size_t expected);
// The one non-empty value cell when it is a digit run, as a DigitRun.
bool AsDigitRun(const std::vector<const GridCell*>& values, DigitRun* run);

// Anchor lines (indices into grid.lines), or grid.lines.size() when absent.
struct Anchors {
  size_t t2 = 0, t3 = 0, t4 = 0, end = 0;
  bool has_t2 = false, has_t3 = false, has_t4 = false;
};
Anchors FindAnchors(const Grid& grid);

void ExtractTable2(const Grid& grid, const Anchors& anchors, CellArena* arena,
                   TablesResult* out);
void ExtractTable3(const Grid& grid, const Anchors& anchors, CellArena* arena,
                   TablesResult* out);
void ExtractTable4(const Grid& grid, const Anchors& anchors, CellArena* arena,
                   TablesResult* out);
// Flattened text: the same tables read from labels followed by digit runs.
void ExtractFlattenedTable2(const Grid& grid, const Anchors& anchors,
                            TablesResult* out);
void ExtractFlattenedTable3(const Grid& grid, const Anchors& anchors,
                            TablesResult* out);
void ExtractFlattenedTable4(const Grid& grid, const Anchors& anchors,
                            TablesResult* out);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_TABLES_H_
