#ifndef GOVREPORT_COMMON_REGIONS_GAZETTEER_H_
#define GOVREPORT_COMMON_REGIONS_GAZETTEER_H_

// The project's gazetteer: official divisions at four levels (codes of 2, 4,
// 6 and 9 digits, as the nbs2023 data codes them) and the county-level code
// history 1981-2024 (retired codes and their successors). Loaded once from
// the compact files under data/gazetteer/ that scripts/derive_gazetteer.py
// writes from shared/data/gazetteer.
//
// Thread-safe after loading: all methods are const.

#include <memory>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"
#include "govreport/v1/metrics.pb.h"

namespace govreport::regions {

struct Division {
  std::string code;         // 2, 4, 6 or 9 digits.
  std::string name;         // Official name, NFKC-normalised UTF-8.
  v1::RegionLevel level;    // PROVINCE..TOWNSHIP.
  std::string parent_code;  // Empty for provinces. Placeholder prefectures
                            // (市辖区, 县, 省直辖县级行政区划) are skipped:
                            // their counties' parent is the province.
};

class Gazetteer {
 public:
  // Loads the files of data/gazetteer/ (the directory path). Errors name the
  // file and line.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Load(const std::string& directory);

  // The division with this code. Also accepts the 6-digit GB/T 2260 form of a
  // province or prefecture ("310000", "320800") and maps retired county codes
  // to their current successor.
  const Division* Find(absl::string_view code) const;

  // Divisions whose name is exactly `name` (after normalisation), any level.
  std::vector<const Division*> FindByName(absl::string_view name) const;

  // Children of `code` in code order; the provinces for "".
  std::vector<const Division*> Children(absl::string_view code) const;

  // Codes from province down to `code` inclusive; empty when unknown.
  std::vector<std::string> PathOf(absl::string_view code) const;

  // The current code that a retired county-level code (6 digits) became, if
  // it was retired; nullopt for a code that is current or unknown.
  std::optional<std::string> Successor(absl::string_view code) const;

  size_t size() const;

  ~Gazetteer();

 private:
  struct Impl;
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace govreport::regions

#endif  // GOVREPORT_COMMON_REGIONS_GAZETTEER_H_
