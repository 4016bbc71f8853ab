// The scaffold end to end in one process: a test double of the Parser
// service on a real loopback server.

#include "common/server/server.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/server/reactors.h"
#include "gmock/gmock.h"
#include "govreport/v1/parser.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"

namespace govreport::server {
namespace {

using ::grpc::health::v1::Health;
using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;
using ::testing::HasSubstr;
using ::testing::Not;

// Echoes the name; "bad*" fails with INVALID_ARGUMENT; "block" waits for the
// test to open the gate.
class FakeParser final : public v1::Parser::CallbackService {
 public:
  explicit FakeParser(CallRunner* runner) : runner_(runner) {}

  grpc::ServerUnaryReactor* Parse(grpc::CallbackServerContext* context,
                                  const v1::ParseRequest* request,
                                  v1::ParseResponse* response) override {
    return ServeUnary(
        runner_, context, request, response,
        [this](const v1::ParseRequest& r, v1::ParseResponse* out) {
          return Handle(r, out);
        });
  }

  grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse>* ParseStream(
      grpc::CallbackServerContext* context) override {
    return ServeStream<v1::ParseRequest, v1::ParseResponse>(
        runner_, context, [this](const v1::ParseRequest& r) {
          v1::ParseResponse response;
          absl::Status status = Handle(r, &response);
          response.set_name(r.name());
          response.set_error_code(ToRpcCode(status));
          response.set_error_message(std::string(status.message()));
          return response;
        });
  }

  absl::Notification entered;  // A "block" request reached the handler.
  absl::Notification gate;     // Lets "block" requests finish.

 private:
  absl::Status Handle(const v1::ParseRequest& request,
                      v1::ParseResponse* response) {
    if (request.name() == "block") {
      if (!entered.HasBeenNotified()) entered.Notify();
      gate.WaitForNotification();
    }
    if (absl::StartsWith(request.name(), "bad")) {
      return absl::InvalidArgumentError(request.name() + ": unreadable");
    }
    response->set_name(request.name());
    return absl::OkStatus();
  }

  CallRunner* runner_;
};

ServerConfig TestConfig() {
  ServerConfig config;
  config.program = "test-svc";
  config.version = "0.0.0";
  config.host = "127.0.0.1";
  config.port = 0;
  config.metrics_port = 0;
  config.worker_threads = 2;
  config.shutdown_deadline = absl::Seconds(30);
  return config;
}

class ServerTest : public testing::Test {
 protected:
  void StartServer(ServerConfig config) {
    server_ = std::make_unique<Server>(std::move(config));
    service_ = std::make_unique<FakeParser>(&server_->calls());
    ASSERT_TRUE(
        server_->Start({{v1::Parser::service_full_name(), service_.get()}})
            .ok());
    ASSERT_GT(server_->port(), 0);
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", server_->port()),
                                   grpc::InsecureChannelCredentials());
    parser_ = v1::Parser::NewStub(channel_);
    health_ = Health::NewStub(channel_);
  }

  void TearDown() override {
    if (service_ != nullptr && !service_->gate.HasBeenNotified()) {
      service_->gate.Notify();
    }
    server_.reset();
  }

  grpc::Status Parse(const std::string& name, v1::ParseResponse* response,
                     grpc::ClientContext* context = nullptr) {
    grpc::ClientContext local;
    v1::ParseRequest request;
    request.set_name(name);
    return parser_->Parse(context != nullptr ? context : &local, request,
                          response);
  }

