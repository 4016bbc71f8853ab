#include "cli/analyze/region_tree.h"

#include <algorithm>
#include <functional>

namespace govreport::cli {

MetricIndex::MetricIndex(const std::vector<v1::MetricValue>& metrics) {
  for (const auto& m : metrics) {
    if (!m.agency_kind().empty()) continue;
    rows_[{m.region_code(), m.year(), m.metric()}] = &m;
    regions_.emplace(m.region_code(), &m);
    years_.insert(m.year());
  }
}

const v1::MetricValue* MetricIndex::Find(const std::string& region, int year,
                                         const std::string& metric) const {
  auto it = rows_.find({region, year, metric});
  return it == rows_.end() ? nullptr : it->second;
}

std::string MetricIndex::Name(const std::string& region) const {
  if (region == "unresolved") return "未能确定地区";
  auto it = regions_.find(region);
  return it == regions_.end() || it->second->region_name().empty()
             ? region
             : it->second->region_name();
}

std::vector<RegionRow> RegionTreeOrder(
    const MetricIndex& index,
    const std::map<std::string, std::string>& parent_of) {
  std::map<std::string, std::vector<std::string>> children;
  std::vector<std::string> roots;
  for (const auto& [code, row] : index.regions()) {
    auto it = parent_of.find(code);
    const std::string parent = it == parent_of.end() ? "" : it->second;
    if (parent.empty() || !index.regions().contains(parent)) {
      roots.push_back(code);
    } else {
      children[parent].push_back(code);
    }
  }
  std::sort(roots.begin(), roots.end(),
            [](const std::string& a, const std::string& b) {
              const bool ua = a == "unresolved", ub = b == "unresolved";
              return ua != ub ? ub : a < b;
            });
  std::vector<RegionRow> order;
  std::function<void(const std::string&, int)> visit =
      [&](const std::string& code, int depth) {
        order.push_back({code, depth});
        for (const auto& child : children[code]) visit(child, depth + 1);
      };
  for (const auto& root : roots) visit(root, 0);
  return order;
}

}  // namespace govreport::cli
