#include "common/regions/tsv_table.h"

#include <fstream>
#include <memory>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace govreport::regions {

absl::StatusOr<TsvTable> TsvTable::Read(
    const std::string& path, const std::vector<std::string>& required) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot open the file"));
  }
  TsvTable table;
  table.path_ = path;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  table.content_ = std::make_unique<std::string>(std::move(buffer).str());

  absl::string_view text = *table.content_;
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  bool have_header = false;
  size_t width = 0;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> cells = absl::StrSplit(line, '\t');
    if (!have_header) {
      for (size_t i = 0; i < cells.size(); ++i) {
        table.columns_.emplace(std::string(cells[i]), static_cast<int>(i));
      }
      for (const std::string& name : required) {
        if (!table.columns_.contains(name)) {
          return absl::DataLossError(
              absl::StrCat(path, ":", line_no, ": the header lacks column '",
                           name, "' (has: ", absl::StrJoin(cells, ", "), ")"));
        }
      }
      width = cells.size();
      have_header = true;
      continue;
    }
    if (cells.size() != width) {
      return absl::DataLossError(
          absl::StrCat(path, ":", line_no, ": expected ", width,
                       " tab-separated cells, found ", cells.size()));
    }
    table.rows_.push_back(Row{line_no, std::move(cells)});
  }
  if (!have_header) {
    return absl::DataLossError(absl::StrCat(path, ": no header line"));
  }
  return table;
}

int TsvTable::Column(absl::string_view name) const {
  auto it = columns_.find(name);
  return it == columns_.end() ? -1 : it->second;
}

std::string TsvTable::Where(const Row& row) const {
  return absl::StrCat(path_, ":", row.line);
}

}  // namespace govreport::regions
