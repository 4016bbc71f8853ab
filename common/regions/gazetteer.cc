#include "common/regions/gazetteer.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/regions/tsv_table.h"
#include "common/status_macros.h"
#include "unicode/normalizer2.h"
#include "unicode/unistr.h"

namespace govreport::regions {
namespace {

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

v1::RegionLevel LevelOfCode(absl::string_view code) {
  switch (code.size()) {
    case 2:
      return v1::REGION_LEVEL_PROVINCE;
    case 4:
      return v1::REGION_LEVEL_PREFECTURE;
    case 6:
      return v1::REGION_LEVEL_COUNTY;
    case 9:
      return v1::REGION_LEVEL_TOWNSHIP;
    default:
      return v1::REGION_LEVEL_UNSPECIFIED;
  }
}

// NFKC and trimmed, as scripts/derive_gazetteer.py normalises names.
std::string NormalizeName(absl::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  if (U_FAILURE(status)) {
    out = std::string(name);
  } else {
    icu::UnicodeString normalized =
        nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                            name.data(), static_cast<int32_t>(name.size()))),
                        status);
    if (U_FAILURE(status)) {
      out = std::string(name);
    } else {
      normalized.toUTF8String(out);
    }
  }
  return std::string(absl::StripAsciiWhitespace(out));
}

absl::StatusOr<int> ParseYear(const TsvTable& table, const TsvTable::Row& row,
                              int column) {
  int year = 0;
  if (!absl::SimpleAtoi(row.cells[column], &year) || year < 1900 ||
      year > 2100) {
    return absl::DataLossError(absl::StrCat(
        table.Where(row), ": year '", row.cells[column], "' is not a year"));
  }
  return year;
}

}  // namespace

struct Gazetteer::Impl {
  std::vector<Division> divisions;  // Code order.
  absl::flat_hash_map<std::string, int> by_code;
  absl::flat_hash_map<std::string, std::string> code_aliases;  // -> target.
  absl::flat_hash_map<std::string, std::string> successors;  // retired -> now.
  std::vector<std::vector<int>> children;  // By division index, code order.
  std::vector<int> provinces;
  absl::flat_hash_map<std::string, std::vector<int>> by_name;
  std::vector<DivisionName> names;

  // Index of the division `code` designates, or -1. `hops` bounds chains of
  // aliases and successors (the data has none longer than two).
  int Lookup(absl::string_view code, int hops = 0) const {
    if (hops > 4 || !AllDigits(code)) return -1;
    if (auto it = by_code.find(code); it != by_code.end()) return it->second;
    if (auto it = code_aliases.find(code); it != code_aliases.end()) {
      return Lookup(it->second, hops + 1);
    }
    if (code.size() == 6) {
      if (absl::EndsWith(code, "0000")) {
        if (int i = Lookup(code.substr(0, 2), hops + 1); i >= 0) return i;
      } else if (absl::EndsWith(code, "00")) {
        if (int i = Lookup(code.substr(0, 4), hops + 1); i >= 0) return i;
      }
    }
    if (auto it = successors.find(code); it != successors.end()) {
      return Lookup(it->second, hops + 1);
    }
    return -1;
  }

