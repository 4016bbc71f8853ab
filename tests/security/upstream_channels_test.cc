// The aggregator's channels to parser-svc and validator-svc check each
// backend's health, so that a draining pod (NOT_SERVING) stops getting calls.

#include <string>

#include "aggregator-svc/ingest.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace govreport::aggregator {
namespace {

TEST(UpstreamChannels, ServiceConfigHealthChecksTheUpstreamService) {
  const nlohmann::json config =
      nlohmann::json::parse(RetryServiceConfig(4, "govreport.v1.Parser"));
  EXPECT_EQ(config["healthCheckConfig"]["serviceName"], "govreport.v1.Parser");
  EXPECT_EQ(config["methodConfig"][0]["retryPolicy"]["maxAttempts"], 4);
  const nlohmann::json plain = nlohmann::json::parse(RetryServiceConfig(4));
  EXPECT_FALSE(plain.contains("healthCheckConfig"));
}

}  // namespace
}  // namespace govreport::aggregator
