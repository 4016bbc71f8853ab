#include "common/regions/resolver.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "common/regions/footer_code.h"
#include "common/regions/name_matcher.h"
#include "common/regions/utf8_scan.h"

namespace govreport::regions {
namespace {

// Annual reports exist from 2008 (the disclosure regulation took effect on
// 2008-05-01): names that ended before cannot be what a report calls itself.
constexpr int kFirstReportYear = 2008;

// Weights of the evidence (see resolver.h). A head name outweighs any
// combination of footer and superior bodies that a report is likely to hold
// for a different place; a footer outweighs one superior body.
constexpr int kHeadWeight = 8;
constexpr int kShortHeadWeight = 4;  // 沛县, 城区: often a word, not a name.
constexpr int kContainedPenalty = 2;  // For a name inside a longer one.
constexpr int kTownshipUpWeight = 3;
constexpr int kFooterWeight = 4;
constexpr int kSuperiorWeight = 2;
constexpr int kPlainWeight = 1;

// Body scan windows (see Resolve). The longest county-or-higher name is 72
// bytes; the overlap also covers the name just before a short one.
constexpr size_t kWindowBytes = 64 * 1024;
constexpr size_t kWindowOverlap = 512;

// What follows a name when the text speaks of that division's own bodies
// ("临潼区人民政府", "区委"); any of them as a prefix qualifies.
constexpr absl::string_view kBodySuffixes[] = {
    "人民政府", "人民代表大会", "政府", "党工委", "管委会", "党委",
    "纪委",     "委",           "人大", "政协",   "办事处"};

// Endings of township names that can stand for their county when unique;
// other township-level units (开发区, 林场, 管委会 ...) resolve only inside a
// county named elsewhere.
constexpr absl::string_view kTownshipEndings[] = {"街道", "镇", "乡", "苏木"};

// The first code point start at or after `pos`, or text.size().
size_t CodePointStart(absl::string_view text, size_t pos) {
  while (pos < text.size() &&
         (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
    ++pos;
  }
  return std::min(pos, text.size());
}

int LevelRank(v1::RegionLevel level) {
  return static_cast<int>(level);  // PROVINCE=1 .. TOWNSHIP=4.
}

int CodePointCount(absl::string_view s) {
  int n = 0;
  for (size_t pos = 0, len = 0; pos < s.size(); pos += len) {
    DecodeAt(s, pos, &len);
    ++n;
  }
  return n;
}

bool EndsWithAny(absl::string_view name,
                 absl::Span<const absl::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(), [&](absl::string_view e) {
    return absl::EndsWith(name, e);
  });
}

// Whether `text` at `pos`, after spaces, continues with a body suffix.
bool FollowedByBodySuffix(absl::string_view text, size_t pos) {
  size_t length = 0;
  while (pos < text.size() && IsInlineSpace(DecodeAt(text, pos, &length))) {
    pos += length;
  }
  absl::string_view rest = text.substr(pos);
  return std::any_of(
      std::begin(kBodySuffixes), std::end(kBodySuffixes),
      [&](absl::string_view s) { return absl::StartsWith(rest, s); });
}

enum class Source { kAgency, kTitle, kFooter, kSuperior, kPlain };

absl::string_view SourceName(Source source) {
  switch (source) {
    case Source::kAgency:
      return "agency";
    case Source::kTitle:
      return "title";
    case Source::kFooter:
      return "footer";
    case Source::kSuperior:
      return "body (superior body)";
    case Source::kPlain:
      return "body";
  }
  return "";
}

// A division a name may designate, and when.
struct Candidate {
  int32_t division;
  int16_t valid_from;  // 0: always valid (official names, aliases).
  int16_t valid_to;
  bool ValidIn(int year) const {
    return valid_to == 0 || year == 0 ||
           (year >= valid_from && year <= valid_to);
  }
};
// A name the matchers look for (names that fold alike are one), with the
// divisions it may designate.
struct IndexedName {
  std::string text;
  int code_points = 0;
  std::vector<Candidate> upper;     // Province, prefecture, county level.
  std::vector<Candidate> township;  // Township level.
  bool township_stands_alone = false;
};
struct DivisionPath {
  std::array<int32_t, 4> nodes;  // Division indices, province first.
  int8_t size = 0;
};

// Whether `division` is on `path` (an ancestor of its end, or the end).
bool OnPath(const DivisionPath& path, int32_t division) {
  return std::find(path.nodes.begin(), path.nodes.begin() + path.size,
                   division) != path.nodes.begin() + path.size;
}

struct Item {
  const IndexedName* name = nullptr;  // Null for a footer.
  Source source;
  std::string footer;  // The filing number of a footer.
  absl::InlinedVector<int32_t, 4> candidates;
  int weight = 0;
  bool leading = true;
  int min_level = 1;  // Levels of the options this item votes for.
  int max_level = 4;
  bool township_up = false;  // A township name voting above its level.
};

}  // namespace

struct RegionResolver::Index {
  std::vector<IndexedName> names;
  std::vector<DivisionPath> paths;      // By division index.
  std::vector<v1::RegionLevel> levels;  // By division index.
  std::unique_ptr<NameMatcher> head;    // All names.
  std::unique_ptr<NameMatcher> body;  // Names with county-or-higher divisions.
  std::vector<int32_t> body_names;    // Body matcher id -> names index.
};

namespace {

// Word boundary for short names: at the start, after a non-Han character, or
// right after another name ("徐州市沛县"). `matches` are those before `m` in
// begin order.
bool AtBoundary(absl::string_view text, const NameMatcher::Match& m,
                absl::Span<const NameMatcher::Match> before) {
  if (m.begin == 0) return true;
  for (const NameMatcher::Match& other : before) {
    if (other.end == m.begin && !other.contained) return true;
  }
  size_t length;
  return !IsHan(DecodeAt(text, PreviousStart(text, m.begin), &length));
}

}  // namespace

RegionResolver::RegionResolver(const Gazetteer& gazetteer)
    : gazetteer_(gazetteer), index_(std::make_unique<Index>()) {
  Index& index = *index_;
  const std::vector<Division>& divisions = gazetteer_.divisions();
  const auto index_of = [&](const Division* d) {
    return static_cast<int32_t>(d - divisions.data());
  };

  index.paths.resize(divisions.size());
  index.levels.resize(divisions.size());
  for (size_t i = 0; i < divisions.size(); ++i) {
    index.levels[i] = divisions[i].level;
    std::array<int32_t, 4> reversed{};
    int n = 0;
    for (const Division* d = &divisions[i]; d != nullptr && n < 4;
         d = d->parent_code.empty() ? nullptr
                                    : gazetteer_.Find(d->parent_code)) {
      reversed[n++] = index_of(d);
    }
    DivisionPath& path = index.paths[i];
    path.size = static_cast<int8_t>(n);
    for (int k = 0; k < n; ++k) path.nodes[k] = reversed[n - 1 - k];
  }

  absl::flat_hash_map<std::string, int32_t> by_text;
  for (const DivisionName& dn : gazetteer_.names()) {
    const bool former = dn.kind == DivisionName::Kind::kFormer;
    if (former && dn.valid_to < kFirstReportYear) continue;
    const Division* division = gazetteer_.Find(dn.code);
    if (division == nullptr) continue;
    const int code_points = CodePointCount(dn.name);
    const bool township = division->level == v1::REGION_LEVEL_TOWNSHIP;
    // "街道", "城区", "林场" as township names are words, not names.
    if (township && code_points <= 2 && !EndsWithAny(dn.name, {"镇", "乡"})) {
      continue;
    }
    // A township unit named as its own county (金门县 350527000) is the
    // county when a text names it.
    if (township && gazetteer_.Find(division->parent_code)->name == dn.name) {
      continue;
    }
    auto [it, inserted] = by_text.try_emplace(
        NameMatcher::Fold(dn.name), static_cast<int32_t>(index.names.size()));
    if (inserted) {
      index.names.push_back(IndexedName{dn.name, code_points, {}, {}, false});
    }
    IndexedName& name = index.names[it->second];
    std::vector<Candidate>& list = township ? name.township : name.upper;
    const int32_t d = index_of(division);
    auto same = std::find_if(list.begin(), list.end(), [&](const Candidate& c) {
      return c.division == d;
    });
    const Candidate candidate{d,
                              static_cast<int16_t>(former ? dn.valid_from : 0),
                              static_cast<int16_t>(former ? dn.valid_to : 0)};
    if (same == list.end()) {
      list.push_back(candidate);
    } else if (!former) {
      *same = candidate;  // An official name is valid in every year.
    }
  }

  std::vector<std::string> head_names;
  std::vector<std::string> body_names;
  for (size_t i = 0; i < index.names.size(); ++i) {
    IndexedName& name = index.names[i];
    name.township_stands_alone =
        name.upper.empty() && name.township.size() == 1 &&
        name.code_points >= 3 && EndsWithAny(name.text, kTownshipEndings);
    head_names.push_back(name.text);
    if (!name.upper.empty()) {
      body_names.push_back(name.text);
      index.body_names.push_back(static_cast<int32_t>(i));
    }
  }
  index.head = std::make_unique<NameMatcher>(head_names);
  index.body = std::make_unique<NameMatcher>(body_names);
}

RegionResolver::~RegionResolver() = default;

RegionMatch RegionResolver::Resolve(const RegionClues& clues) const {
  const Index& index = *index_;
  std::vector<Item> items;
  std::vector<NameMatcher::Match> matches;

  const auto valid = [&](const std::vector<Candidate>& list) {
    absl::InlinedVector<int32_t, 4> out;
    for (const Candidate& c : list) {
      if (c.ValidIn(clues.year)) out.push_back(c.division);
    }
    return out;
  };

  // 1. Agency and title.
  int head_limit = 0;  // Deepest level the agency/title name.
  // Names already read, as (id, contained): a name both inside a longer one
  // and standing alone is read both ways.
  absl::InlinedVector<std::pair<int32_t, bool>, 8> head_seen;
  const auto scan_head = [&](absl::string_view text, Source source) {
    matches.clear();
    index.head->FindAll(text, &matches);
    for (size_t k = 0; k < matches.size(); ++k) {
      const NameMatcher::Match& m = matches[k];
      const IndexedName& name = index.names[m.id];
      if (name.code_points <= 2 &&
          !AtBoundary(text, m, absl::MakeConstSpan(matches.data(), k))) {
        continue;
      }
      const std::pair<int32_t, bool> key{m.id, m.contained};
      if (std::find(head_seen.begin(), head_seen.end(), key) !=
          head_seen.end()) {
        continue;
      }
      head_seen.push_back(key);
      // A name inside a longer one yields to it where both fit.
      const int penalty = m.contained ? kContainedPenalty : 0;
      const int weight =
          (name.code_points <= 2 ? kShortHeadWeight : kHeadWeight) - penalty;
      Item upper{&name, source, "", valid(name.upper), weight};
      Item township{&name, source, "", valid(name.township),
                    kHeadWeight - penalty};
      if (m.contained) {
        // Text inside a longer name names no place below that name's own
        // ("高新技术产业开发区" inside "河北衡水高新技术产业开发区").
        for (size_t o = 0; o < k; ++o) {
          const NameMatcher::Match& outer = matches[o];
          if (outer.contained || outer.end < m.end) continue;
          const IndexedName& outer_name = index.names[outer.id];
          for (const auto* list : {&outer_name.upper, &outer_name.township}) {
            for (const Candidate& u : *list) {
              for (auto* own : {&upper.candidates, &township.candidates}) {
                own->erase(std::remove_if(own->begin(), own->end(),
                                          [&](int32_t c) {
                                            return OnPath(index.paths[c],
                                                          u.division);
                                          }),
                           own->end());
              }
            }
          }
        }
      }
      for (const auto* list : {&upper.candidates, &township.candidates}) {
        for (int32_t d : *list) {
          head_limit = std::max(head_limit, LevelRank(index.levels[d]));
        }
      }
      if (!upper.candidates.empty()) items.push_back(std::move(upper));
      if (!township.candidates.empty()) {
        // Above its own level a township name breaks ties between counties
        // the head names ("鼓楼区鼓东街道" is the 鼓楼区 of 福州); it leads
        // there only when unique in the country.
        Item up = township;
        up.weight = kTownshipUpWeight;
        up.leading = name.township_stands_alone && !m.contained;
        up.max_level = LevelRank(v1::REGION_LEVEL_COUNTY);
        up.township_up = true;
        items.push_back(std::move(up));
        township.min_level = LevelRank(v1::REGION_LEVEL_TOWNSHIP);
        items.push_back(std::move(township));
      }
    }
  };
  scan_head(clues.agency, Source::kAgency);
  scan_head(clues.title, Source::kTitle);
  // A township name votes above its level only for its places that agree
  // with the higher divisions the head names: in "鼓楼区解放路街道" the
  // 解放路街道 of 安阳 must not pull the 鼓楼区 of 开封 ahead.
  absl::InlinedVector<int32_t, 8> head_upper;
  for (const Item& item : items) {
    if (item.min_level < LevelRank(v1::REGION_LEVEL_TOWNSHIP) &&
        !item.township_up) {
      head_upper.insert(head_upper.end(), item.candidates.begin(),
                        item.candidates.end());
    }
  }
  if (!head_upper.empty()) {
    for (Item& item : items) {
      if (!item.township_up) continue;
      auto& c = item.candidates;
      c.erase(std::remove_if(c.begin(), c.end(),
                             [&](int32_t t) {
                               return std::none_of(
                                   head_upper.begin(), head_upper.end(),
                                   [&](int32_t u) {
                                     return OnPath(index.paths[t], u);
                                   });
                             }),
              c.end());
    }
  }

  // 2. Footer codes.
  for (const FooterCode& code : FindFooterCodes(clues.body)) {
    const Division* d = gazetteer_.Find(code.division);
    if (d == nullptr) continue;
    Item item{nullptr, Source::kFooter, code.filing, {}, kFooterWeight};
    item.candidates.push_back(
        static_cast<int32_t>(d - gazetteer_.divisions().data()));
    items.push_back(std::move(item));
  }

  // 3-4. County-or-higher names in the body; one item per name, as a
  // superior body if it ever appears as one. The body is scanned in windows
  // so that a huge text costs bounded memory; each window reaches
  // kWindowOverlap bytes beyond its share on both sides, more than any name,
  // so matches and their containment come out as in one pass.
  absl::flat_hash_map<int32_t, size_t> body_item;  // Name -> item.
  const absl::string_view body = clues.body;
  for (size_t start = 0; start < body.size();) {
    const size_t stop = CodePointStart(body, start + kWindowBytes);
    const size_t from = start > kWindowOverlap
                            ? CodePointStart(body, start - kWindowOverlap)
                            : 0;
    const size_t to = CodePointStart(body, stop + kWindowOverlap);
    const absl::string_view window = body.substr(from, to - from);
    matches.clear();
    index.body->FindAll(window, &matches);
    for (size_t k = 0; k < matches.size(); ++k) {
      const NameMatcher::Match& m = matches[k];
      if (m.begin + from < start || m.begin + from >= stop) continue;
      if (m.contained) continue;  // The body is too noisy for second readings.
      const int32_t id = index.body_names[m.id];
      const IndexedName& name = index.names[id];
      const bool superior = FollowedByBodySuffix(body, from + m.end);
      if (name.code_points <= 2 &&
          !(superior &&
            AtBoundary(window, m, absl::MakeConstSpan(matches.data(), k)))) {
        continue;
      }
      auto [it, inserted] = body_item.try_emplace(id, items.size());
      if (inserted) {
        Item item{&name, superior ? Source::kSuperior : Source::kPlain, "",
                  valid(name.upper), superior ? kSuperiorWeight : kPlainWeight};
        item.leading = superior;
        if (item.candidates.empty()) {
          body_item.erase(it);
          continue;
        }
        items.push_back(std::move(item));
      } else if (superior && items[it->second].source == Source::kPlain) {
        Item& item = items[it->second];
        item.source = Source::kSuperior;
        item.weight = kSuperiorWeight;
        item.leading = true;
      }
    }
    start = stop;
  }

  // Descend from the top. Without any name in the agency/title, body
  // evidence may resolve a county at most.
  const int limit =
      head_limit > 0 ? head_limit : LevelRank(v1::REGION_LEVEL_COUNTY);
  std::vector<int32_t> chain;
  struct Option {
    int32_t division;
    int total = 0;
    int leading = 0;
  };
  std::vector<Option> options;
  absl::InlinedVector<int32_t, 8> voted;
  while (static_cast<int>(chain.size()) < 4) {
    const size_t depth = chain.size();
    options.clear();
    for (const Item& item : items) {
      voted.clear();
      for (int32_t c : item.candidates) {
        const DivisionPath& path = index.paths[c];
        if (path.size <= static_cast<int>(depth)) continue;
        if (depth > 0 && path.nodes[depth - 1] != chain.back()) continue;
        const int32_t option = path.nodes[depth];
        const int level = LevelRank(index.levels[option]);
        if (level < item.min_level || level > item.max_level || level > limit) {
          continue;
        }
        if (std::find(voted.begin(), voted.end(), option) != voted.end()) {
          continue;
        }
        voted.push_back(option);
        auto o =
            std::find_if(options.begin(), options.end(),
                         [&](const Option& x) { return x.division == option; });
        if (o == options.end()) {
          options.push_back(Option{option});
          o = options.end() - 1;
        }
        o->total += item.weight;
        if (item.leading) o->leading += item.weight;
      }
    }
    const Option* best = nullptr;
    bool tie = false;
    for (const Option& o : options) {
      if (o.leading == 0) continue;
      if (best == nullptr || o.total > best->total) {
        best = &o;
        tie = false;
      } else if (o.total == best->total) {
        tie = true;
      }
    }
    if (best == nullptr || tie) break;
    chain.push_back(best->division);
  }

  RegionMatch result;
  if (chain.empty()) return result;
  const std::vector<Division>& divisions = gazetteer_.divisions();
  for (int32_t d : chain) result.path.push_back(divisions[d].code);
  result.code = result.path.back();

  // Evidence: the items with a candidate on the chosen chain.
  std::vector<std::string> evidence;
  for (const Item& item : items) {
    const bool on_chain = std::any_of(
        item.candidates.begin(), item.candidates.end(), [&](int32_t c) {
          const DivisionPath& path = index.paths[c];
          const size_t common =
              std::min(chain.size(), static_cast<size_t>(path.size));
          return std::equal(chain.begin(), chain.begin() + common,
                            path.nodes.begin());
        });
    if (!on_chain) continue;
    std::string line = absl::StrCat(SourceName(item.source), ": ",
                                    item.name ? item.name->text : item.footer);
    if (std::find(evidence.begin(), evidence.end(), line) == evidence.end()) {
      evidence.push_back(std::move(line));
    }
  }
  result.evidence = absl::StrJoin(evidence, "; ");
  return result;
}

}  // namespace govreport::regions
