#ifndef GOVREPORT_PARSER_SVC_DECODERS_ZIP_READER_H_
#define GOVREPORT_PARSER_SVC_DECODERS_ZIP_READER_H_

// Reads members of a ZIP archive held in memory (libzip), with a budget on
// how much may be inflated: a member whose declared size is over the
// remaining budget is refused before inflating, and inflation stops as soon
// as the actual output passes it (a zip bomb lies about its sizes). CRC
// errors and damaged archives are errors, never partial data.
//
// Not thread-safe: one reader per archive and thread. The archive bytes
// must outlive the reader.

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct zip;

namespace govreport::parser {

class ZipReader {
 public:
  // Opens `bytes`; `name` only labels error messages. `budget` is the most
  // bytes all reads together may inflate to.
  static absl::StatusOr<std::unique_ptr<ZipReader>> Open(
      absl::string_view name, absl::string_view bytes, size_t budget);
  ~ZipReader();

  bool Contains(absl::string_view member) const;

  // The member's uncompressed bytes. NOT_FOUND when absent,
  // RESOURCE_EXHAUSTED over the budget, DATA_LOSS when damaged.
  absl::StatusOr<std::string> Read(absl::string_view member);

  size_t budget_left() const { return budget_; }

 private:
  ZipReader(std::string name, struct zip* archive, size_t budget)
      : name_(std::move(name)), archive_(archive), budget_(budget) {}

  std::string name_;
  struct zip* archive_;
  size_t budget_;
};

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_ZIP_READER_H_
