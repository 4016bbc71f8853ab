#ifndef GOVREPORT_AGGREGATOR_SVC_METRICS_METRIC_REGISTRY_H_
#define GOVREPORT_AGGREGATOR_SVC_METRICS_METRIC_REGISTRY_H_

// Every metric id of CONTRACT.md section 5, defined once over the summed
// accumulators of rollup.h. A ratio whose denominator is zero has no value
// (nullopt), never 0. Adding a metric means adding one line to the registry.
//
// Thread-safe: the registry is immutable.

#include <functional>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "aggregator-svc/metrics/rollup.h"

namespace govreport::aggregator {

struct MetricDefinition {
  absl::string_view id;
  // The value for a region's sums, or nullopt when undefined.
  std::function<std::optional<double>(const Sums&)> value;
};

// All metrics, in the contract's order.
const std::vector<MetricDefinition>& MetricRegistry();

// The metric with this id, or nullptr.
const MetricDefinition* FindMetric(absl::string_view id);

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_METRICS_METRIC_REGISTRY_H_
