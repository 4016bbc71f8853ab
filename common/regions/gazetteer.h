#ifndef GOVREPORT_COMMON_REGIONS_GAZETTEER_H_
#define GOVREPORT_COMMON_REGIONS_GAZETTEER_H_

// The project's gazetteer: official divisions at four levels (codes of 2, 4,
// 6 and 9 digits, as the nbs2023 data codes them) and the county- and
// prefecture-level code history 1981-2024 (retired codes and their
// successors). Loaded once from the compact files under data/gazetteer/ that
// scripts/derive_gazetteer.py writes from shared/data/gazetteer.
//
// Codes accepted wherever a code is taken (Find, Children, PathOf):
//   - a current gazetteer code: "31", "3208", "410303", "410303003";
//   - the 6-digit GB/T 2260 form of a province or prefecture: "310000" -> 31,
//     "320800" -> 3208;
//   - a placeholder prefecture (市辖区, 县, 省直辖县级行政区划: "3101",
//     "310100", "4190") -> its province; a synthetic county slot of a
//     prefecture without counties ("441900", "620201") -> the prefecture;
//   - a retired or renamed county/prefecture code -> the division it became
//     (see Successor).
// Placeholder prefectures never appear as divisions or in paths.
//
// Thread-safe after loading: all methods are const. Pointers and references
// returned stay valid as long as the Gazetteer.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "govreport/v1/metrics.pb.h"

namespace govreport::regions {

struct Division {
  std::string code;         // 2, 4, 6 or 9 digits.
  std::string name;         // Official name, NFKC-normalised UTF-8.
  v1::RegionLevel level;    // PROVINCE..TOWNSHIP, from the code's length.
  std::string parent_code;  // Empty for provinces. Counties under a
                            // placeholder prefecture hang under the province;
                            // townships of a prefecture without counties
                            // (东莞, 中山, 儋州, 嘉峪关) under the prefecture.
};

// A name by which a text may refer to a division.
struct DivisionName {
  enum class Kind {
    kOfficial,  // The division's current official name.
    kFormer,    // The name of a retired or renamed code; `code` is what it
                // became (the most specific division covering all its
                // successors).
    kAlias,     // An entry of aliases.tsv: a zone that administers `code`.
  };
  std::string name;  // NFKC-normalised UTF-8.
  std::string code;  // A current gazetteer code.
  Kind kind = Kind::kOfficial;
  int valid_from = 0;  // kFormer: years the name was in use (the last one is
  int valid_to = 0;    // the year it ended); 0 for the other kinds.
  std::string source;  // kFormer: the retired code; kAlias: the source cited.
};

class Gazetteer {
 public:
  // Loads divisions.tsv, code_aliases.tsv, history.tsv and aliases.tsv from
  // `directory` (data/gazetteer). Errors name the file, the line and the
  // reason.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Load(
      const std::string& directory);

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;
  ~Gazetteer();

  // The division a code designates (see the accepted forms above); nullptr
  // when it designates none.
  const Division* Find(absl::string_view code) const;

  // Current divisions whose official name is exactly `name` after NFKC
  // normalisation and trimming of white space, any level, in code order.
  std::vector<const Division*> FindByName(absl::string_view name) const;

  // Children of `code` in code order; the provinces for "". Empty for a code
  // Find does not know.
  std::vector<const Division*> Children(absl::string_view code) const;

  // Codes from province down to the division Find(code) returns, inclusive:
  // ["41","4103","410303","410303003"], ["31"], ["11","110101"]. Empty when
  // Find knows no division.
  std::vector<std::string> PathOf(absl::string_view code) const;

  // The current code a retired or renamed county- or prefecture-level code
  // (6 digits, GB/T 2260) became: "410306" -> "410308". When the code was
  // split among several divisions, the most specific division covering all
  // of them ("330104" -> "3301"). nullopt for a code that is current, unknown,
  // or whose successors lead nowhere.
  std::optional<std::string> Successor(absl::string_view code) const;

  // Every current division, in code order.
  const std::vector<Division>& divisions() const;

  // Every name the resolver may look for: official names of all divisions,
  // former names of retired/renamed codes that have a successor, aliases.
  const std::vector<DivisionName>& names() const;

  // Number of current divisions.
  size_t size() const;

 private:
  struct Impl;
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace govreport::regions

#endif  // GOVREPORT_COMMON_REGIONS_GAZETTEER_H_
