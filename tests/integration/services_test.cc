// Each real service binary, started on loopback as a deployment would start
// it: configuration errors, health, reflection, /metrics, and graceful
// shutdown on SIGTERM.

#include <signal.h>
#include <stdlib.h>

#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "govreport/v1/parser.grpc.pb.h"
#include "govreport/v1/validator.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/integration/process.h"

namespace govreport {
namespace {

using ::grpc::health::v1::Health;
using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;
using ::grpc::reflection::v1alpha::ServerReflection;
using ::grpc::reflection::v1alpha::ServerReflectionRequest;
using ::grpc::reflection::v1alpha::ServerReflectionResponse;
using testing::ChildProcess;
using ::testing::HasSubstr;

// An idle test client polls its connections only every 5 s by default, so it
// would ack a shutting-down server's GOAWAY ping late and stretch every
// shutdown to 5 s. Real clients with calls in progress poll all the time.
const bool kFastClientPolling = [] {
  setenv("GRPC_CLIENT_CHANNEL_BACKUP_POLL_INTERVAL_MS", "50", 1);
  return true;
}();

// Generous bounds for a process under AddressSanitizer on a busy machine.
constexpr absl::Duration kStartLimit = absl::Seconds(90);
constexpr absl::Duration kCallLimit = absl::Seconds(60);

std::string Binary(const std::string& name) {
  return absl::StrCat(GOVREPORT_BIN_DIR, "/", name);
}

// What differs between the services under test.
struct ServiceSpec {
  std::string binary;   // "parser-svc"
  std::string service;  // "govreport.v1.Parser"
  std::string method;   // The method `call` invokes.
  // Extra flags the binary needs to start in a test (scratch paths, ...).
  std::function<std::vector<std::string>(const std::string& scratch)> args;
  // One application call; must finish with the service's real answer.
  // Returns "" on success, else what went wrong.
  std::function<std::string(const std::shared_ptr<grpc::Channel>&)> call;
};

std::string ParserCall(const std::shared_ptr<grpc::Channel>& channel) {
  // The stream answers every document, parseable or not, with its name.
  auto stub = v1::Parser::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + kCallLimit));
  auto stream = stub->ParseStream(&context);
  v1::ParseRequest request;
  request.set_name("probe.txt");
  request.set_content("SECRET-DOCUMENT-TEXT-7731 一、总体情况");
  if (!stream->Write(request) || !stream->WritesDone()) return "write failed";
  v1::ParseResponse response;
  std::vector<std::string> names;
  while (stream->Read(&response)) names.push_back(response.name());
  grpc::Status status = stream->Finish();
  if (!status.ok()) return "ParseStream: " + status.error_message();
  if (names != std::vector<std::string>{"probe.txt"}) {
    return absl::StrCat("expected one response for probe.txt, got ",
                        names.size());
  }
  return "";
}

std::string ValidatorCall(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = v1::Validator::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + kCallLimit));
  v1::ValidateRequest request;
  request.mutable_report()->set_id("report-1");
  v1::ValidateResponse response;
  grpc::Status status = stub->Validate(&context, request, &response);
  if (!status.ok()) return "Validate: " + status.error_message();
  if (response.report_id() != "report-1") {
    return "report_id not echoed: " + response.report_id();
  }
  return "";
}

std::string AggregatorCall(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = v1::Aggregator::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + kCallLimit));
  v1::ListReportsRequest request;
  v1::ListReportsResponse response;
  grpc::Status status = stub->ListReports(&context, request, &response);
  if (!status.ok()) return "ListReports: " + status.error_message();
  if (response.reports_size() != 0) return "an empty store listed reports";
  return "";
}

