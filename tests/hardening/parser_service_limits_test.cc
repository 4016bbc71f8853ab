// The per-parse limits through the real parser-svc binary on loopback: the
// flags --max_parse_memory_bytes and --max_parse_seconds reach the parser,
// a document past a limit gets its gRPC error naming it and the limit, and
// the service goes on answering the next document.

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "govreport/v1/parser.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "tests/aggregator/service_processes.h"
#include "tests/cli/command_runner.h"

namespace govreport {
namespace {

using ::testing::HasSubstr;

std::string ReadSeed() {
  std::ifstream in(std::string(GOVREPORT_DATA_DIR) +
                       "/samples/seeds/000_875541e45b987938.txt",
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

grpc::Status CallParse(v1::Parser::Stub& stub, const std::string& name,
                       const std::string& content, v1::ParseResponse* out) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  v1::ParseRequest request;
  request.set_name(name);
  request.set_content(content);
  return stub.Parse(&context, request, out);
}

TEST(ParserServiceLimits, FlagsReachTheParserAndTheServiceGoesOn) {
  const std::string dir = testing::MakeTempDir("parser_service_limits");
  // 2 MiB: the seed (6 KB, charged about 0.3 MiB) fits; 1 MiB of text does
  // not (3 MiB charged for its decoding).
  auto parser = testing::ServiceProcess::Start(
      "parser-svc", testing::FreeLoopbackPort(),
      {"--metrics_port=0", "--max_parse_memory_bytes=2097152",
       "--max_parse_seconds=120"},
      dir);
  ASSERT_TRUE(parser.ok()) << parser.status();
  auto stub = v1::Parser::NewStub(grpc::CreateChannel(
      (*parser)->address(), grpc::InsecureChannelCredentials()));

  v1::ParseResponse response;
  grpc::Status big =
      CallParse(*stub, "big.txt", std::string(size_t{1} << 20, 'a'), &response);
  EXPECT_EQ(big.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(big.error_message(),
            "big.txt: parsing would hold about 3.0 MiB (text in UTF-8: 3.0 "
            "MiB), over the limit of 2 MiB per document "
            "(--max_parse_memory_bytes)");

  v1::ParseResponse seed;
  grpc::Status ok = CallParse(*stub, "seed.txt", ReadSeed(), &seed);
  ASSERT_TRUE(ok.ok()) << ok.error_message();
  EXPECT_EQ(seed.report().year(), 2023);
  EXPECT_EQ(seed.report().agency(), "西工区西工街道办事处");
}

}  // namespace
}  // namespace govreport
