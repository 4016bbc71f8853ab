#ifndef GOVREPORT_VALIDATOR_SVC_NARRATIVE_NARRATIVE_TEXT_H_
#define GOVREPORT_VALIDATOR_SVC_NARRATIVE_NARRATIVE_TEXT_H_

// A report's prose prepared for figure extraction: decoded to code points,
// with whitespace removed (PDF extraction breaks phrases like "答 复" over
// lines) except a single space between two ASCII digits or letters, full-width
// digits folded to ASCII and half-width clause punctuation folded to its
// full-width form. Every character keeps the line and column it came from.
//
// Thread-compatible.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "govreport/v1/report.pb.h"

namespace govreport::validator::narrative {

class NarrativeText {
 public:
  // `utf8` may hold invalid sequences: they become U+FFFD.
  explicit NarrativeText(absl::string_view utf8);

  std::u32string_view text() const { return {text_.get(), size_}; }

  // The source span of normalized characters [begin, end): line and columns
  // of the original text (1-based; columns in code points).
  v1::SourceLocation LocationOf(size_t begin, size_t end) const;

  // The source line of normalized character `i` (1-based).
  uint32_t LineOf(size_t i) const { return i < size_ ? line_[i] : 0; }

  // UTF-8 of normalized characters [begin, end).
  std::string Utf8(size_t begin, size_t end) const;

 private:
  // Sized for the worst case and never zero-filled: this is built for every
  // report's whole text.
  std::unique_ptr<char32_t[]> text_;
  std::unique_ptr<uint32_t[]> line_;
  std::unique_ptr<uint32_t[]> column_;
  size_t size_ = 0;
};

// `s` with every invalid UTF-8 sequence replaced by U+FFFD: report strings
// quoted in messages must be valid UTF-8 for JSON and gRPC.
std::string ValidUtf8(absl::string_view s);

// Appends the UTF-8 encoding of `c`.
void AppendUtf8(char32_t c, std::string& out);

}  // namespace govreport::validator::narrative

#endif  // GOVREPORT_VALIDATOR_SVC_NARRATIVE_NARRATIVE_TEXT_H_
