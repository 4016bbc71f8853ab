// The scaffold's access check and server-side deadline in one process: a
// test double of the Parser service on a real loopback server, with an auth
// config, called with and without tokens (unary and streaming).

#include <stdlib.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/net/client_channel.h"
#include "common/server/access_policy.h"
#include "common/server/reactors.h"
#include "common/server/server.h"
#include "common/sha256.h"
#include "gmock/gmock.h"
#include "govreport/v1/parser.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"

namespace govreport::server {
namespace {

using ::grpc::health::v1::Health;
using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;
using ::testing::HasSubstr;

// Counts the handler runs; "block" waits until the test opens the gate.
class CountingParser final : public v1::Parser::CallbackService {
 public:
  explicit CountingParser(CallRunner* runner) : runner_(runner) {}

  grpc::ServerUnaryReactor* Parse(grpc::CallbackServerContext* context,
                                  const v1::ParseRequest* request,
                                  v1::ParseResponse* response) override {
    return ServeUnary(
        runner_, context, request, response,
        [this](const v1::ParseRequest& r, v1::ParseResponse* out) {
          Handle(r);
          out->set_name(r.name());
          return absl::OkStatus();
        });
  }

  grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse>* ParseStream(
      grpc::CallbackServerContext* context) override {
    return ServeStream<v1::ParseRequest, v1::ParseResponse>(
        runner_, context, [this](const v1::ParseRequest& r) {
          Handle(r);
          v1::ParseResponse response;
          response.set_name(r.name());
          return response;
        });
  }

  std::atomic<int> handled{0};
  absl::Notification gate;

 private:
  void Handle(const v1::ParseRequest& request) {
    ++handled;
    if (request.name() == "block") gate.WaitForNotification();
  }
  CallRunner* runner_;
};

std::string WriteAuthConfig() {
  std::string path = ::testing::TempDir() + "/server_access_test-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd >= 0) close(fd);
  std::ofstream(path) << "token " << Sha256Hex("tok-process")
                      << " roles=process name=worker\n"
                      << "token " << Sha256Hex("tok-read")
                      << " roles=read name=reader\n";
  return path;
}

class ServerAccessTest : public ::testing::Test {
 protected:
  void Start(ServerConfig config) {
    config.program = "test-svc";
    config.host = "127.0.0.1";
    config.worker_threads = 2;
    server_ = std::make_unique<Server>(std::move(config));
    service_ = std::make_unique<CountingParser>(&server_->calls());
    ASSERT_TRUE(
        server_->Start({{v1::Parser::service_full_name(), service_.get()}})
            .ok());
  }

  void TearDown() override {
    if (service_ != nullptr && !service_->gate.HasBeenNotified()) {
      service_->gate.Notify();
    }
    server_.reset();
  }

  std::unique_ptr<v1::Parser::Stub> Stub(const std::string& token) {
    net::ClientSecurity security;
    security.bearer_token = token;
    absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
        net::NewClientChannel(absl::StrCat("127.0.0.1:", server_->port()),
                              security, grpc::ChannelArguments());
    EXPECT_TRUE(channel.ok());
    channel_ = *channel;
    return v1::Parser::NewStub(channel_);
  }

  static grpc::Status Parse(v1::Parser::Stub* stub, const std::string& name) {
    grpc::ClientContext context;
    v1::ParseRequest request;
    request.set_name(name);
    v1::ParseResponse response;
    return stub->Parse(&context, request, &response);
  }

