#ifndef GOVREPORT_CLI_ANALYZE_REGION_TREE_H_
#define GOVREPORT_CLI_ANALYZE_REGION_TREE_H_

// The regions of an analysis in tree order, and fast lookup of the metric
// rows (all agency kinds) that the summary and report.html show.

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "govreport/v1/metrics.pb.h"

namespace govreport::cli {

// Metric rows with agency_kind "" by (region, year, metric).
class MetricIndex {
 public:
  explicit MetricIndex(const std::vector<v1::MetricValue>& metrics);

  // The row, or nullptr when the metric has no value there.
  const v1::MetricValue* Find(const std::string& region, int year,
                              const std::string& metric) const;
  // Years with any row, ascending.
  const std::set<int>& years() const { return years_; }
  // One row of each region (for its name and level).
  const std::map<std::string, const v1::MetricValue*>& regions() const {
    return regions_;
  }
  // "洛阳市"; "未能确定地区" for the unresolved bucket.
  std::string Name(const std::string& region) const;

 private:
  std::map<std::tuple<std::string, int, std::string>, const v1::MetricValue*>
      rows_;
  std::map<std::string, const v1::MetricValue*> regions_;
  std::set<int> years_;
};

struct RegionRow {
  std::string code;
  int depth = 0;  // 0 for a region whose parent is not in the analysis.
};

// Parents before children, siblings by code, "unresolved" last.
std::vector<RegionRow> RegionTreeOrder(
    const MetricIndex& index,
    const std::map<std::string, std::string>& parent_of);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_ANALYZE_REGION_TREE_H_