std::vector<ServiceSpec> AllSpecs() {
  return {
      {"parser-svc", "govreport.v1.Parser", "ParseStream",
       [](const std::string&) { return std::vector<std::string>{}; },
       ParserCall},
      {"validator-svc", "govreport.v1.Validator", "Validate",
       [](const std::string&) { return std::vector<std::string>{}; },
       ValidatorCall},
      {"aggregator-svc", "govreport.v1.Aggregator", "ListReports",
       [](const std::string& scratch) {
         return std::vector<std::string>{
             absl::StrCat("--db=sqlite://", scratch, ".db"),
             "--parser_address=127.0.0.1:1", "--validator_address=127.0.0.1:1"};
       },
       AggregatorCall},
  };
}

// The specs of the binaries this build has (GOVREPORT_SERVICES).
std::vector<ServiceSpec> BuiltSpecs() {
  const std::set<std::string> built = absl::StrSplit(GOVREPORT_SERVICES, ',');
  std::vector<ServiceSpec> specs;
  for (ServiceSpec& spec : AllSpecs()) {
    if (built.count(spec.binary) > 0) specs.push_back(std::move(spec));
  }
  return specs;
}

// Sum of a metric's samples whose labels contain every `label` fragment.
double MetricSum(const std::string& exposition, const std::string& metric,
                 const std::vector<std::string>& labels) {
  double sum = 0;
  for (absl::string_view line : absl::StrSplit(exposition, '\n')) {
    if (!absl::StartsWith(line, metric + "{")) continue;
    bool match = true;
    for (const std::string& label : labels) {
      match = match && absl::StrContains(line, label);
    }
    if (!match) continue;
    double value = 0;
    if (absl::SimpleAtod(line.substr(line.rfind(' ') + 1), &value)) {
      sum += value;
    }
  }
  return sum;
}

// A started service: the process, its ports and stubs.
class RunningService {
 public:
  RunningService(const ServiceSpec& spec,
                 const std::vector<std::string>& extra_flags)
      : spec_(spec) {
    scratch_ = absl::StrCat(::testing::TempDir(), "/", spec.binary, "-",
                            getpid(), "-", absl::ToUnixNanos(absl::Now()));
    metrics_port_ = testing::FreeLoopbackPort();
    std::vector<std::string> args = {
        "--host=127.0.0.1", "--port=0",
        absl::StrCat("--metrics_port=", metrics_port_)};
    for (const std::string& a : spec.args(scratch_)) args.push_back(a);
    for (const std::string& a : extra_flags) args.push_back(a);
    absl::StatusOr<std::unique_ptr<ChildProcess>> child =
        ChildProcess::Start(Binary(spec.binary), args);
    if (!child.ok()) return;
    process_ = *std::move(child);
    std::optional<std::string> serving =
        process_->WaitForStdoutLine("\"message\":\"serving\"", kStartLimit);
    if (!serving.has_value()) return;
    nlohmann::json line = nlohmann::json::parse(*serving, nullptr, false);
    if (line.is_discarded()) return;
    port_ = line["fields"].value("port", 0);
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port_),
                                   grpc::InsecureChannelCredentials());
  }

  ~RunningService() {
    for (const char* suffix : {".db", ".db-wal", ".db-shm"}) {
      unlink(absl::StrCat(scratch_, suffix).c_str());
    }
  }

  // Empty when started; else why not, with the child's output.
  std::string StartError() const {
    if (process_ == nullptr) return "could not start " + spec_.binary;
    if (port_ > 0) return "";
    return absl::StrCat(spec_.binary, " did not log \"serving\"\nstdout:\n",
                        process_->Stdout(), "\nstderr:\n", process_->Stderr());
  }

  ChildProcess& process() { return *process_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  int metrics_port() const { return metrics_port_; }

  // SERVING / NOT_SERVING, or the failed call's code negated.
  int Health(const std::string& service) const {
    auto stub = Health::NewStub(channel_);
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + kCallLimit));
    HealthCheckRequest request;
    request.set_service(service);
    HealthCheckResponse response;
    grpc::Status status = stub->Check(&context, request, &response);
    if (!status.ok()) return -static_cast<int>(status.error_code());
    return response.status();
  }

  std::string Metrics() const {
    absl::StatusOr<std::string> response =
        testing::HttpGet(metrics_port_, "/metrics");
    return response.ok() ? *response : "";
  }

 private:
  const ServiceSpec& spec_;
  std::string scratch_;
  std::unique_ptr<ChildProcess> process_;
  int port_ = 0;
  int metrics_port_ = 0;
  std::shared_ptr<grpc::Channel> channel_;
};

