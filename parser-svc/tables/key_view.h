#ifndef GOVREPORT_PARSER_SVC_TABLES_KEY_VIEW_H_
#define GOVREPORT_PARSER_SVC_TABLES_KEY_VIEW_H_

// A cell's folded text reduced to what labels and digit runs are searched
// in: Han characters, letters, digits, '.' and '、'. Spaces, brackets,
// quotes and thousands separators drop out, so "社会公益 组织",
// "危及“三安全一稳定”" and "230 000023" read as written without them.
// Every kept character remembers its index in the folded text.
//
// Thread-safe: plain data.

#include <string>
#include <vector>

#include "parser-svc/tables/grid.h"
#include "parser-svc/tables/readings.h"

namespace govreport::parser {

struct KeyView {
  const GridCell* cell = nullptr;
  std::u32string text;
  std::vector<size_t> folded_index;

  size_t Find(std::u32string_view what, size_t from) const {
    size_t p = text.find(what, from);
    return p == std::u32string::npos ? kNpos : p;
  }
  static constexpr size_t kNpos = static_cast<size_t>(-1);
};

KeyView MakeKeyView(const GridCell& cell);

// The digit run starting at `pos` (digits and '.'), or an empty run when
// none starts there. A trailing "<digit>." or "<digit>、" directly before a
// Han character is the next row's ordinal ("00000002.其他法律…"), not
// part of the run. `*end` gets the view position just past what was taken.
DigitRun RunAt(const KeyView& view, size_t pos, size_t* end);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_KEY_VIEW_H_