  absl::Status LoadDivisions(const std::string& path) {
    ASSIGN_OR_RETURN(TsvTable table,
                     TsvTable::Read(path, {"code", "name", "parent"}));
    const int code_col = table.Column("code");
    const int name_col = table.Column("name");
    const int parent_col = table.Column("parent");
    divisions.reserve(table.rows().size());
    for (const TsvTable::Row& row : table.rows()) {
      absl::string_view code = row.cells[code_col];
      absl::string_view parent = row.cells[parent_col];
      const v1::RegionLevel level = LevelOfCode(code);
      if (!AllDigits(code) || level == v1::REGION_LEVEL_UNSPECIFIED) {
        return absl::DataLossError(
            absl::StrCat(table.Where(row), ": code '", code,
                         "' is not 2, 4, 6 or 9 digits"));
      }
      if (level == v1::REGION_LEVEL_PROVINCE
              ? !parent.empty()
              : (parent.size() >= code.size() ||
                 !absl::StartsWith(code, parent) || parent.empty())) {
        return absl::DataLossError(absl::StrCat(
            table.Where(row), ": parent '", parent, "' cannot hold ", code));
      }
      if (row.cells[name_col].empty()) {
        return absl::DataLossError(
            absl::StrCat(table.Where(row), ": empty name for ", code));
      }
      if (!by_code.emplace(std::string(code), divisions.size()).second) {
        return absl::DataLossError(
            absl::StrCat(table.Where(row), ": duplicate code ", code));
      }
      divisions.push_back(Division{std::string(code),
                                   std::string(row.cells[name_col]), level,
                                   std::string(parent)});
    }
    std::sort(
        divisions.begin(), divisions.end(),
        [](const Division& a, const Division& b) { return a.code < b.code; });
    children.assign(divisions.size(), {});
    for (size_t i = 0; i < divisions.size(); ++i) {
      by_code[divisions[i].code] = static_cast<int>(i);
    }
    for (size_t i = 0; i < divisions.size(); ++i) {
      const Division& d = divisions[i];
      if (d.parent_code.empty()) {
        provinces.push_back(static_cast<int>(i));
        continue;
      }
      auto parent = by_code.find(d.parent_code);
      if (parent == by_code.end()) {
        return absl::DataLossError(absl::StrCat(path, ": division ", d.code,
                                                " names unknown parent ",
                                                d.parent_code));
      }
      children[parent->second].push_back(static_cast<int>(i));
    }
    return absl::OkStatus();
  }

  absl::Status LoadCodeAliases(const std::string& path) {
    ASSIGN_OR_RETURN(TsvTable table, TsvTable::Read(path, {"code", "target"}));
    const int code_col = table.Column("code");
    const int target_col = table.Column("target");
    for (const TsvTable::Row& row : table.rows()) {
      absl::string_view code = row.cells[code_col];
      absl::string_view target = row.cells[target_col];
      if (!AllDigits(code) || by_code.contains(code)) {
        return absl::DataLossError(absl::StrCat(
            table.Where(row), ": '", code, "' is not a free numeric code"));
      }
      if (!by_code.contains(target)) {
        return absl::DataLossError(absl::StrCat(table.Where(row), ": target ",
                                                target, " is not a division"));
      }
      code_aliases.emplace(std::string(code), std::string(target));
    }
    return absl::OkStatus();
  }

  absl::Status LoadHistory(const std::string& path) {
    ASSIGN_OR_RETURN(TsvTable table,
                     TsvTable::Read(path, {"code", "name", "valid_from",
                                           "valid_to", "current"}));
    const int code_col = table.Column("code");
    const int name_col = table.Column("name");
    const int from_col = table.Column("valid_from");
    const int to_col = table.Column("valid_to");
    const int current_col = table.Column("current");
    absl::flat_hash_map<std::string, int> successor_year;
    for (const TsvTable::Row& row : table.rows()) {
      absl::string_view code = row.cells[code_col];
      absl::string_view current = row.cells[current_col];
      if (code.size() != 6 || !AllDigits(code)) {
        return absl::DataLossError(absl::StrCat(table.Where(row), ": code '",
                                                code, "' is not 6 digits"));
      }
      ASSIGN_OR_RETURN(int from, ParseYear(table, row, from_col));
      ASSIGN_OR_RETURN(int to, ParseYear(table, row, to_col));
      if (current.empty()) continue;  // Its successors lead nowhere.
      auto now = by_code.find(current);
      if (now == by_code.end()) {
        return absl::DataLossError(absl::StrCat(
            table.Where(row), ": successor ", current, " is not a division"));
      }
      // A code can end more than once (renamed, later retired): the latest
      // end decides what it is today. Codes in use today keep their meaning.
      if (!by_code.contains(code) && !code_aliases.contains(code)) {
        auto [it, inserted] = successor_year.emplace(std::string(code), to);
        if (inserted || to >= it->second) {
          it->second = to;
          successors[std::string(code)] = std::string(current);
        }
      }
      if (divisions[now->second].name == row.cells[name_col]) continue;
      names.push_back(DivisionName{
          std::string(row.cells[name_col]), std::string(current),
          DivisionName::Kind::kFormer, from, to, std::string(code)});
    }
    return absl::OkStatus();
  }

