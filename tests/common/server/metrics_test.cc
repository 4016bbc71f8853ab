#include "common/server/metrics.h"

#include <string>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "govreport/v1/parser.pb.h"
#include "gtest/gtest.h"

namespace govreport::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(SplitMethodName, SplitsServiceAndMethod) {
  MethodName name = SplitMethodName("/govreport.v1.Parser/ParseStream");
  EXPECT_EQ(name.service, "govreport.v1.Parser");
  EXPECT_EQ(name.method, "ParseStream");
  name = SplitMethodName("/grpc.health.v1.Health/Check");
  EXPECT_EQ(name.service, "grpc.health.v1.Health");
  EXPECT_EQ(name.method, "Check");
}

TEST(SplitMethodName, KeepsOddNamesWhole) {
  for (const char* odd : {"", "/", "Parse", "/NoMethod/", "//Parse"}) {
    MethodName name = SplitMethodName(odd);
    EXPECT_EQ(name.service, "unknown") << odd;
    EXPECT_EQ(name.method, odd);
  }
}

TEST(MetricLabelsFor, KeepsMethodsTheProcessDefines) {
  // Linking the generated code puts its descriptors in the pool, as a
  // service binary does; the health service is named explicitly.
  ASSERT_NE(v1::ParseRequest::descriptor(), nullptr);
  MethodName parse = MetricLabelsFor("/govreport.v1.Parser/ParseStream");
  EXPECT_EQ(parse.service, "govreport.v1.Parser");
  EXPECT_EQ(parse.method, "ParseStream");
  MethodName health = MetricLabelsFor("/grpc.health.v1.Health/Watch");
  EXPECT_EQ(health.service, "grpc.health.v1.Health");
  EXPECT_EQ(health.method, "Watch");
}

TEST(MetricLabelsFor, LabelsMadeUpMethodsUnknown) {
  for (const char* odd : {"/govreport.v1.Nope/Parse",
                          "/grpc.health.v1.Health/Drop", "/x/y", "garbage"}) {
    MethodName name = MetricLabelsFor(odd);
    EXPECT_EQ(name.service, "unknown") << odd;
    EXPECT_EQ(name.method, "unknown") << odd;
  }
}

TEST(ServerMetrics, CountsCallsByMethodAndCode) {
  ServerMetrics metrics("parser-svc", "0.1.0");
  const MethodName parse{"govreport.v1.Parser", "Parse"};
  for (int i = 0; i < 3; ++i) metrics.CallStarted(parse);
  metrics.CallFinished(parse, 0, absl::Milliseconds(3));
  metrics.CallFinished(parse, 0, absl::Milliseconds(30));
  metrics.CallFinished(parse, 8, absl::Seconds(2));
  const std::string text = metrics.Render();
  EXPECT_THAT(text,
              HasSubstr("grpc_server_handled_total{grpc_code=\"OK\","
                        "grpc_method=\"Parse\",grpc_service=\"govreport.v1."
                        "Parser\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code="
                              "\"RESOURCE_EXHAUSTED\",grpc_method=\"Parse\","
                              "grpc_service=\"govreport.v1.Parser\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handling_seconds_count{grpc_method="
                              "\"Parse\",grpc_service=\"govreport.v1.Parser\"}"
                              " 3\n"));
  // 3 ms and 30 ms fall at or under 0.05 s; 2 s does not.
  EXPECT_THAT(text, HasSubstr("grpc_server_handling_seconds_bucket{grpc_method="
                              "\"Parse\",grpc_service=\"govreport.v1.Parser\","
                              "le=\"0.05\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handling_seconds_bucket{grpc_method="
                              "\"Parse\",grpc_service=\"govreport.v1.Parser\","
                              "le=\"2.5\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_in_flight_calls{grpc_method="
                              "\"Parse\",grpc_service=\"govreport.v1.Parser\"}"
                              " 0\n"));
  EXPECT_THAT(text, HasSubstr("govreport_build_info{program=\"parser-svc\","
                              "version=\"0.1.0\"} 1\n"));
}

TEST(ServerMetrics, InFlightCountsCallsNotYetFinished) {
  ServerMetrics metrics("validator-svc", "0.1.0");
  const MethodName validate{"govreport.v1.Validator", "Validate"};
  metrics.CallStarted(validate);
  metrics.CallStarted(validate);
  metrics.CallFinished(validate, 0, absl::Milliseconds(1));
  EXPECT_THAT(metrics.Render(),
              HasSubstr("grpc_server_in_flight_calls{grpc_method=\"Validate\","
                        "grpc_service=\"govreport.v1.Validator\"} 1\n"));
}

TEST(ServerMetrics, NoExposerUntilStarted) {
  ServerMetrics metrics("x", "0");
  EXPECT_EQ(metrics.exposer_port(), 0);
  EXPECT_THAT(metrics.Render(), Not(HasSubstr("grpc_server_handled_total{")));
}

}  // namespace
}  // namespace govreport::server
