#ifndef GOVREPORT_COMMON_REGIONS_RESOLVER_H_
#define GOVREPORT_COMMON_REGIONS_RESOLVER_H_

// Resolves the region of a report from what its text says: division names in
// the agency and title, superior bodies named in the body ("临潼区人民政府"),
// the division code in footers ("陕公网安备 61011502000007号"), retired codes
// mapped through the code history. A township name is resolved only inside
// its county; a name that stays ambiguous at a level is left unresolved at
// that level rather than guessed.
//
// Thread-safe: Resolve is const.

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "common/regions/gazetteer.h"

namespace govreport::regions {

struct RegionClues {
  absl::string_view agency;  // The issuing agency as extracted.
  absl::string_view title;   // The title line, may be empty.
  absl::string_view body;    // The whole decoded text.
  int year = 0;             // Reporting year (for retired codes), 0 if unknown.
};

struct RegionMatch {
  std::string code;               // Most specific code resolved; empty if none.
  std::vector<std::string> path;  // Province down to `code`.
  std::string evidence;           // What decided it, e.g. "title: 西工区; agency: 西工街道".
};

class RegionResolver {
 public:
  explicit RegionResolver(const Gazetteer& gazetteer);
  ~RegionResolver();

  RegionMatch Resolve(const RegionClues& clues) const;

 private:
  struct Index;
  const Gazetteer& gazetteer_;
  std::unique_ptr<Index> index_;
};

}  // namespace govreport::regions

#endif  // GOVREPORT_COMMON_REGIONS_RESOLVER_H_
