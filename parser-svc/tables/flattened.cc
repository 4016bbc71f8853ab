// Flattened text: web pages copied as text lose every cell boundary, so a
// table reads "规章000行政规范性文件77132470第二十条…". The labels are
// found in template order and the digits after each are split with the
// identities (digit_segmenter.h); see tables.h.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/text/normalize.h"
#include "parser-svc/tables/key_view.h"
#include "parser-svc/tables/table2.h"
#include "parser-svc/tables/table3.h"
#include "parser-svc/tables/table4.h"
#include "parser-svc/tables/tables.h"

namespace govreport::parser {
namespace {

constexpr size_t kNpos = KeyView::kNpos;

size_t FindFrom(const KeyView& v, std::u32string_view what, size_t from,
                size_t bound) {
  size_t p = v.Find(what, from);
  return (p == kNpos || p >= bound) ? kNpos : p;
}

// The first position of `label` at or after `from` that a digit run follows.
size_t FindLabelWithRun(const KeyView& v, std::u32string_view label,
                        size_t from, size_t bound) {
  for (size_t p = FindFrom(v, label, from, bound); p != kNpos;
       p = FindFrom(v, label, p + 1, bound)) {
    size_t after = p + label.size();
    if (after < v.text.size() && text::IsDigit(v.text[after])) return p;
  }
  return kNpos;
}

}  // namespace

void ExtractFlattenedTable3(const Grid& grid, const Anchors& anchors,
                            TablesResult* out) {
  size_t last = anchors.has_t4 ? anchors.t4
                               : std::min(grid.lines.size(), anchors.t3 + 50);
  for (size_t li = anchors.t3; li <= last && li < grid.lines.size(); ++li) {
    for (const GridCell& cell : grid.lines[li].cells) {
      KeyView v = MakeKeyView(cell);
      size_t start = FindLabelWithRun(v, T3SearchKey(0), 0, v.text.size());
      if (start == kNpos) continue;
      size_t bound = v.Find(U"行政复议", start);
      if (bound == kNpos) bound = v.text.size();
      std::vector<T3Observation> obs;
      size_t p = start;
      for (int row = 0; row < 25; ++row) {
        if (row == 20) {
          // V2019: a single （六）其他处理 row with its own digits.
          size_t q = FindFrom(v, U"其他处理", p, bound);
          if (q != kNpos) {
            size_t end = 0;
            DigitRun run = RunAt(v, q + 4, &end);
            if (!run.digits.empty()) {
              T3Observation o;
              o.row = 22;
              o.single_six = true;
              o.is_run = true;
              o.run = std::move(run);
              obs.push_back(std::move(o));
              p = end;
              row = 22;
              continue;
            }
          }
        }
        // The first occurrence of the label that digits follow.
        std::u32string key = T3SearchKey(row);
        std::u32string note = T3TrailingNoteKey(row);
        DigitRun run;
        size_t end = 0;
        for (size_t q = FindFrom(v, key, p, bound); q != kNpos;
             q = FindFrom(v, key, q + 1, bound)) {
          size_t after = q + key.size();
          if (!note.empty() && v.text.compare(after, note.size(), note) == 0) {
            after += note.size();
          }
          run = RunAt(v, after, &end);
          if (!run.digits.empty()) break;
        }
        if (run.digits.empty()) continue;
        T3Observation o;
        o.row = row;
        o.is_run = true;
        o.run = std::move(run);
        obs.push_back(std::move(o));
        p = end;
      }
      if (!obs.empty()) {
        AssembleTable3(obs, out);
        return;
      }
    }
  }
}

void ExtractFlattenedTable2(const Grid& grid, const Anchors& anchors,
                            TablesResult* out) {
  size_t last = anchors.has_t3 ? anchors.t3
                               : std::min(grid.lines.size(), anchors.t2 + 50);
  for (size_t li = anchors.t2; li <= last && li < grid.lines.size(); ++li) {
    for (const GridCell& cell : grid.lines[li].cells) {
      KeyView v = MakeKeyView(cell);
      size_t start = v.Find(U"第二十条第一项", 0);
      if (start == kNpos) start = v.Find(U"信息内容", 0);
      if (start == kNpos) continue;
      size_t bound = v.Find(U"本年新收政府信息公开申请数量", start);
      if (bound == kNpos) bound = v.text.size();
      T2Version version = out->t2_version;
      if (version == T2Version::kUnknown) {
        if (FindFrom(v, U"本年新制作数量", start, bound) != kNpos ||
            FindFrom(v, U"上一年项目数量", start, bound) != kNpos) {
          version = T2Version::kV2019;
        } else if (FindFrom(v, U"本年制发件数", start, bound) != kNpos ||
                   FindFrom(v, U"现行有效件数", start, bound) != kNpos) {
          version = T2Version::kV2021;
        }
        out->t2_version = version;
      }
      if (version == T2Version::kUnknown) version = T2Version::kV2021;
      std::vector<T2Row> rows = {T2Row::kRules,     T2Row::kNormative,
                                 T2Row::kLicensing, T2Row::kOtherServices,
                                 T2Row::kPenalty,   T2Row::kCoercion,
                                 T2Row::kFees,      T2Row::kProcurement};
      size_t p = start;
      bool any = false;
      for (T2Row row : rows) {
        std::vector<std::string> keys = T2RowKeys(row, version);
        if (keys.empty()) continue;
        std::u32string label = T2SearchKey(row);
        size_t q = FindLabelWithRun(v, label, p, bound);
        if (q == kNpos && row == T2Row::kNormative) {
          label = U"规范性文件";
          q = FindLabelWithRun(v, label, p, bound);
        }
        if (q == kNpos) continue;
        size_t end = 0;
        DigitRun run = RunAt(v, q + label.size(), &end);
        if (run.digits.empty()) continue;
        p = end;
        any = true;
        RunOptions ro = SplitRun(run, {T2RowGroup(row, version)}, 64);
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
              absl::StrCat("table 2 row \"", text::U32ToUtf8(label),
                           "\": the run \"", run.Raw(),
                           "\" cannot be split into its cells in one way"),
              keys, run.Location());
          continue;
        }
        out->sink.Decide(
            keys, ro.options, &run,
            absl::StrCat("table 2 row \"", text::U32ToUtf8(label), "\""));
      }
      if (any) {
        out->t2.cells_found = true;
        out->t2.flattened = true;
        return;
      }
    }
  }
}

void ExtractFlattenedTable4(const Grid& grid, const Anchors& anchors,
                            TablesResult* out) {
  size_t first = anchors.has_t3 ? anchors.t3 : anchors.t4;
  size_t last = std::min(grid.lines.size(), anchors.end + 1);
  for (size_t li = first; li < last; ++li) {
    for (const GridCell& cell : grid.lines[li].cells) {
      KeyView v = MakeKeyView(cell);
      size_t from = v.Find(U"结转下年度继续办理", 0);
      from = from == kNpos ? 0 : from;
      size_t start = v.Find(U"行政复议", from);
      if (start == kNpos) continue;
      size_t stop = v.Find(U"存在的主要问题", start);
      if (stop == kNpos) stop = v.text.size();
      size_t d = start;
      while (d < stop && !text::IsDigit(v.text[d])) ++d;
      if (d >= stop) continue;
      size_t end = 0;
      DigitRun run = RunAt(v, d, &end);
      if (run.digits.size() < 15) continue;
      DecideTable4Run(run, out);
      return;
    }
  }
}

}  // namespace govreport::parser
