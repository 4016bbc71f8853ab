#ifndef GOVREPORT_COMMON_REGIONS_TSV_TABLE_H_
#define GOVREPORT_COMMON_REGIONS_TSV_TABLE_H_

// Reads the tab-separated files of data/gazetteer/: UTF-8 (a leading BOM is
// skipped), lines starting with '#' and blank lines ignored, the first other
// line is the header. Columns are looked up by header name, so their order in
// the file does not matter.
//
// Thread-compatible: a TsvTable is immutable after Read.

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace govreport::regions {

class TsvTable {
 public:
  struct Row {
    int line = 0;  // 1-based line number in the file, for messages.
    std::vector<absl::string_view> cells;
  };

  // Reads `path`; every row must have exactly as many cells as the header,
  // and the header must name every column of `required`.
  static absl::StatusOr<TsvTable> Read(
      const std::string& path, const std::vector<std::string>& required);

  // Index of a column named in `required`.
  int Column(absl::string_view name) const;
  const std::vector<Row>& rows() const { return rows_; }
  const std::string& path() const { return path_; }

  // "path:line: reason", for errors about one row.
  std::string Where(const Row& row) const;

 private:
  std::string path_;
  // Owns the bytes the rows' cells point into; on the heap so that moving
  // the table keeps them in place.
  std::unique_ptr<std::string> content_;
  absl::flat_hash_map<std::string, int> columns_;
  std::vector<Row> rows_;
};

}  // namespace govreport::regions

#endif  // GOVREPORT_COMMON_REGIONS_TSV_TABLE_H_
