#include "parser-svc/parser.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/report/cell_keys.h"
#include "common/sha256.h"
#include "common/status_macros.h"
#include "common/text/normalize.h"
#include "parser-svc/decoded_document.h"
#include "parser-svc/decoders/parse_budget.h"
#include "parser-svc/document_decoder.h"
#include "parser-svc/metadata/agency.h"
#include "parser-svc/metadata/sections.h"
#include "parser-svc/metadata/title.h"
#include "parser-svc/metadata/year.h"
#include "parser-svc/tables/grid.h"
#include "parser-svc/tables/tables.h"
#include "parser-svc/tables/template_detector.h"

#ifdef GOVREPORT_HAVE_REGIONS
#include "common/regions/resolver.h"
#endif

namespace govreport::parser {
namespace {

// The document's text lines: a text line (cut pieces joined back), or a
// grid row with its cells joined by tabs.
void CollectLines(const DecodedDocument& doc, std::vector<std::string>* lines,
                  std::vector<uint32_t>* numbers) {
  uint32_t previous = 0;
  for (const DocLine& line : doc.lines) {
    std::string text;
    for (size_t i = 0; i < line.cells.size(); ++i) {
      if (i > 0) text.push_back('\t');
      text += line.cells[i].text;
    }
    uint32_t number = line.cells.empty() ? 0 : line.cells[0].location.line();
    if (!line.is_grid_row && number != 0 && number == previous &&
        !lines->empty()) {
      lines->back() += text;  // a long line cut into pieces
      continue;
    }
    previous = number;
    lines->push_back(std::move(text));
    numbers->push_back(number != 0 ? number
                                   : static_cast<uint32_t>(lines->size()));
  }
}

// What the parse holds after decoding, estimated from the decoded document
// (parse_budget.h has the calibration). The text is held four times (the
// document's lines, the joined lines, Report.text, the Report's cells and
// sections); every line and cell
// costs its bookkeeping; every analysed code point costs the table engine's
// folded text, source index and label key, and the metadata's line keys
// (4 bytes each).
constexpr size_t kTextCopies = 4;
constexpr size_t kBytesPerDocCell = 160;
constexpr size_t kGridBytesPerChar = 24;
constexpr size_t kGridBytesPerCell = 200;

size_t EstimateParseBytes(const DecodedDocument& doc, size_t max_chars) {
  size_t text_bytes = 0, code_points = 0, cells = 0;
  for (const DocLine& line : doc.lines) {
    for (const DocCell& cell : line.cells) {
      text_bytes += cell.text.size();
      ++cells;
      code_points += text::CountCodePoints(cell.text);
    }
  }
  // The grid stops after the line that passes max_chars; a line holds at most
  // kMaxLineBytes (text_document.h) worth of code points.
  size_t analysed = std::min(code_points, max_chars + (size_t{1} << 20));
  // Cells in proportion to the analysed share of the text.
  size_t analysed_cells =
      code_points == 0 ? cells : cells * analysed / code_points;
  if (analysed_cells == 0) analysed_cells = std::min(cells, analysed + 1);
  return text_bytes * kTextCopies + cells * kBytesPerDocCell +
         analysed * kGridBytesPerChar + analysed_cells * kGridBytesPerCell;
}

ParseLimits LimitsOf(const ParserOptions& options) {
  return {.max_time = options.max_parse_time,
          .max_memory_bytes = options.max_parse_memory_bytes,
          .clock = options.clock};
}

bool TitleNamesReport(const std::u32string& key) {
  if (key.empty()) return false;
  bool names = key.find(U"年度报告") != std::u32string::npos ||
               key.find(U"年报") != std::u32string::npos;
  if (key.find(U"模板") != std::u32string::npos) return false;
  char32_t last = key.back();
  bool letter =
      last == U'函' || last == U'知' || last == U'复' || last == U'见';
  return names && !letter;
}

void AddNote(v1::Report* report, absl::string_view code, std::string message,
             std::vector<std::string> cells = {}) {
  v1::ParseNote* note = report->add_notes();
  note->set_code(std::string(code));
  note->set_message(std::move(message));
  for (auto& c : cells) note->add_cells(std::move(c));
}

bool KeyInTable(const std::string& key, int table) {
  if (table == 2) return key.rfind("t2", 0) == 0;
  if (table == 3) return key.rfind("t3.", 0) == 0;
  return key.rfind("t4.", 0) == 0;
}

}  // namespace

Parser::Parser(ParserOptions options) : options_(options) {
#ifdef GOVREPORT_HAVE_REGIONS
  if (options_.gazetteer != nullptr) {
    resolver_ = std::make_unique<regions::RegionResolver>(*options_.gazetteer);
  }
#endif
}

Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;

absl::StatusOr<v1::Report> Parser::Parse(absl::string_view name,
                                         absl::string_view bytes) const {
  ParseBudget budget(name, LimitsOf(options_));
  ASSIGN_OR_RETURN(DecodedDocument doc,
                   DecodeDocument(name, bytes, options_, &budget));
  return ParseWithin(name, bytes, doc, budget);
}

absl::StatusOr<v1::Report> Parser::ParseDecoded(
    absl::string_view name, absl::string_view bytes,
    const DecodedDocument& doc) const {
  ParseBudget budget(name, LimitsOf(options_));
  return ParseWithin(name, bytes, doc, budget);
}

absl::StatusOr<v1::Report> Parser::ParseWithin(absl::string_view name,
                                               absl::string_view bytes,
                                               const DecodedDocument& doc,
                                               ParseBudget& budget) const {
  RETURN_IF_ERROR(budget.CheckTime("the end of decoding"));
  RETURN_IF_ERROR(
      budget.Charge(EstimateParseBytes(doc, options_.max_analysed_chars),
                    "decoded text, its copies and the table engine's grid"));
  v1::Report report;
  report.set_id(Sha256Hex(bytes));
  report.set_source_name(std::string(name));
  report.set_format(doc.format);
  report.set_encoding(doc.encoding);

  std::vector<std::string> lines;
  std::vector<uint32_t> line_numbers;
  CollectLines(doc, &lines, &line_numbers);
  bool any_text = false;
  for (const std::string& l : lines) {
    if (l.find_first_not_of(" \t\r\f\v") != std::string::npos) {
      any_text = true;
      break;
    }
  }
  if (!any_text) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": the document holds no text (only blank lines)"));
  }
  report.set_text(absl::StrJoin(lines, "\n"));

  Grid grid = BuildGrid(doc, options_.max_analysed_chars, &budget);
  RETURN_IF_ERROR(budget.CheckTime("the table engine's grid"));
  if (grid.truncated) {
    AddNote(&report, "TRUNCATED_INPUT",
            absl::StrCat(
                name, ": only the first ", options_.max_analysed_chars,
                " characters (to line ",
                grid.lines.empty() ? 0 : grid.lines.back().line,
                ") were searched for tables and metadata; the rest of the ",
                report.text().size(), "-byte text was not"));
  }
  std::vector<std::u32string> line_keys;
  std::u32string document_key;
  line_keys.reserve(grid.lines.size());
  for (const GridLine& gl : grid.lines) {
    std::u32string key;
    for (const GridCell& c : gl.cells) key += c.key;
    document_key += key;
    line_keys.push_back(std::move(key));
  }
  // Folded lines (spaces kept) near the end, for a closing signature.
  std::vector<std::u32string> tail_folded;
  size_t analysed = std::min(lines.size(), grid.lines.size());
  for (size_t i = analysed > 12 ? analysed - 12 : 0; i < analysed; ++i) {
    tail_folded.push_back(FoldedLineText(grid.lines[i], lines[i]));
  }

  // Metadata.
  // The lines searched for metadata: all of them unless the grid was cut.
  std::vector<std::string> cut_lines;
  if (analysed < lines.size())
    cut_lines.assign(lines.begin(), lines.begin() + analysed);
  const std::vector<std::string>& analysed_lines =
      analysed < lines.size() ? cut_lines : lines;
  TitleInfo title = FindTitle(analysed_lines);
  report.set_title(title.title);
  std::u32string title_key = text::LabelKey(text::FoldText(title.title));
  YearInfo year = FindYear(title_key, line_keys);
  if (year.year) report.set_year(*year.year);
  if (year.title_year) report.set_title_year(*year.title_year);
  AgencyInfo agency = FindAgency(title_key, line_keys, tail_folded);
  if (!agency.agency.empty() && !LooksTraditional(report.text())) {
    // Where the agency was found: the title, the opening or the closing lines.
    std::vector<std::string> candidates;
    if (!title.title.empty()) candidates.push_back(title.title);
    for (size_t i = 0; i < analysed && i < 40; ++i)
      candidates.push_back(analysed_lines[i]);
    for (size_t i = analysed > 12 ? analysed - 12 : 0; i < analysed; ++i) {
      candidates.push_back(analysed_lines[i]);
    }
    agency.agency = AgencyAsWritten(text::Utf8ToU32(agency.agency), candidates);
  }
  report.set_agency(agency.agency);
  report.set_agency_kind(agency.kind);
  RETURN_IF_ERROR(budget.CheckTime("metadata"));

  // Tables.
  TablesResult tables = ExtractTables(grid);
  bool tables_found =
      tables.t2.cells_found || tables.t3.cells_found || tables.t4.cells_found;
  if (!tables.t2.cells_found && !tables.t3.cells_found)
    ExtractE2014(grid, &tables);
  RETURN_IF_ERROR(budget.CheckTime("table extraction"));
  // A report has figures: tables whose cells are all blank (the official
  // blank template) are a form, not a report.
  bool any_value = false;
  for (const auto& [key, cell] : tables.sink.cells) {
    if (cell.state() == v1::CELL_STATE_VALUE) {
      any_value = true;
      break;
    }
  }
  bool is_report = (tables_found && any_value) || tables.e2014_found ||
                   TitleNamesReport(title_key);
  report.set_is_annual_report(is_report);
  TemplateEvidence evidence;
  evidence.t2_version = tables.t2_version;
  evidence.t3_six_form = tables.t3_six_form;
  evidence.tables_found = tables_found;
  evidence.e2014_table = tables.e2014_found;
  evidence.document_key = document_key;
  v1::Template tmpl = (is_report || tables_found) ? DetectTemplate(evidence)
                                                  : v1::TEMPLATE_UNKNOWN;
  report.set_template_(tmpl);

  const bool legacy = tmpl == v1::TEMPLATE_E2014 || tmpl == v1::TEMPLATE_E2008;
  static const std::vector<std::string> kLegacyKeys = {
      "t3.new.total", "t3.total_done.total", "t3.granted.total",
      "t3.partial.total", "t4.review.total"};
  std::vector<std::string> absent[5];
  for (const std::string& key : CellKeysFor(tmpl)) {
    v1::Cell* cell = report.add_cells();
    auto it = tables.sink.cells.find(key);
    bool keep = it != tables.sink.cells.end() && tmpl != v1::TEMPLATE_UNKNOWN;
    if (keep && legacy) {
      keep = std::find(kLegacyKeys.begin(), kLegacyKeys.end(), key) !=
             kLegacyKeys.end();
    }
    if (keep) {
      *cell = std::move(it->second);
    } else {
      cell->set_key(key);
      cell->set_state(v1::CELL_STATE_ABSENT);
      for (int t = 2; t <= 4; ++t) {
        if (KeyInTable(key, t)) absent[t].push_back(key);
      }
    }
  }
  for (const v1::LabelDeviation& d : tables.deviations)
    *report.add_label_deviations() = d;
  if (tables.t2_version != T2Version::kV2019 && tmpl != v1::TEMPLATE_V2019) {
    for (const v1::LabelDeviation& d : tables.v2021_only_deviations) {
      *report.add_label_deviations() = d;
    }
  }
  for (const v1::ParseNote& n : tables.sink.notes) *report.add_notes() = n;

  // Sections and table status.
  std::vector<v1::Section> sections =
      FindSections(analysed_lines, line_numbers);
  bool section_seen[7] = {false};
  for (v1::Section& s : sections) {
    section_seen[s.ordinal()] = true;
    *report.add_sections() = std::move(s);
  }
  const TableFlags* flags[5] = {nullptr, nullptr, &tables.t2, &tables.t3,
                                &tables.t4};
  bool standard = tmpl == v1::TEMPLATE_V2021 || tmpl == v1::TEMPLATE_V2019 ||
                  tmpl == v1::TEMPLATE_HYBRID;
  for (int t = 2; t <= 4; ++t) {
    v1::TableStatus* status = report.add_tables();
    status->set_table(t);
    status->set_heading_found(flags[t]->heading_found ||
                              (standard && section_seen[t]));
    status->set_cells_found(flags[t]->cells_found);
    if (!standard || !is_report) continue;
    if (!flags[t]->cells_found) {
      AddNote(&report, "TABLE_MISSING",
              absl::StrCat(name, ": table ", t,
                           status->heading_found()
                               ? " is announced but none of its cells was found"
                               : " was not found"),
              absent[t]);
    } else if (!absent[t].empty()) {
      // Keys a V2019 report never has are not missing.
      std::vector<std::string> missing;
      for (const std::string& k : absent[t]) {
        if (tmpl != v1::TEMPLATE_V2021 &&
            (k.rfind("t3.other.no_correction", 0) == 0 ||
             k.rfind("t3.other.unpaid_fee", 0) == 0 ||
             (k.rfind("t2.", 0) == 0 &&
              tables.t2_version == T2Version::kV2019))) {
          continue;
        }
        missing.push_back(k);
      }
      if (!missing.empty()) {
        AddNote(&report, "MISSING_CELLS",
                absl::StrCat(
                    name, ": table ", t, " was found but ", missing.size(),
                    " of its cells were not (first: ", missing.front(),
                    "); the table may be truncated or its rows unrecognised"),
                missing);
      }
    }
  }

#ifdef GOVREPORT_HAVE_REGIONS
  if (resolver_ != nullptr) {
    regions::RegionClues clues;
    clues.agency = report.agency();
    clues.title = report.title();
    clues.body = report.text();
    clues.year = report.has_year() ? report.year() : 0;
    regions::RegionMatch match = resolver_->Resolve(clues);
    report.set_region_code(match.code);
    for (const std::string& code : match.path) report.add_region_path(code);
  }
#endif
  RETURN_IF_ERROR(budget.CheckTime("region resolution"));
  return report;
}

}  // namespace govreport::parser