  // SERVING, NOT_SERVING, ... or the call's error as negative code.
  int HealthOf(const std::string& service) {
    grpc::ClientContext context;
    HealthCheckRequest request;
    request.set_service(service);
    HealthCheckResponse response;
    grpc::Status status = health_->Check(&context, request, &response);
    if (!status.ok()) return -static_cast<int>(status.error_code());
    return response.status();
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<FakeParser> service_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Parser::Stub> parser_;
  std::unique_ptr<Health::Stub> health_;
};

TEST_F(ServerTest, HealthIsServingOverallAndPerService) {
  StartServer(TestConfig());
  EXPECT_EQ(HealthOf(""), HealthCheckResponse::SERVING);
  EXPECT_EQ(HealthOf("govreport.v1.Parser"), HealthCheckResponse::SERVING);
  EXPECT_EQ(HealthOf("govreport.v1.Nope"),
            -static_cast<int>(grpc::StatusCode::NOT_FOUND));
}

TEST_F(ServerTest, UnaryAnswersWithTheHandlersStatus) {
  StartServer(TestConfig());
  v1::ParseResponse response;
  grpc::Status status = Parse("a.txt", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.name(), "a.txt");

  status = Parse("bad.pdf", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "bad.pdf: unreadable");
}

TEST_F(ServerTest, InterceptorCountsEachCallByMethodAndCode) {
  StartServer(TestConfig());
  v1::ParseResponse response;
  ASSERT_TRUE(Parse("a", &response).ok());
  ASSERT_TRUE(Parse("b", &response).ok());
  ASSERT_FALSE(Parse("bad", &response).ok());
  ASSERT_EQ(HealthOf(""), HealthCheckResponse::SERVING);

  const std::string text = server_->metrics().Render();
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code=\"OK\","
                              "grpc_method=\"Parse\",grpc_service="
                              "\"govreport.v1.Parser\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code="
                              "\"INVALID_ARGUMENT\",grpc_method=\"Parse\","
                              "grpc_service=\"govreport.v1.Parser\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handling_seconds_count{grpc_method="
                              "\"Parse\",grpc_service=\"govreport.v1.Parser\"}"
                              " 3\n"));
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code=\"OK\","
                              "grpc_method=\"Check\",grpc_service="
                              "\"grpc.health.v1.Health\"} 1\n"));
}

TEST_F(ServerTest, MadeUpMethodsAreCountedUnderOneUnknownLabel) {
  StartServer(TestConfig());
  grpc::GenericStub generic(channel_);
  for (const char* method : {"/govreport.v1.Nope/A", "/x.Y/Z"}) {
    grpc::ClientContext context;
    grpc::Slice empty("");
    grpc::ByteBuffer request(&empty, 1);
    grpc::ByteBuffer response;
    grpc::Status status;
    absl::Notification done;
    generic.UnaryCall(&context, method, grpc::StubOptions(), &request,
                      &response, [&](grpc::Status s) {
                        status = s;
                        done.Notify();
                      });
    done.WaitForNotification();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
  }
  const std::string text = server_->metrics().Render();
  EXPECT_THAT(text, HasSubstr("grpc_server_handled_total{grpc_code="
                              "\"UNIMPLEMENTED\",grpc_method=\"unknown\","
                              "grpc_service=\"unknown\"} 2\n"));
  EXPECT_THAT(text, Not(HasSubstr("Nope")));
}

TEST_F(ServerTest, StreamAnswersEachItemInOrderAndGoesOnAfterAnError) {
  StartServer(TestConfig());
  grpc::ClientContext context;
  auto stream = parser_->ParseStream(&context);
  for (const char* name : {"a.txt", "bad.docx", "c.html"}) {
    v1::ParseRequest request;
    request.set_name(name);
    ASSERT_TRUE(stream->Write(request));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::vector<v1::ParseResponse> responses;
  v1::ParseResponse response;
  while (stream->Read(&response)) responses.push_back(response);
  grpc::Status status = stream->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();

  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[0].name(), "a.txt");
  EXPECT_EQ(responses[0].error_code(), 0);
  EXPECT_EQ(responses[1].name(), "bad.docx");
  EXPECT_EQ(responses[1].error_code(), 3);
  EXPECT_EQ(responses[1].error_message(), "bad.docx: unreadable");
  EXPECT_EQ(responses[2].name(), "c.html");
  EXPECT_EQ(responses[2].error_code(), 0);
  EXPECT_THAT(server_->metrics().Render(),
              HasSubstr("grpc_server_handled_total{grpc_code=\"OK\","
                        "grpc_method=\"ParseStream\",grpc_service="
                        "\"govreport.v1.Parser\"} 1\n"));
}