class ServiceBinaryTest : public ::testing::TestWithParam<ServiceSpec> {};

TEST_P(ServiceBinaryTest, VersionAndHelpWorkWithoutStartingAnything) {
  const ServiceSpec& spec = GetParam();
  // A bad environment does not matter: nothing is configured or started.
  testing::RunResult version = testing::RunToCompletion(
      Binary(spec.binary), {"--version"}, {{"GOVREPORT_PORT", "bad"}});
  EXPECT_EQ(version.exit_code, 0) << version.err;
  EXPECT_EQ(version.out,
            absl::StrCat(spec.binary, " ", GOVREPORT_PROJECT_VERSION, "\n"));

  testing::RunResult help =
      testing::RunToCompletion(Binary(spec.binary), {"--help"});
  EXPECT_EQ(help.exit_code, 0) << help.err;
  EXPECT_THAT(help.out, HasSubstr("--port  [GOVREPORT_PORT]"));
  EXPECT_THAT(help.out, HasSubstr("--shutdown_deadline_seconds  "
                                  "[GOVREPORT_SHUTDOWN_DEADLINE_SECONDS]  "
                                  "default: 20"));
  EXPECT_THAT(help.out, HasSubstr("--inject_latency_ms"));
}

TEST_P(ServiceBinaryTest, ABadSettingExitsTwoNamingTheVariable) {
  const ServiceSpec& spec = GetParam();
  testing::RunResult not_a_number = testing::RunToCompletion(
      Binary(spec.binary), {}, {{"GOVREPORT_MAX_CONCURRENT_CALLS", "many"}});
  EXPECT_EQ(not_a_number.exit_code, 2);
  EXPECT_THAT(not_a_number.err,
              HasSubstr("GOVREPORT_MAX_CONCURRENT_CALLS='many' is not a valid "
                        "value for --max_concurrent_calls"));

  testing::RunResult out_of_range = testing::RunToCompletion(
      Binary(spec.binary), {}, {{"GOVREPORT_PORT", "70000"}});
  EXPECT_EQ(out_of_range.exit_code, 2);
  EXPECT_THAT(out_of_range.err,
              HasSubstr("--port (env GOVREPORT_PORT) must be 0..65535, got "
                        "70000"));
}

TEST_P(ServiceBinaryTest, ServesHealthReflectionAndMetrics) {
  const ServiceSpec& spec = GetParam();
  RunningService running(spec, {});
  ASSERT_EQ(running.StartError(), "");

  EXPECT_EQ(running.Health(""), HealthCheckResponse::SERVING);
  EXPECT_EQ(running.Health(spec.service), HealthCheckResponse::SERVING);

  // Reflection lists the service.
  auto reflection = ServerReflection::NewStub(running.channel());
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + kCallLimit));
  auto stream = reflection->ServerReflectionInfo(&context);
  ServerReflectionRequest request;
  request.set_list_services("");
  ASSERT_TRUE(stream->Write(request));
  ASSERT_TRUE(stream->WritesDone());
  ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  std::set<std::string> listed;
  for (const auto& service : response.list_services_response().service()) {
    listed.insert(service.name());
  }
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(listed.count(spec.service), 1u);
  EXPECT_EQ(listed.count("grpc.health.v1.Health"), 1u);

  // /metrics answers, and counts one application call.
  const std::string before = running.Metrics();
  EXPECT_THAT(before, HasSubstr("HTTP/1.1 200"));
  EXPECT_THAT(before,
              HasSubstr(absl::StrCat("govreport_build_info{program=\"",
                                     spec.binary, "\",version=\"",
                                     GOVREPORT_PROJECT_VERSION, "\"} 1")));
  const std::vector<std::string> labels = {
      absl::StrCat("grpc_method=\"", spec.method, "\""),
      absl::StrCat("grpc_service=\"", spec.service, "\"")};
  EXPECT_EQ(MetricSum(before, "grpc_server_handled_total", labels), 0);
  EXPECT_EQ(spec.call(running.channel()), "");
  const std::string after = running.Metrics();
  EXPECT_EQ(MetricSum(after, "grpc_server_handled_total", labels), 1);
  EXPECT_EQ(MetricSum(after, "grpc_server_handling_seconds_count", labels), 1);

  running.process().Signal(SIGTERM);
  EXPECT_EQ(running.process().WaitForExit(kStartLimit), 0);

  // Every stdout line is one JSON object with the four keys, and no line
  // (at the default info level) carries document text.
  const std::string out = running.process().Stdout();
  EXPECT_THAT(out, ::testing::Not(HasSubstr("SECRET-DOCUMENT-TEXT")));
  int lines = 0;
  for (absl::string_view line : absl::StrSplit(out, '\n', absl::SkipEmpty())) {
    nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
    ASSERT_TRUE(parsed.is_object()) << line;
    EXPECT_TRUE(parsed.contains("time") && parsed.contains("level") &&
                parsed.contains("message") && parsed["fields"].is_object())
        << line;
    ++lines;
  }
  EXPECT_GE(lines, 3);  // serving, shutdown requested, stopped.
}