  absl::Status LoadAliases(const std::string& path) {
    ASSIGN_OR_RETURN(TsvTable table,
                     TsvTable::Read(path, {"alias", "code", "source"}));
    const int alias_col = table.Column("alias");
    const int code_col = table.Column("code");
    const int source_col = table.Column("source");
    for (const TsvTable::Row& row : table.rows()) {
      absl::string_view code = row.cells[code_col];
      if (!by_code.contains(code)) {
        return absl::DataLossError(absl::StrCat(
            table.Where(row), ": code ", code, " is not a current division"));
      }
      if (row.cells[alias_col].empty() || row.cells[source_col].empty()) {
        return absl::DataLossError(absl::StrCat(
            table.Where(row), ": an alias needs a name and a source"));
      }
      names.push_back(DivisionName{NormalizeName(row.cells[alias_col]),
                                   std::string(code),
                                   DivisionName::Kind::kAlias, 0, 0,
                                   std::string(row.cells[source_col])});
    }
    return absl::OkStatus();
  }
};

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(
    const std::string& directory) {
  auto impl = std::make_unique<Impl>();
  RETURN_IF_ERROR(impl->LoadDivisions(directory + "/divisions.tsv"));
  RETURN_IF_ERROR(impl->LoadCodeAliases(directory + "/code_aliases.tsv"));
  for (const Division& d : impl->divisions) {
    impl->names.push_back(
        DivisionName{d.name, d.code, DivisionName::Kind::kOfficial, 0, 0, ""});
  }
  RETURN_IF_ERROR(impl->LoadHistory(directory + "/history.tsv"));
  RETURN_IF_ERROR(impl->LoadAliases(directory + "/aliases.tsv"));
  for (size_t i = 0; i < impl->divisions.size(); ++i) {
    impl->by_name[impl->divisions[i].name].push_back(static_cast<int>(i));
  }
  return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(impl)));
}

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::~Gazetteer() = default;

const Division* Gazetteer::Find(absl::string_view code) const {
  const int i = impl_->Lookup(code);
  return i < 0 ? nullptr : &impl_->divisions[i];
}

std::vector<const Division*> Gazetteer::FindByName(
    absl::string_view name) const {
  std::vector<const Division*> out;
  auto it = impl_->by_name.find(NormalizeName(name));
  if (it == impl_->by_name.end()) return out;
  for (int i : it->second) out.push_back(&impl_->divisions[i]);
  return out;
}

std::vector<const Division*> Gazetteer::Children(absl::string_view code) const {
  std::vector<const Division*> out;
  if (code.empty()) {
    for (int i : impl_->provinces) out.push_back(&impl_->divisions[i]);
    return out;
  }
  const int i = impl_->Lookup(code);
  if (i < 0) return out;
  for (int child : impl_->children[i]) out.push_back(&impl_->divisions[child]);
  return out;
}

std::vector<std::string> Gazetteer::PathOf(absl::string_view code) const {
  std::vector<std::string> path;
  for (int i = impl_->Lookup(code); i >= 0;) {
    const Division& d = impl_->divisions[i];
    path.push_back(d.code);
    if (d.parent_code.empty()) break;
    i = impl_->by_code.at(d.parent_code);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::optional<std::string> Gazetteer::Successor(absl::string_view code) const {
  if (impl_->by_code.contains(code)) return std::nullopt;
  auto it = impl_->successors.find(code);
  if (it == impl_->successors.end()) return std::nullopt;
  return it->second;
}

const std::vector<Division>& Gazetteer::divisions() const {
  return impl_->divisions;
}

const std::vector<DivisionName>& Gazetteer::names() const {
  return impl_->names;
}

size_t Gazetteer::size() const { return impl_->divisions.size(); }

}  // namespace govreport::regions
