#include "parser-svc/tables/readings.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace govreport::parser {

std::string DigitRun::Raw() const {
  if (cell == nullptr || folded_index.empty()) return "";
  return cell->RawSpan(folded_index.front(), folded_index.back() + 1);
}

v1::SourceLocation DigitRun::Location() const {
  if (cell == nullptr || folded_index.empty()) return {};
  return cell->SpanLocation(folded_index.front(), folded_index.back() + 1);
}

CellReading DigitRun::PieceReading(const Piece& piece) const {
  CellReading r;
  r.value.kind = ValueKind::kNumber;
  r.value.number = PieceValue(digits, piece);
  r.value.is_integer =
      digits.substr(piece.begin, piece.end - piece.begin).find('.') ==
      std::u32string::npos;
  size_t b = folded_index[piece.begin];
  size_t e = folded_index[piece.end - 1] + 1;
  r.raw = cell->RawSpan(b, e);
  r.location = cell->SpanLocation(b, e);
  return r;
}

CellReading ReadCell(const GridCell& cell) {
  CellReading r;
  r.value = ParseCellValue(cell.folded.text);
  r.raw = cell.raw;
  // Trim the raw text's outer spaces (tables pad their cells).
  size_t b = r.raw.find_first_not_of(' ');
  size_t e = r.raw.find_last_not_of(' ');
  r.raw = b == std::string::npos ? "" : r.raw.substr(b, e - b + 1);
  r.location = cell.location;
  return r;
}

RunOptions SplitRun(const DigitRun& run, const std::vector<GroupSpec>& groups,
                    size_t limit) {
  RunOptions out;
  std::vector<Split> splits = SegmentDigits(run.digits, groups, limit);
  if (splits.empty()) {
    bool any_sum = false;
    std::vector<GroupSpec> free = groups;
    for (GroupSpec& g : free) {
      any_sum |= g.last_is_sum;
      g.last_is_sum = false;
    }
    if (any_sum) {
      splits = SegmentDigits(run.digits, free, limit);
      out.unconstrained = true;
    }
  }
  if (splits.size() > limit) {
    out.overflow = true;
    return out;
  }
  for (const Split& split : splits) {
    RowOption option;
    for (const Piece& p : split) option.push_back(run.PieceReading(p));
    out.options.push_back(std::move(option));
  }
  return out;
}

void CellSink::Put(const std::string& key, const CellReading& reading) {
  v1::Cell& cell = cells[key];
  cell.set_key(key);
  cell.set_raw(reading.raw);
  *cell.mutable_location() = reading.location;
  SetCellValue(reading.value, &cell);
}

void CellSink::Note(absl::string_view code, std::string message,
                    std::vector<std::string> keys,
                    const v1::SourceLocation& where) {
  v1::ParseNote& note = notes.emplace_back();
  note.set_code(std::string(code));
  note.set_message(std::move(message));
  for (auto& k : keys) note.add_cells(std::move(k));
  *note.mutable_location() = where;
}

void CellSink::Decide(const std::vector<std::string>& keys,
                      const std::vector<RowOption>& options,
                      const DigitRun* run, absl::string_view what) {
  if (options.empty()) return;
  std::vector<std::string> ambiguous;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].empty()) continue;  // a column the caller does not keep
    bool agree = true;
    const CellReading& first = options[0][i];
    for (const RowOption& o : options) {
      const CellReading& r = o[i];
      if (r.value.kind != first.value.kind ||
          (r.value.kind == ValueKind::kNumber &&
           r.value.number != first.value.number)) {
        agree = false;
        break;
      }
    }
    if (agree) {
      Put(keys[i], first);
      continue;
    }
    v1::Cell& cell = cells[keys[i]];
    cell.set_key(keys[i]);
    cell.clear_value();
    cell.set_state(v1::CELL_STATE_AMBIGUOUS);
    if (run != nullptr) {
      cell.set_raw(run->Raw());
      *cell.mutable_location() = run->Location();
    }
    ambiguous.push_back(keys[i]);
  }
  if (!ambiguous.empty()) {
    v1::SourceLocation where =
        run != nullptr ? run->Location() : v1::SourceLocation();
    Note("AMBIGUOUS_DIGITS",
         absl::StrCat(what, ": the run \"", run != nullptr ? run->Raw() : "",
                      "\" (line ", where.line(), ", column ",
                      where.column_begin(), ") splits into the cells in ",
                      options.size(),
                      " ways that satisfy the table's identities; left "
                      "unresolved: ",
                      absl::StrJoin(ambiguous, ", ")),
         ambiguous, where);
  }
}

}  // namespace govreport::parser