TEST_P(ServiceBinaryTest, SigtermDuringASlowCallLetsItFinishThenExitsZero) {
  const ServiceSpec& spec = GetParam();
  RunningService running(
      spec, {"--inject_latency_ms=1500", "--shutdown_deadline_seconds=20"});
  ASSERT_EQ(running.StartError(), "");

  std::string call_result = "not finished";
  absl::Notification call_done;
  std::thread caller([&] {
    call_result = spec.call(running.channel());
    call_done.Notify();
  });
  // Wait until the server has the call (the in-flight gauge), then SIGTERM.
  const std::vector<std::string> labels = {
      absl::StrCat("grpc_method=\"", spec.method, "\"")};
  const absl::Time limit = absl::Now() + kCallLimit;
  while (MetricSum(running.Metrics(), "grpc_server_in_flight_calls", labels) <
             1 &&
         !call_done.HasBeenNotified() && absl::Now() < limit) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  ASSERT_FALSE(call_done.HasBeenNotified()) << call_result;
  running.process().Signal(SIGTERM);

  caller.join();
  EXPECT_EQ(call_result, "");
  // 20 s deadline; the bound leaves room for a slow sanitizer build.
  EXPECT_EQ(running.process().WaitForExit(absl::Seconds(60)), 0)
      << running.process().Stdout() << running.process().Stderr();
  const std::string out = running.process().Stdout();
  EXPECT_THAT(out, HasSubstr("\"message\":\"shutdown requested\""));
  EXPECT_THAT(out, HasSubstr("\"drained_before_deadline\":true"));
}

INSTANTIATE_TEST_SUITE_P(Built, ServiceBinaryTest,
                         ::testing::ValuesIn(BuiltSpecs()),
                         [](const ::testing::TestParamInfo<ServiceSpec>& info) {
                           std::string name = info.param.binary;
                           name.erase(name.find('-'), 1);
                           return name;
                         });