TEST_F(ServerTest, BeyondTheLimitCallsGetResourceExhaustedWithARetryHint) {
  ServerConfig config = TestConfig();
  config.max_concurrent_calls = 1;
  config.retry_after = absl::Milliseconds(400);
  StartServer(config);

  grpc::ClientContext first_context;
  v1::ParseRequest first_request;
  first_request.set_name("block");
  v1::ParseResponse first_response;
  grpc::Status first_status;
  absl::Notification first_done;
  parser_->async()->Parse(&first_context, &first_request, &first_response,
                          [&](grpc::Status status) {
                            first_status = status;
                            first_done.Notify();
                          });
  service_->entered.WaitForNotification();

  grpc::ClientContext context;
  v1::ParseResponse response;
  grpc::Status status = Parse("a", &response, &context);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "server busy: 1 calls already in progress (--max_concurrent_calls);"
            " retry after 400 ms");
  const auto& trailers = context.GetServerTrailingMetadata();
  auto hint = trailers.find(kRetryPushbackKey);
  ASSERT_NE(hint, trailers.end());
  EXPECT_EQ(std::string(hint->second.data(), hint->second.size()), "400");

  grpc::ClientContext stream_context;
  auto stream = parser_->ParseStream(&stream_context);
  stream->WritesDone();
  EXPECT_EQ(stream->Finish().error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);

  // Health is not subject to the limit.
  EXPECT_EQ(HealthOf(""), HealthCheckResponse::SERVING);

  service_->gate.Notify();
  first_done.WaitForNotification();
  EXPECT_TRUE(first_status.ok()) << first_status.error_message();
  EXPECT_EQ(first_response.name(), "block");
  EXPECT_TRUE(Parse("after", &response).ok());  // The slot is free again.
  EXPECT_THAT(server_->metrics().Render(),
              HasSubstr("grpc_server_handled_total{grpc_code="
                        "\"RESOURCE_EXHAUSTED\",grpc_method=\"Parse\","
                        "grpc_service=\"govreport.v1.Parser\"} 1\n"));
}

TEST_F(ServerTest, ShutdownGoesNotServingAndLetsCallsInProgressFinish) {
  StartServer(TestConfig());
  grpc::ClientContext first_context;
  v1::ParseRequest first_request;
  first_request.set_name("block");
  v1::ParseResponse first_response;
  grpc::Status first_status;
  absl::Notification first_done;
  parser_->async()->Parse(&first_context, &first_request, &first_response,
                          [&](grpc::Status status) {
                            first_status = status;
                            first_done.Notify();
                          });
  service_->entered.WaitForNotification();

  std::thread shutdown([this] { server_->Shutdown(); });
  // The blocked call holds the server in its drain phase: health answers,
  // and says NOT_SERVING once the shutdown has begun.
  int health = HealthOf("govreport.v1.Parser");
  for (int i = 0; i < 3000 && health == HealthCheckResponse::SERVING; ++i) {
    absl::SleepFor(absl::Milliseconds(10));
    health = HealthOf("govreport.v1.Parser");
  }
  EXPECT_EQ(health, HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(HealthOf(""), HealthCheckResponse::NOT_SERVING);
  EXPECT_FALSE(first_done.HasBeenNotified());

  service_->gate.Notify();
  first_done.WaitForNotification();
  shutdown.join();
  EXPECT_TRUE(first_status.ok()) << first_status.error_message();
  EXPECT_EQ(first_response.name(), "block");

  v1::ParseResponse response;
  EXPECT_EQ(Parse("late", &response).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(ServerTest, ShutdownCancelsWhatOutlivesTheDeadline) {
  ServerConfig config = TestConfig();
  config.shutdown_deadline = absl::Milliseconds(300);
  StartServer(config);
  grpc::ClientContext context;
  auto stream = parser_->ParseStream(&context);
  v1::ParseRequest request;
  request.set_name("a");
  ASSERT_TRUE(stream->Write(request));
  v1::ParseResponse response;
  ASSERT_TRUE(stream->Read(&response));  // Admitted and answered.

  server_->Shutdown();  // The open stream would hold it forever.
  EXPECT_FALSE(stream->Read(&response));
  grpc::Status status = stream->Finish();
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(server_->calls().in_flight(), 0);
}

TEST_F(ServerTest, RequestShutdownEndsRunUntilSignal) {
  StartServer(TestConfig());
  server_->RequestShutdown();
  EXPECT_TRUE(server_->RunUntilSignal().ok());
  v1::ParseResponse response;
  EXPECT_EQ(Parse("late", &response).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(ServerTest, StartFailsWhenThePortIsTaken) {
  StartServer(TestConfig());
  ServerConfig config = TestConfig();
  config.port = server_->port();
  Server second(config);
  absl::Status status = second.Start({});
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(
      status.message(),
      absl::StrCat("cannot listen for gRPC on 127.0.0.1:", server_->port(),
                   " (address in use or not available?)"));
}

}  // namespace
}  // namespace govreport::server
