#ifndef GOVREPORT_PARSER_SVC_PARSER_H_
#define GOVREPORT_PARSER_SVC_PARSER_H_

// Turns the bytes of one document (text, HTML, DOCX, PDF; UTF-8, GB18030 or
// UTF-16) into a Report: metadata, every table cell with raw text and source
// location, the six sections.
//
//   Parser parser({.gazetteer = gazetteer.get()});
//   absl::StatusOr<v1::Report> report = parser.Parse("a.txt", bytes);
//
// Unreadable input (empty, binary, wrong encoding, scanned PDF, over the size
// limit) is an error whose message names the document, the place and the
// reason. A readable document with missing or unresolved parts is a Report
// whose `notes` say what is missing.
//
// ParseNote codes: AMBIGUOUS_DIGITS (a run of digits splits into the cells
// in several ways that satisfy the identities: the cells are AMBIGUOUS and
// null), ROW_SHAPE (a row with the wrong number of value cells, left out),
// UNPLACED_ROWS (value rows without labels that could not be placed),
// MISSING_CELLS (a table found with some cells absent: truncated or
// unrecognised rows), TABLE_MISSING (a standard table announced or expected
// but not found), TRUNCATED_INPUT (text past max_analysed_chars not read).
//
// Thread-safe: Parse is const and may be called concurrently.

#include <cstddef>
#include <functional>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "govreport/v1/report.pb.h"

namespace govreport::regions {
class Gazetteer;
class RegionResolver;
}  // namespace govreport::regions

namespace govreport::parser {

struct ParserOptions {
  // Documents larger than this are refused (RESOURCE_EXHAUSTED-style error).
  size_t max_document_bytes = 32u << 20;
  // Largest total a DOCX may decompress to.
  size_t max_decompressed_bytes = 256u << 20;
  // Resolves regions; when null, region_code stays empty.
  const regions::Gazetteer* gazetteer = nullptr;
  // Text beyond this many characters is not searched for tables and
  // metadata (a note says so); Report.text still holds all of it.
  size_t max_analysed_chars = 2u << 20;
  // Wall-clock time one Parse may take (DEADLINE_EXCEEDED past it);
  // InfiniteDuration() for none.
  absl::Duration max_parse_time = absl::Seconds(10);
  // Estimated memory one Parse may hold (RESOURCE_EXHAUSTED past it); 0 for
  // no limit.
  size_t max_parse_memory_bytes = size_t{512} << 20;
  // The clock the time budget reads; null means absl::Now (tests).
  std::function<absl::Time()> clock = nullptr;
};

struct DecodedDocument;
class ParseBudget;

class Parser {
 public:
  explicit Parser(ParserOptions options);
  ~Parser();
  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;

  absl::StatusOr<v1::Report> Parse(absl::string_view name,
                                   absl::string_view bytes) const;

  // The second half of Parse, for a document already decoded (tests and
  // decoders that build a DecodedDocument themselves). `bytes` are the
  // original bytes, hashed into Report.id.
  absl::StatusOr<v1::Report> ParseDecoded(absl::string_view name,
                                          absl::string_view bytes,
                                          const DecodedDocument& doc) const;

 private:
  absl::StatusOr<v1::Report> ParseWithin(absl::string_view name,
                                         absl::string_view bytes,
                                         const DecodedDocument& doc,
                                         ParseBudget& budget) const;

  ParserOptions options_;
  // Built once from options_.gazetteer; null without one.
  std::unique_ptr<regions::RegionResolver> resolver_;
};

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_PARSER_H_
