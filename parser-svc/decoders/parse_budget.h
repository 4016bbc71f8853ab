#ifndef GOVREPORT_PARSER_SVC_DECODERS_PARSE_BUDGET_H_
#define GOVREPORT_PARSER_SVC_DECODERS_PARSE_BUDGET_H_

// The time and memory one parse may use (ParserOptions.max_parse_time and
// max_parse_memory_bytes; --max_parse_seconds and --max_parse_memory_bytes).
//
//   ParseBudget budget("a.pdf", {.max_time = absl::Seconds(10),
//                                .max_memory_bytes = 512u << 20});
//   RETURN_IF_ERROR(budget.Charge(bytes.size() * 3, "PDF objects"));
//   for (int page = 0; page < pages; ++page) {
//     RETURN_IF_ERROR(budget.CheckTime("page", page + 1));
//     ...
//   }
//
// Time: a deadline fixed when the budget is made, checked by the decoders
// at every PDF page, every 256 HTML nodes and every DOCX paragraph or table
// row, by the text engine at every line, and by the parser between its
// stages. A single step that does not return (one poppler page, gumbo's
// tree build, pugixml's DOM build) is not interrupted: the overrun is
// noticed when it returns, so the time is bounded by the limit plus the
// longest single step.
//
// Memory: an estimate, not a measurement. Before each large allocation a
// stage charges what it is about to hold (the size of its input times a
// factor for that stage: kTextCopies etc. in parser.cc, k*BytesPerByte in
// the decoders) and releases it when it frees it (gumbo's tree, pugixml's
// DOM, poppler's document); the parse fails before allocating once what is
// held passes the limit. Memory inside poppler, gumbo and pugixml is covered
// only through those factors. Calibration (`govreport parse`, peak RSS over
// the 55 MiB baseline, 30 MiB inputs): tab-separated text estimated 343
// MiB at the peak, measured ~400 MiB; table-heavy HTML estimated 520 MiB,
// measured ~665 MiB (the measurement includes the CLI's own copy of the
// input and its JSON output, which the budget does not count). A DOCX's
// inflation is bounded separately (max_decompressed_bytes), before parsing.
//
// Errors name the document, the limit, the flag that sets it and where the
// parse stopped: DEADLINE_EXCEEDED for time, RESOURCE_EXHAUSTED for memory.
//
// Thread-compatible: one budget per parse; the const members may be called
// from several threads.

#include <cstddef>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace govreport::parser {

struct ParseLimits {
  // Wall-clock time from the budget's creation; InfiniteDuration() for none.
  absl::Duration max_time = absl::Seconds(10);
  // Estimated bytes held at once; 0 for no limit.
  size_t max_memory_bytes = size_t{512} << 20;
  // The clock; null means absl::Now (tests inject one).
  std::function<absl::Time()> clock = nullptr;
};

class ParseBudget {
 public:
  ParseBudget(absl::string_view name, ParseLimits limits);

  // True once the deadline has passed (cheap enough for every loop turn).
  bool Expired() const;

  // DEADLINE_EXCEEDED once the deadline has passed, naming `stage` (and
  // `index` when non-zero: "page 12").
  absl::Status CheckTime(absl::string_view stage, size_t index = 0) const;

  // Adds `bytes` to the estimate; RESOURCE_EXHAUSTED (naming `what`) when
  // the total passes the limit. A refused charge is not kept.
  absl::Status Charge(size_t bytes, absl::string_view what);

  // Gives back `bytes` of an earlier charge whose memory was freed.
  void Release(size_t bytes) { charged_ -= bytes < charged_ ? bytes : charged_; }

  // What is held now, and the most held at once.
  size_t charged() const { return charged_; }
  size_t peak() const { return peak_; }
  const std::string& name() const { return name_; }

 private:
  absl::Time Now() const;

  std::string name_;
  ParseLimits limits_;
  absl::Time start_;
  absl::Time deadline_;
  size_t charged_ = 0;
  size_t peak_ = 0;
};

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_PARSE_BUDGET_H_
