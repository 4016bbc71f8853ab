#include "parser-svc/tables/key_view.h"

#include "common/text/normalize.h"

namespace govreport::parser {

KeyView MakeKeyView(const GridCell& cell) {
  KeyView v;
  v.cell = &cell;
  const std::u32string& t = cell.folded.text;
  v.text.reserve(t.size());
  v.folded_index.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    // '、' stays only after a digit, where it ends an ordinal ("2、").
    bool ordinal_comma =
        c == 0x3001 && !v.text.empty() && text::IsDigit(v.text.back());
    if (text::IsHan(c) || text::IsDigit(c) || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z') || c == '.' || ordinal_comma) {
      v.text.push_back(c);
      v.folded_index.push_back(i);
    }
  }
  return v;
}

DigitRun RunAt(const KeyView& view, size_t pos, size_t* end) {
  DigitRun run;
  run.cell = view.cell;
  size_t i = pos;
  while (i < view.text.size() &&
         (text::IsDigit(view.text[i]) || view.text[i] == '.')) {
    ++i;
  }
  size_t stop = i;
  // Next row's ordinal: "...0002.其他" or "...0002、其他".
  bool ordinal_follows =
      (stop < view.text.size() && view.text[stop] == 0x3001 && stop > pos &&
       text::IsDigit(view.text[stop - 1])) ||
      (stop > pos + 1 && view.text[stop - 1] == '.' &&
       text::IsDigit(view.text[stop - 2]) && stop < view.text.size() &&
       text::IsHan(view.text[stop]));
  size_t take = stop;
  if (ordinal_follows) {
    take = view.text[stop - 1] == '.' ? stop - 2 : stop - 1;
  }
  // A lone trailing '.' is punctuation.
  while (take > pos && view.text[take - 1] == '.') --take;
  for (size_t k = pos; k < take; ++k) {
    run.digits.push_back(view.text[k]);
    run.folded_index.push_back(view.folded_index[k]);
  }
  *end = stop;
  return run;
}

}  // namespace govreport::parser