// Streams: while an admitted stream is open the process drains (health
// NOT_SERVING, the stream still served); closing it lets the process exit 0.
// A stream left open is cut at the deadline, and the process still exits 0.
template <typename Stub, typename Request, typename Response>
[[maybe_unused]] void CheckStreamDrain(
    const ServiceSpec& spec,
    std::function<std::unique_ptr<grpc::ClientReaderWriter<Request, Response>>(
        Stub&, grpc::ClientContext*)>
        open,
    std::function<Request(int)> make_request,
    std::function<std::unique_ptr<Stub>(std::shared_ptr<grpc::Channel>)>
        new_stub) {
  for (const bool close_stream : {true, false}) {
    SCOPED_TRACE(close_stream ? "client closes the stream"
                              : "client leaves the stream open");
    RunningService running(spec, {"--shutdown_deadline_seconds=3"});
    ASSERT_EQ(running.StartError(), "");
    auto stub = new_stub(running.channel());
    grpc::ClientContext context;
    auto stream = open(*stub, &context);
    Response response;
    ASSERT_TRUE(stream->Write(make_request(1)));
    ASSERT_TRUE(stream->Read(&response));  // Admitted and answered.

    running.process().Signal(SIGTERM);
    int health = running.Health(spec.service);
    const absl::Time limit = absl::Now() + kCallLimit;
    while (health == HealthCheckResponse::SERVING && absl::Now() < limit) {
      absl::SleepFor(absl::Milliseconds(10));
      health = running.Health(spec.service);
    }
    EXPECT_EQ(health, HealthCheckResponse::NOT_SERVING);

    if (close_stream) {
      ASSERT_TRUE(stream->Write(make_request(2)));  // Still served.
      ASSERT_TRUE(stream->Read(&response));
      ASSERT_TRUE(stream->WritesDone());
      EXPECT_FALSE(stream->Read(&response));
      EXPECT_TRUE(stream->Finish().ok());
      EXPECT_EQ(running.process().WaitForExit(absl::Seconds(60)), 0);
      EXPECT_THAT(running.process().Stdout(),
                  HasSubstr("\"drained_before_deadline\":true"));
    } else {
      EXPECT_EQ(running.process().WaitForExit(absl::Seconds(60)), 0);
      EXPECT_FALSE(stream->Read(&response));
      EXPECT_FALSE(stream->Finish().ok());
      EXPECT_THAT(running.process().Stdout(),
                  HasSubstr("\"drained_before_deadline\":false"));
    }
  }
}

[[maybe_unused]] std::optional<ServiceSpec> BuiltSpec(
    const std::string& binary) {
  for (ServiceSpec& spec : BuiltSpecs()) {
    if (spec.binary == binary) return spec;
  }
  return std::nullopt;
}

#ifdef GOVREPORT_HAS_PARSER_SVC
TEST(ParserSvc, StreamHoldsTheDrainUntilClosedOrTheDeadline) {
  std::optional<ServiceSpec> spec = BuiltSpec("parser-svc");
  ASSERT_TRUE(spec.has_value()) << "parser-svc is not built";
  CheckStreamDrain<v1::Parser::Stub, v1::ParseRequest, v1::ParseResponse>(
      *spec,
      [](v1::Parser::Stub& stub, grpc::ClientContext* context) {
        return stub.ParseStream(context);
      },
      [](int i) {
        v1::ParseRequest request;
        request.set_name(absl::StrCat("doc-", i, ".txt"));
        return request;
      },
      [](std::shared_ptr<grpc::Channel> channel) {
        return v1::Parser::NewStub(channel);
      });
}

