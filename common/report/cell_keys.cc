#include "common/report/cell_keys.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace govreport {

std::string T3Key(absl::string_view row, absl::string_view col) {
  return absl::StrCat("t3.", row, ".", col);
}

std::string T4Key(absl::string_view group, absl::string_view col) {
  return absl::StrCat("t4.", group, ".", col);
}

const std::vector<std::string>& V2021CellKeys() {
  static const std::vector<std::string>* const keys = [] {
    auto* k = new std::vector<std::string>();
    for (auto key : kT2Keys) k->emplace_back(key);
    for (auto row : kT3Rows) {
      for (auto col : kT3Columns) k->push_back(T3Key(row, col));
    }
    for (auto group : kT4Groups) {
      for (auto col : kT4Columns) k->push_back(T4Key(group, col));
    }
    return k;
  }();
  return *keys;
}

const std::vector<std::string>& CellKeysFor(v1::Template tmpl) {
  static const std::vector<std::string>* const v2019 = [] {
    auto* k = new std::vector<std::string>(V2021CellKeys());
    for (auto key : kT2V19Keys) k->emplace_back(key);
    return k;
  }();
  return tmpl == v1::TEMPLATE_V2019 ? *v2019 : V2021CellKeys();
}

bool IsAmountKey(absl::string_view key) {
  return key == "t2.fees.amount_wan" || key == "t2v19.procurement.amount_yuan";
}

bool IsSignedKey(absl::string_view key) {
  return absl::StartsWith(key, "t2v19.") && absl::EndsWith(key, ".delta");
}

int CellKeyIndex(absl::string_view key) {
  static const auto* const index = [] {
    auto* m = new absl::flat_hash_map<std::string, int>();
    const auto& all = CellKeysFor(v1::TEMPLATE_V2019);
    for (size_t i = 0; i < all.size(); ++i) (*m)[all[i]] = static_cast<int>(i);
    return m;
  }();
  auto it = index->find(key);
  return it == index->end() ? -1 : it->second;
}

}  // namespace govreport