  static grpc::Status Stream(v1::Parser::Stub* stub, const std::string& name) {
    grpc::ClientContext context;
    auto stream = stub->ParseStream(&context);
    v1::ParseRequest request;
    request.set_name(name);
    stream->Write(request);
    stream->WritesDone();
    v1::ParseResponse response;
    while (stream->Read(&response)) {
    }
    return stream->Finish();
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<CountingParser> service_;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(ServerAccessTest, RefusedCallsNeverReachTheHandler) {
  ServerConfig config;
  config.auth_config_file = WriteAuthConfig();
  Start(config);

  auto anonymous = Stub("");
  grpc::Status status = Parse(anonymous.get(), "a");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("no credential"));
  EXPECT_EQ(Stream(anonymous.get(), "a").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  auto reader = Stub("tok-read");
  status = Parse(reader.get(), "a");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(),
            "token:reader lacks the role \"process\" this method needs");
  EXPECT_EQ(Stream(reader.get(), "a").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(service_->handled.load(), 0);

  auto worker = Stub("tok-process");
  EXPECT_TRUE(Parse(worker.get(), "a").ok());
  EXPECT_TRUE(Stream(worker.get(), "b").ok());
  EXPECT_EQ(service_->handled.load(), 2);

  // Health needs no credential.
  auto health = Health::NewStub(channel_);
  grpc::ClientContext context;
  HealthCheckResponse response;
  ASSERT_TRUE(health->Check(&context, HealthCheckRequest(), &response).ok());
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);

  const std::string metrics = server_->metrics().Render();
  EXPECT_THAT(metrics,
              HasSubstr("govreport_access_denied_total{grpc_code="
                        "\"UNAUTHENTICATED\",grpc_method=\"ParseStream\","
                        "grpc_service=\"govreport.v1.Parser\"} 1\n"));
  EXPECT_THAT(metrics,
              HasSubstr("govreport_access_denied_total{grpc_code=\"PERMISSION_"
                        "DENIED\",grpc_method=\"Parse\",grpc_service="
                        "\"govreport.v1.Parser\"} 1\n"));
  EXPECT_THAT(metrics,
              HasSubstr("grpc_server_handled_total{grpc_code=\"PERMISSION_"
                        "DENIED\",grpc_method=\"ParseStream\",grpc_service="
                        "\"govreport.v1.Parser\"} 1\n"));
  // Every admission was released (a stream's when its reactor is done,
  // which may be just after the client saw the status).
  EXPECT_TRUE(server_->calls().WaitUntilIdle(absl::Now() + absl::Seconds(30)));
}

TEST_F(ServerAccessTest, WithoutAuthConfigEveryCallerIsAllowed) {
  Start(ServerConfig());
  auto anonymous = Stub("");
  EXPECT_TRUE(Parse(anonymous.get(), "a").ok());
  EXPECT_TRUE(Stream(anonymous.get(), "b").ok());
  EXPECT_EQ(service_->handled.load(), 2);
}

TEST_F(ServerAccessTest, ServerDeadlineCancelsStuckCallsWithoutClientDeadline) {
  ServerConfig config;
  config.max_call_duration = absl::Milliseconds(300);
  Start(config);
  auto stub = Stub("");
  grpc::Status unary = Parse(stub.get(), "block");
  EXPECT_EQ(unary.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_EQ(unary.error_message(),
            "the server's deadline of 300 ms (--max_call_seconds) passed "
            "without progress");
  grpc::Status stream = Stream(stub.get(), "block");
  EXPECT_EQ(stream.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  service_->gate.Notify();
  // The cancelled handlers still finish and release their admission.
  EXPECT_TRUE(server_->calls().WaitUntilIdle(absl::Now() + absl::Seconds(30)));
  EXPECT_TRUE(Parse(stub.get(), "after").ok());
  EXPECT_THAT(server_->metrics().Render(),
              HasSubstr("govreport_server_deadline_exceeded_total{grpc_method="
                        "\"Parse\",grpc_service=\"govreport.v1.Parser\"} 1\n"));
}

TEST_F(ServerAccessTest, AnIdleStreamWaitingForItsClientIsNotCut) {
  ServerConfig config;
  config.max_call_duration = absl::Seconds(1);
  Start(config);
  auto stub = Stub("");
  grpc::ClientContext context;
  auto stream = stub->ParseStream(&context);
  v1::ParseRequest request;
  v1::ParseResponse response;
  request.set_name("first");
  ASSERT_TRUE(stream->Write(request));
  ASSERT_TRUE(stream->Read(&response));
  EXPECT_EQ(response.name(), "first");
  absl::SleepFor(absl::Milliseconds(2500));  // The client thinks; no clock.
  request.set_name("second");
  ASSERT_TRUE(stream->Write(request));
  ASSERT_TRUE(stream->Read(&response));
  EXPECT_EQ(response.name(), "second");
  stream->WritesDone();
  grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
}

}  // namespace
}  // namespace govreport::server
