#ifndef GOVREPORT_AGGREGATOR_SVC_ROLLUP_DELTA_H_
#define GOVREPORT_AGGREGATOR_SVC_ROLLUP_DELTA_H_

// The rollup changes of one write transaction, merged per row: a batch of
// reports from one county touches a handful of rows once each, and rows are
// written in key order so that concurrent writers (PostgreSQL replicas) lock
// them in the same order.

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/types/span.h"
#include "aggregator-svc/store/store.h"
#include "govreport/v1/finding.pb.h"

namespace govreport::aggregator {

class RollupDelta {
 public:
  // Adds (sign +1) or subtracts (-1) a counted report's contribution and its
  // findings at every level of its region path.
  void Apply(const ReportHeader& header, absl::Span<const v1::Finding> findings,
             int sign);
  void Merge(const RollupDelta& other);

  std::vector<RollupChange> RollupChanges() const;
  std::vector<RuleChange> RuleChanges() const;
  bool empty() const { return rollups_.empty() && rules_.empty(); }

 private:
  using RollupKey = std::tuple<std::string, int, std::string>;
  using RuleKey = std::tuple<std::string, int, std::string, std::string, int>;
  std::map<RollupKey, RollupChange> rollups_;
  std::map<RuleKey, RuleChange> rules_;
};

// The level of a path code by its length ("unresolved" for the bucket).
v1::RegionLevel LevelOfCode(absl::string_view code);

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_ROLLUP_DELTA_H_