std::string ReadSample(const std::string& relative) {
  std::ifstream in(absl::StrCat(GOVREPORT_DATA_DIR, "/", relative),
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(ParserSvc, ParsesWithTheGazetteerAndAnswersErrorsPerDocument) {
  std::optional<ServiceSpec> spec = BuiltSpec("parser-svc");
  ASSERT_TRUE(spec.has_value());
  const std::string sample =
      ReadSample("samples/real/pingtan-2023-flattened.txt");
  ASSERT_FALSE(sample.empty());
  // The limit is the sample's size: one byte more is refused.
  RunningService running(
      *spec, {absl::StrCat("--max_document_bytes=", sample.size())});
  ASSERT_EQ(running.StartError(), "");
  auto stub = v1::Parser::NewStub(running.channel());

  {
    grpc::ClientContext context;
    v1::ParseRequest request;
    request.set_name("pingtan-2023.txt");
    request.set_content(sample);
    v1::ParseResponse response;
    grpc::Status status = stub->Parse(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.name(), "pingtan-2023.txt");
    EXPECT_EQ(response.report().year(), 2023);
    EXPECT_EQ(response.report().region_code(), "350128");  // Gazetteer.
  }
  {
    grpc::ClientContext context;
    v1::ParseRequest request;
    request.set_name("empty.txt");
    v1::ParseResponse response;
    grpc::Status status = stub->Parse(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(), "empty.txt: empty document (0 bytes)");
  }

  grpc::ClientContext context;
  auto stream = stub->ParseStream(&context);
  std::vector<v1::ParseRequest> requests(3);
  requests[0].set_name("empty.txt");
  requests[1].set_name("pingtan-2023.txt");
  requests[1].set_content(sample);
  requests[2].set_name("too-big.txt");
  requests[2].set_content(sample + "\n");
  for (const v1::ParseRequest& request : requests) {
    ASSERT_TRUE(stream->Write(request));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::vector<v1::ParseResponse> responses;
  v1::ParseResponse response;
  while (stream->Read(&response)) responses.push_back(response);
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[0].name(), "empty.txt");
  EXPECT_EQ(responses[0].error_code(), 3);
  EXPECT_EQ(responses[0].error_message(),
            "empty.txt: empty document (0 bytes)");
  EXPECT_FALSE(responses[0].has_report());
  EXPECT_EQ(responses[1].name(), "pingtan-2023.txt");
  EXPECT_EQ(responses[1].error_code(), 0);
  EXPECT_EQ(responses[1].report().region_code(), "350128");
  EXPECT_EQ(responses[2].name(), "too-big.txt");
  EXPECT_EQ(responses[2].error_code(), 8);
  EXPECT_THAT(
      responses[2].error_message(),
      HasSubstr(absl::StrCat("over the limit of ", sample.size(), " bytes")));
}
#endif  // GOVREPORT_HAS_PARSER_SVC

#ifdef GOVREPORT_HAS_VALIDATOR_SVC
TEST(ValidatorSvc, StreamHoldsTheDrainUntilClosedOrTheDeadline) {
  std::optional<ServiceSpec> spec = BuiltSpec("validator-svc");
  ASSERT_TRUE(spec.has_value()) << "validator-svc is not built";
  CheckStreamDrain<v1::Validator::Stub, v1::ValidateRequest,
                   v1::ValidateResponse>(
      *spec,
      [](v1::Validator::Stub& stub, grpc::ClientContext* context) {
        return stub.ValidateStream(context);
      },
      [](int i) {
        v1::ValidateRequest request;
        request.mutable_report()->set_id(absl::StrCat("report-", i));
        return request;
      },
      [](std::shared_ptr<grpc::Channel> channel) {
        return v1::Validator::NewStub(channel);
      });
}

TEST(ValidatorSvc, AnswersARequestWithoutAReportInItsOwnResponse) {
  std::optional<ServiceSpec> spec = BuiltSpec("validator-svc");
  ASSERT_TRUE(spec.has_value());
  RunningService running(*spec, {});
  ASSERT_EQ(running.StartError(), "");
  auto stub = v1::Validator::NewStub(running.channel());
  {
    grpc::ClientContext context;
    v1::ValidateResponse response;
    grpc::Status status =
        stub->Validate(&context, v1::ValidateRequest(), &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(),
              "the request carries no report to validate");
  }
  grpc::ClientContext context;
  auto stream = stub->ValidateStream(&context);
  v1::ValidateRequest with_report;
  with_report.mutable_report()->set_id("r-2");
  ASSERT_TRUE(stream->Write(v1::ValidateRequest()));
  ASSERT_TRUE(stream->Write(with_report));
  ASSERT_TRUE(stream->WritesDone());
  std::vector<v1::ValidateResponse> responses;
  v1::ValidateResponse response;
  while (stream->Read(&response)) responses.push_back(response);
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].error_code(), 3);
  EXPECT_EQ(responses[0].error_message(),
            "the request carries no report to validate");
  EXPECT_EQ(responses[1].error_code(), 0);
  EXPECT_EQ(responses[1].report_id(), "r-2");
}
#endif  // GOVREPORT_HAS_VALIDATOR_SVC

}  // namespace
}  // namespace govreport
