#ifndef GOVREPORT_COMMON_REGIONS_RESOLVER_H_
#define GOVREPORT_COMMON_REGIONS_RESOLVER_H_

// Resolves the region of a report from what its text says.
//
// Evidence, strongest first:
//   1. division names in the agency and the title ("西工区西工街道办事处"),
//      including names of divisions since retired (a 2019 report of 吉利区
//      resolves to its successor 孟津区 410308) and the zone aliases of
//      data/gazetteer/aliases.tsv ("平潭综合实验区" -> 平潭县);
//   2. the division code of a web footer ("陕公网安备 61011502000007号");
//   3. superior bodies named in the body: a county-or-higher name followed by
//      人民政府 / 政府 / 委 / 党工委 / 管委会 / 人大 ... ("临潼区人民政府");
//   4. other county-or-higher names in the body, which only break ties
//      between candidates that stronger evidence already put forward.
// The region is chosen top-down: at each level the child with the most
// weighted evidence wins if it is the only one with that weight; a tie stops
// the descent, so an ambiguous name is left unresolved at its level (鼓楼区
// alone resolves to nothing; "南京市" anywhere in the text picks 320106).
// A township is only resolved from the agency/title and inside its county: a
// township named in the body (another agency's text copied in) never counts,
// and an agency/title township name leads to its county by itself only when
// the name is unique in the country (otherwise it only breaks ties between
// the counties the agency/title name: "鼓楼区鼓东街道" is in 福州). The result
// is never more specific than the most specific division the agency/title names
// (a city government's report naming its districts stays at the city); when the
// agency/title name none, body evidence resolves at most a county.
//
// Names are matched after folding full-width ASCII and Traditional
// characters ("臨潼區人民政府" is 临潼区); the body-suffix and footer words are
// matched in Simplified only.
// Where names overlap, every reading is weighed: "汾阳市西河街道" holds 汾阳市,
// 市西河街道 (贵阳) and 西河街道, and agreement picks 汾阳市 + 西河街道; a name
// inside a longer one weighs less and never names a place below the longer
// one's. Two-character names (沛县, 城区) weigh less, count only at a word
// boundary, and in the body only as a superior body. Township units whose
// names are words (街道, 城区, 林场) are never matched. Cost: one pass over the
// text with a bitmap test per character and short trie walks where a name may
// end; no per-call work proportional to the number of names.
//
// Thread-safe: Resolve is const. The Gazetteer must outlive the resolver.

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/regions/gazetteer.h"

namespace govreport::regions {

struct RegionClues {
  absl::string_view agency;  // The issuing agency as extracted, may be empty.
  absl::string_view title;   // The title line, may be empty.
  absl::string_view body;    // The whole decoded text.
  int year = 0;  // Reporting year (for names of retired codes), 0 if unknown.
};

struct RegionMatch {
  std::string code;               // Most specific code resolved; empty if none.
  std::vector<std::string> path;  // Province down to `code`; empty if none.
  // What decided it, e.g. "agency: 西工区; agency: 西工街道"; empty if none.
  std::string evidence;
};

class RegionResolver {
 public:
  // Builds the name index (about 0.1 s for the whole gazetteer).
  explicit RegionResolver(const Gazetteer& gazetteer);
  RegionResolver(const RegionResolver&) = delete;
  RegionResolver& operator=(const RegionResolver&) = delete;
  ~RegionResolver();

  RegionMatch Resolve(const RegionClues& clues) const;

 private:
  struct Index;
  const Gazetteer& gazetteer_;
  std::unique_ptr<Index> index_;
};

}  // namespace govreport::regions

#endif  // GOVREPORT_COMMON_REGIONS_RESOLVER_H_
