#include "parser-svc/tables/table3.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/report/cell_keys.h"

namespace govreport::parser {
namespace {

constexpr int kRows = 25;
constexpr int kCols = 7;
constexpr int kNoCorrection = 20;
constexpr int kUnpaidFee = 21;
constexpr int kOtherOther = 22;
constexpr int kTotalDone = 23;
constexpr int kCarryOut = 24;
// Joint readings tried before giving up on deciding them together.
constexpr size_t kMaxCombinations = 200000;
constexpr size_t kMaxRunSplits = 256;

const std::vector<std::string>& RowKeys(int row) {
  static const auto* const keys = [] {
    auto* k = new std::vector<std::vector<std::string>>(kRows);
    for (int r = 0; r < kRows; ++r) {
      for (auto col : kT3Columns) (*k)[r].push_back(T3Key(kT3Rows[r], col));
    }
    return k;
  }();
  return (*keys)[row];
}

int GroupOf(int row) {
  if (row >= 4 && row <= 11) return 3;
  if (row >= 12 && row <= 14) return 4;
  if (row >= 15 && row <= 19) return 5;
  if (row >= 20 && row <= 22) return 6;
  return 0;
}

double ValueOf(const CellReading& r) {
  return r.value.kind == ValueKind::kNumber ? r.value.number : 0;
}

}  // namespace

void ExtractTable3(const Grid& grid, const Anchors& anchors, CellArena* arena,
                   TablesResult* out) {
  std::vector<T3Observation> observations;
  size_t end = anchors.has_t4 ? anchors.t4
                              : std::min(grid.lines.size(), anchors.t3 + 200);
  int group = 0;
  for (size_t li = anchors.t3; li < end; ++li) {
    const GridLine& line = grid.lines[li];
    LineParts parts = SplitLine(line, arena);
    T3LabelMatch match;
    const GridCell* label = nullptr;
    for (size_t k = 0; k < parts.labels.size(); ++k) {
      const GridCell* c = parts.labels[k];
      T3LabelMatch m = MatchT3Label(c->folded.text, group);
      if (m.group > 0) group = m.group;
      // "（六）其他处理" before another label cell is the group, not the
      // V2019 single row.
      if (m.single_six && k + 1 < parts.labels.size()) continue;
      if (m.row >= 0) {
        match = m;
        label = c;
        if (GroupOf(m.row) > 0) group = GroupOf(m.row);
      }
    }
    if (match.single_six && label != parts.labels.back())
      match.single_six = false;
    TrimToCount(&parts.values, kCols);
    bool any = false;
    for (const GridCell* c : parts.values) any |= !c->IsBlankText();
    if (!any) continue;
    T3Observation obs;
    obs.row = match.row;
    obs.single_six = match.single_six;
    obs.match = match;
    obs.label = label;
    if (parts.values.size() == kCols) {
      obs.cells = parts.values;
    } else if (AsDigitRun(parts.values, &obs.run) &&
               obs.run.digits.size() >= kCols) {
      obs.is_run = true;
    } else {
      if (obs.row >= 0) {
        out->sink.Note(
            "ROW_SHAPE",
            absl::StrCat("table 3 row \"", T3RowLabel(obs.row), "\" (line ",
                         line.line, ") has ", parts.values.size(),
                         " value cells where 7 belong; its cells are left out"),
            RowKeys(obs.row), parts.values.front()->location);
      }
      continue;
    }
    observations.push_back(std::move(obs));
  }
  AssembleTable3(observations, out);
}

void AssembleTable3(const std::vector<T3Observation>& observations,
                    TablesResult* out) {
  bool single_six = false;
  for (const T3Observation& o : observations) single_six |= o.single_six;
  std::vector<int> seq;
  for (int r = 0; r < kRows; ++r) {
    if (single_six && (r == kNoCorrection || r == kUnpaidFee)) continue;
    seq.push_back(r);
  }
  auto pos_of = [&](int row) {
    auto it = std::find(seq.begin(), seq.end(), row);
    return it == seq.end() ? -1 : static_cast<int>(it - seq.begin());
  };
  std::vector<const T3Observation*> placed(kRows, nullptr);
  std::vector<const T3Observation*> pending;
  int last = -1;
  auto unplaced = [&](const std::vector<const T3Observation*>& rows, int from,
                      int to) {
    if (rows.empty()) return;
    std::vector<std::string> keys;
    for (int p = from; p < to; ++p) {
      for (const auto& k : RowKeys(seq[p])) keys.push_back(k);
    }
    const T3Observation* first = rows.front();
    v1::SourceLocation where =
        first->is_run ? first->run.Location() : first->cells.front()->location;
    out->sink.Note(
        "UNPLACED_ROWS",
        absl::StrCat("table 3: ", rows.size(),
                     " value rows without a recognisable label (from "
                     "line ",
                     where.line(), ") do not match the ", to - from,
                     " template rows between their labelled "
                     "neighbours; those rows are left out"),
        keys, where);
  };
  for (const T3Observation& o : observations) {
    if (o.row < 0) {
      pending.push_back(&o);
      continue;
    }
    int pos = pos_of(o.row);
    if (pos < 0) continue;
    if (pos <= last) {
      if (pos < last) break;  // the table starts over: a repeated copy
      continue;
    }
    int gap = pos - last - 1;
    if (static_cast<int>(pending.size()) == gap) {
      for (int k = 0; k < gap; ++k) placed[seq[last + 1 + k]] = pending[k];
    } else {
      unplaced(pending, last + 1, pos);
    }
    pending.clear();
    placed[o.row] = &o;
    last = pos;
  }
  int remaining = static_cast<int>(seq.size()) - 1 - last;
  if (!pending.empty()) {
    if (static_cast<int>(pending.size()) == remaining) {
      for (int k = 0; k < remaining; ++k)
        placed[seq[last + 1 + k]] = pending[k];
    } else {
      unplaced(pending, last + 1, static_cast<int>(seq.size()));
    }
  }

  // Readings per row.
  std::vector<std::vector<RowOption>> options(kRows);
  std::vector<bool> present(kRows, false);
  for (int r = 0; r < kRows; ++r) {
    const T3Observation* o = placed[r];
    if (o == nullptr) continue;
    present[r] = true;
    out->t3.cells_found = true;
    if (r == kNoCorrection || r == kUnpaidFee) out->t3_six_form = 3;
    if (o->single_six) out->t3_six_form = 1;
    if (o->match.quality == MatchQuality::kTolerant && o->label != nullptr) {
      v1::LabelDeviation& d = out->deviations.emplace_back();
      d.set_expected(T3RowLabel(r));
      std::string found = o->label->raw;
      size_t b = found.find_first_not_of(' ');
      size_t e = found.find_last_not_of(' ');
      d.set_found(b == std::string::npos ? "" : found.substr(b, e - b + 1));
      d.set_table(3);
      *d.mutable_location() = o->label->location;
    }
    if (o->is_run) {
      out->t3.flattened = true;
      RunOptions ro =
          SplitRun(o->run, {GroupSpec{kCols, true, -1}}, kMaxRunSplits);
      if (ro.overflow || ro.options.empty()) {
        std::vector<std::string> keys = RowKeys(r);
        for (const std::string& k : keys) {
          v1::Cell& c = out->sink.cells[k];
          c.set_key(k);
          c.set_state(v1::CELL_STATE_AMBIGUOUS);
          c.set_raw(o->run.Raw());
          *c.mutable_location() = o->run.Location();
        }
        out->sink.Note(
            "AMBIGUOUS_DIGITS",
            absl::StrCat("table 3 row \"", T3RowLabel(r), "\": the run \"",
                         o->run.Raw(), "\" cannot be split into 7 cells ",
                         ro.overflow ? "in few enough ways" : "at all",
                         "; left unresolved"),
            keys, o->run.Location());
        present[r] = false;
        continue;
      }
      options[r] = std::move(ro.options);
    } else {
      RowOption opt;
      for (const GridCell* c : o->cells) opt.push_back(ReadCell(*c));
      options[r].push_back(std::move(opt));
    }
  }

  // Joint decision for rows with several readings.
  std::vector<int> variable;
  size_t combinations = 1;
  for (int r = 0; r < kRows; ++r) {
    if (options[r].size() > 1) {
      variable.push_back(r);
      combinations *= options[r].size();
      if (combinations > kMaxCombinations) break;
    }
  }
  if (!variable.empty() && combinations <= kMaxCombinations) {
    std::vector<size_t> choice(kRows, 0);
    std::vector<std::vector<bool>> used(kRows);
    for (int r : variable) used[r].assign(options[r].size(), false);
    bool any_valid = false;
    auto value = [&](int r, int c) -> double {
      if (!present[r] || options[r].empty()) return 0;
      return ValueOf(options[r][choice[r]][c]);
    };
    bool check_row =
        present[0] && present[1] && present[kTotalDone] && present[kCarryOut];
    bool check_sum = present[kTotalDone];
    for (size_t n = 0; n < combinations; ++n) {
      size_t rest = n;
      for (int r : variable) {
        choice[r] = rest % options[r].size();
        rest /= options[r].size();
      }
      bool ok = true;
      for (int c = 0; c < kCols && ok; ++c) {
        if (check_row && value(0, c) + value(1, c) !=
                             value(kTotalDone, c) + value(kCarryOut, c)) {
          ok = false;
        }
        if (check_sum && ok) {
          double sum = 0;
          for (int r = 2; r <= kOtherOther; ++r) sum += value(r, c);
          if (sum != value(kTotalDone, c)) ok = false;
        }
      }
      if (!ok) continue;
      any_valid = true;
      for (int r : variable) used[r][choice[r]] = true;
    }
    if (any_valid) {
      for (int r : variable) {
        std::vector<RowOption> kept;
        for (size_t k = 0; k < options[r].size(); ++k) {
          if (used[r][k]) kept.push_back(options[r][k]);
        }
        options[r] = std::move(kept);
      }
    }
  }
  for (int r = 0; r < kRows; ++r) {
    if (options[r].empty()) continue;
    const T3Observation* o = placed[r];
    out->sink.Decide(RowKeys(r), options[r], o->is_run ? &o->run : nullptr,
                     absl::StrCat("table 3 row \"", T3RowLabel(r), "\""));
  }
}

}  // namespace govreport::parser
