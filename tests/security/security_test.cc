// The three real service binaries on loopback with TLS, mutual TLS, roles
// per caller and the server-side deadline, driven by real clients (the CLI
// and gRPC stubs). Certificates come from the openssl CLI at test time.

#include <stdlib.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/net/client_channel.h"
#include "common/server/access_policy.h"
#include "common/sha256.h"
#include "gmock/gmock.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "govreport/v1/parser.grpc.pb.h"
#include "govreport/v1/validator.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "tests/integration/process.h"
#include "tests/security/test_certificates.h"

namespace govreport {
namespace {

using ::grpc::health::v1::Health;
using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;
using testing::ChildProcess;
using testing::FreeLoopbackPort;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ReadFileOrEmpty;
using testing::RunResult;
using testing::RunToCompletion;
using testing::TestPki;

// An idle test client would otherwise ack a server's GOAWAY only every 5 s.
const bool kFastClientPolling = [] {
  setenv("GRPC_CLIENT_CHANNEL_BACKUP_POLL_INTERVAL_MS", "50", 1);
  return true;
}();

// Generous bounds for processes under AddressSanitizer on a busy machine.
constexpr absl::Duration kStartLimit = absl::Seconds(90);
constexpr absl::Duration kCallLimit = absl::Seconds(60);

constexpr char kIngestToken[] = "tok-ingest-SECRET-4242";
constexpr char kReadToken[] = "tok-read-SECRET-4343";
constexpr char kDocumentMarker[] = "SECRET-DOCUMENT-TEXT-9917";

std::string Binary(const std::string& name) {
  return absl::StrCat(GOVREPORT_BIN_DIR, "/", name);
}

std::string ScratchDir() {
  std::string pattern = ::testing::TempDir() + "/govreport-security-XXXXXX";
  char* dir = mkdtemp(pattern.data());
  return dir == nullptr ? ::testing::TempDir() : std::string(dir);
}

std::string HashHex(const std::string& token) { return Sha256Hex(token); }

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A started service and its ports; stopped (SIGKILL) on destruction.
struct Service {
  std::unique_ptr<ChildProcess> process;
  int port = 0;
  int metrics_port = 0;
  std::string address() const { return absl::StrCat("localhost:", port); }
  std::string Logs() const { return process->Stdout() + process->Stderr(); }
};

Service Start(const std::string& binary, std::vector<std::string> args,
              bool metrics = false) {
  Service service;
  service.port = FreeLoopbackPort();
  service.metrics_port = metrics ? FreeLoopbackPort() : 0;
  args.push_back(absl::StrCat("--port=", service.port));
  args.push_back(absl::StrCat("--metrics_port=", service.metrics_port));
  args.push_back("--host=127.0.0.1");
  absl::StatusOr<std::unique_ptr<ChildProcess>> child =
      ChildProcess::Start(Binary(binary), args);
  EXPECT_TRUE(child.ok()) << child.status();
  if (!child.ok()) return service;
  service.process = *std::move(child);
  EXPECT_TRUE(service.process->WaitForStdoutLine("\"serving\"", kStartLimit)
                  .has_value())
      << binary << " did not start: " << service.process->Stdout()
      << service.process->Stderr();
  return service;
}

std::shared_ptr<grpc::Channel> Channel(const std::string& target,
                                       net::ClientSecurity security) {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      net::NewClientChannel(target, security, grpc::ChannelArguments());
  EXPECT_TRUE(channel.ok()) << channel.status();
  return channel.ok() ? *channel : nullptr;
}

void SetDeadline(grpc::ClientContext* context) {
  context->set_deadline(absl::ToChronoTime(absl::Now() + kCallLimit));
}

grpc::Status Validate(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = v1::Validator::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  v1::ValidateRequest request;
  request.mutable_report()->set_id("report-1");
  v1::ValidateResponse response;
  grpc::Status status = stub->Validate(&context, request, &response);
  if (status.ok() && response.report_id() != "report-1") {
    return grpc::Status(grpc::StatusCode::INTERNAL, "report_id not echoed");
  }
  return status;
}

grpc::Status ParseStream(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = v1::Parser::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  auto stream = stub->ParseStream(&context);
  v1::ParseRequest request;
  request.set_name("probe.txt");
  request.set_content("一、总体情况");
  stream->Write(request);
  stream->WritesDone();
  v1::ParseResponse response;
  while (stream->Read(&response)) {
  }
  return stream->Finish();
}

grpc::Status GetRegionStats(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = v1::Aggregator::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  v1::GetRegionStatsRequest request;
  request.set_region_code("35");
  request.set_year(2023);
  v1::GetRegionStatsResponse response;
  return stub->GetRegionStats(&context, request, &response);
}

v1::IngestRequest ProbeDocument() {
  v1::IngestRequest request;
  request.mutable_document()->set_name("probe.txt");
  request.mutable_document()->set_content(
      absl::StrCat("一、总体情况 ", kDocumentMarker));
  return request;
}

grpc::Status IngestUnary(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = v1::Aggregator::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  v1::IngestResponse response;
  return stub->Ingest(&context, ProbeDocument(), &response);
}

grpc::Status IngestStream(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = v1::Aggregator::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  v1::IngestStreamResponse response;
  auto writer = stub->IngestStream(&context, &response);
  writer->Write(ProbeDocument());
  writer->WritesDone();
  return writer->Finish();
}

std::string Health(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = Health::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, HealthCheckRequest(), &response);
  if (!status.ok()) return "error: " + status.error_message();
  return HealthCheckResponse::ServingStatus_Name(response.status());
}

std::string Metrics(const Service& service) {
  absl::StatusOr<std::string> page =
      testing::HttpGet(service.metrics_port, "/metrics");
  return page.ok() ? *page : "";
}

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ScratchDir();
    absl::StatusOr<TestPki> pki = testing::MakeTestPki(dir_);
    ASSERT_TRUE(pki.ok()) << pki.status();
    pki_ = *pki;
  }

  std::vector<std::string> ServerTls(bool mutual) const {
    std::vector<std::string> args = {"--tls_cert_file=" + pki_.server.cert,
                                     "--tls_key_file=" + pki_.server.key};
    if (mutual) args.push_back("--tls_client_ca_file=" + pki_.ca);
    return args;
  }

  net::ClientSecurity Trusting(const std::string& ca) const {
    net::ClientSecurity security;
    security.ca_file = ca;
    return security;
  }
  net::ClientSecurity WithCert(const testing::CertAndKey& cert) const {
    net::ClientSecurity security = Trusting(pki_.ca);
    security.cert_file = cert.cert;
    security.key_file = cert.key;
    return security;
  }
  net::ClientSecurity WithToken(const std::string& token) const {
    net::ClientSecurity security = Trusting(pki_.ca);
    security.bearer_token = token;
    return security;
  }

  std::string dir_;
  TestPki pki_;
};

TEST_F(SecurityTest, TlsClientChecksTheServerCertificate) {
  Service validator = Start("validator-svc", ServerTls(/*mutual=*/false));
  ASSERT_NE(validator.process, nullptr);
  EXPECT_TRUE(Validate(Channel(validator.address(), Trusting(pki_.ca))).ok());
  grpc::Status other_ca =
      Validate(Channel(validator.address(), Trusting(pki_.other_ca)));
  EXPECT_EQ(other_ca.error_code(), grpc::StatusCode::UNAVAILABLE)
      << other_ca.error_message();
  grpc::Status plaintext = Validate(Channel(validator.address(), {}));
  EXPECT_EQ(plaintext.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(SecurityTest, MutualTlsRefusesClientsWithoutAValidCertificate) {
  Service validator = Start("validator-svc", ServerTls(/*mutual=*/true));
  ASSERT_NE(validator.process, nullptr);
  grpc::Status no_cert =
      Validate(Channel(validator.address(), Trusting(pki_.ca)));
  EXPECT_EQ(no_cert.error_code(), grpc::StatusCode::UNAVAILABLE)
      << no_cert.error_message();
  grpc::Status rogue =
      Validate(Channel(validator.address(), WithCert(pki_.rogue)));
  EXPECT_EQ(rogue.error_code(), grpc::StatusCode::UNAVAILABLE)
      << rogue.error_message();
  grpc::Status good =
      Validate(Channel(validator.address(), WithCert(pki_.aggregator)));
  EXPECT_TRUE(good.ok()) << good.error_message();
}

TEST_F(SecurityTest, UnreadableCertificateOrAuthFileIsAStartupError) {
  const std::vector<std::string> base = {"--port=0", "--metrics_port=0",
                                         "--host=127.0.0.1"};
  auto run = [&](const std::string& binary, std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return RunToCompletion(Binary(binary), args, {}, kStartLimit);
  };
  RunResult missing_cert =
      run("validator-svc", {"--tls_cert_file=" + dir_ + "/missing.pem",
                            "--tls_key_file=" + pki_.server.key});
  EXPECT_EQ(missing_cert.exit_code, 1);
  EXPECT_THAT(missing_cert.out + missing_cert.err,
              HasSubstr("--tls_cert_file: cannot read " + dir_ +
                        "/missing.pem: No such file or directory"));

  RunResult not_pem =
      run("parser-svc", {"--tls_cert_file=" + pki_.server.cert,
                         "--tls_key_file=" + pki_.server.key,
                         "--tls_client_ca_file=" + dir_ + "/server.ext"});
  EXPECT_EQ(not_pem.exit_code, 1);
  EXPECT_THAT(not_pem.out + not_pem.err,
              HasSubstr("--tls_client_ca_file: " + dir_ +
                        "/server.ext is not a PEM file"));

  RunResult missing_auth =
      run("validator-svc", {"--auth_config=" + dir_ + "/missing.conf"});
  EXPECT_EQ(missing_auth.exit_code, 1);
  EXPECT_THAT(missing_auth.out + missing_auth.err,
              HasSubstr("--auth_config: cannot read the auth config " + dir_ +
                        "/missing.conf"));

  RunResult missing_upstream =
      run("aggregator-svc", {"--db=sqlite://" + dir_ + "/store.db",
                             "--upstream_tls_ca_file=" + pki_.ca,
                             "--upstream_tls_cert_file=" + dir_ + "/none.pem",
                             "--upstream_tls_key_file=" + pki_.aggregator.key});
  EXPECT_EQ(missing_upstream.exit_code, 1);
  EXPECT_THAT(missing_upstream.out + missing_upstream.err,
              HasSubstr("--upstream_tls_cert_file: cannot read " + dir_ +
                        "/none.pem: No such file or directory"));
}

TEST_F(SecurityTest, ServerDeadlineEndsCallsWhoseClientSetNone) {
  Service validator = Start(
      "validator-svc", {"--inject_latency_ms=3000", "--max_call_seconds=1"},
      /*metrics=*/true);
  ASSERT_NE(validator.process, nullptr);
  auto channel = Channel(validator.address(), {});
  auto stub = v1::Validator::NewStub(channel);
  {
    grpc::ClientContext context;  // No deadline.
    v1::ValidateRequest request;
    request.mutable_report()->set_id("report-1");
    v1::ValidateResponse response;
    grpc::Status status = stub->Validate(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
    EXPECT_EQ(status.error_message(),
              "the server's deadline of 1 s (--max_call_seconds) passed "
              "without progress");
  }
  {
    grpc::ClientContext context;  // No deadline.
    auto stream = stub->ValidateStream(&context);
    v1::ValidateRequest request;
    request.mutable_report()->set_id("report-2");
    ASSERT_TRUE(stream->Write(request));
    v1::ValidateResponse response;
    EXPECT_FALSE(stream->Read(&response));
    grpc::Status status = stream->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  }
  // Health is exempt, and still answers.
  EXPECT_EQ(Health(channel), "SERVING");
  const std::string metrics = Metrics(validator);
  EXPECT_THAT(
      metrics,
      HasSubstr("govreport_server_deadline_exceeded_total{grpc_method="
                "\"Validate\",grpc_service=\"govreport.v1.Validator\"} 1"));
  EXPECT_THAT(metrics,
              HasSubstr("govreport_server_deadline_exceeded_total{grpc_method="
                        "\"ValidateStream\",grpc_service=\"govreport.v1."
                        "Validator\"} 1"));
}

TEST_F(SecurityTest, ConnectionsAreAgedOutAndClientsReconnect) {
  Service validator =
      Start("validator-svc", {"--max_connection_age_seconds=1"});
  ASSERT_NE(validator.process, nullptr);
  auto channel = Channel(validator.address(), {});
  ASSERT_TRUE(Validate(channel).ok());
  ASSERT_EQ(channel->GetState(false), GRPC_CHANNEL_READY);
  // The server's GOAWAY (after about 1 s) takes the channel out of READY...
  EXPECT_TRUE(channel->WaitForStateChange(
      GRPC_CHANNEL_READY, absl::ToChronoTime(absl::Now() + kCallLimit)));
  // ...and the next call connects again.
  EXPECT_TRUE(Validate(channel).ok());
}

// parser-svc and validator-svc with mTLS, admitting only the aggregator's
// certificate (role "process"); aggregator-svc with TLS and tokens for the
// "ingest" and "read" roles; the CLI and stubs as callers.
TEST_F(SecurityTest, EndToEndOverMutualTlsWithSeparateIngestAndReadRoles) {
  const std::string upstream_auth = dir_ + "/upstream-auth.conf";
  WriteFile(upstream_auth, "identity aggregator roles=process\n");
  const std::string aggregator_auth = dir_ + "/aggregator-auth.conf";
  WriteFile(aggregator_auth,
            absl::StrCat("token ", HashHex(kIngestToken),
                         " roles=ingest name=loader\n", "token ",
                         HashHex(kReadToken), " roles=read name=dashboard\n"));

  std::vector<std::string> upstream_args = ServerTls(/*mutual=*/true);
  upstream_args.push_back("--auth_config=" + upstream_auth);
  Service parser = Start("parser-svc", upstream_args);
  Service validator = Start("validator-svc", upstream_args);
  ASSERT_NE(parser.process, nullptr);
  ASSERT_NE(validator.process, nullptr);
  std::vector<std::string> aggregator_args = ServerTls(/*mutual=*/false);
  aggregator_args.insert(aggregator_args.end(),
                         {"--auth_config=" + aggregator_auth,
                          "--db=sqlite://" + dir_ + "/store.db",
                          "--parser_address=" + parser.address(),
                          "--validator_address=" + validator.address(),
                          "--upstream_tls_ca_file=" + pki_.ca,
                          "--upstream_tls_cert_file=" + pki_.aggregator.cert,
                          "--upstream_tls_key_file=" + pki_.aggregator.key});
  Service aggregator =
      Start("aggregator-svc", aggregator_args, /*metrics=*/true);
  ASSERT_NE(aggregator.process, nullptr);

  // A real report with a distinctive line, ingested by the CLI over TLS.
  const std::string document = dir_ + "/pingtan-2023.txt";
  WriteFile(document, ReadFileOrEmpty(absl::StrCat(
                          GOVREPORT_DATA_DIR,
                          "/samples/real/pingtan-2023-flattened.txt")) +
                          absl::StrCat("\n", kDocumentMarker, "\n"));
  const std::vector<std::string> tls = {"--server", aggregator.address(),
                                        "--tls-ca", pki_.ca};
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin() + 1, tls.begin(), tls.end());
    return RunToCompletion(Binary("govreport"), args, {}, kCallLimit);
  };
  RunResult ingest = cli({"ingest", "--token", kIngestToken, document});
  EXPECT_EQ(ingest.exit_code, 0) << ingest.out << ingest.err;
  EXPECT_THAT(ingest.out,
              HasSubstr("ingested 1 files: 1 stored, 0 already present, "
                        "0 failed"));

  // Reading needs "read": the read token works, the ingest token does not.
  RunResult stats = cli({"stats", "--token", kReadToken, "--region", "35",
                         "--year", "2023", "--format", "csv"});
  EXPECT_EQ(stats.exit_code, 0) << stats.out << stats.err;
  RunResult stats_as_loader = cli(
      {"stats", "--token", kIngestToken, "--region", "35", "--year", "2023"});
  EXPECT_EQ(stats_as_loader.exit_code, 2);
  EXPECT_THAT(stats_as_loader.err,
              HasSubstr("token:loader lacks the role \"read\""));
  RunResult stats_from_env =
      RunToCompletion(Binary("govreport"),
                      {"stats", "--server", aggregator.address(), "--tls-ca",
                       pki_.ca, "--region", "35", "--year", "2023"},
                      {{"GOVREPORT_TOKEN", kReadToken}}, kCallLimit);
  EXPECT_EQ(stats_from_env.exit_code, 0) << stats_from_env.err;
  RunResult stats_anonymous =
      cli({"stats", "--region", "35", "--year", "2023"});
  EXPECT_EQ(stats_anonymous.exit_code, 2);
  EXPECT_THAT(stats_anonymous.err, HasSubstr("no credential"));

  // Ingesting needs "ingest", for the unary and the streaming method.
  auto as_reader = Channel(aggregator.address(), WithToken(kReadToken));
  EXPECT_EQ(IngestUnary(as_reader).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(IngestStream(as_reader).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(GetRegionStats(as_reader).ok());
  auto unknown = Channel(aggregator.address(), WithToken("tok-guessed"));
  EXPECT_EQ(GetRegionStats(unknown).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(IngestStream(unknown).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // Health stays open.
  EXPECT_EQ(Health(Channel(aggregator.address(), Trusting(pki_.ca))),
            "SERVING");

  // Upstreams: a certificate from the right CA that the config does not
  // list gets nothing; the aggregator's gets "process".
  auto intruder = Channel(parser.address(), WithCert(pki_.intruder));
  EXPECT_EQ(ParseStream(intruder).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Validate(Channel(validator.address(), WithCert(pki_.intruder)))
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(
      Validate(Channel(validator.address(), WithCert(pki_.aggregator))).ok());
  EXPECT_EQ(Health(intruder), "SERVING");

  // Refusals are counted by code.
  const std::string metrics = Metrics(aggregator);
  EXPECT_THAT(metrics,
              HasSubstr("govreport_access_denied_total{grpc_code=\"PERMISSION_"
                        "DENIED\",grpc_method=\"Ingest\",grpc_service="
                        "\"govreport.v1.Aggregator\"} 1"));
  EXPECT_THAT(metrics,
              HasSubstr("govreport_access_denied_total{grpc_code="
                        "\"UNAUTHENTICATED\",grpc_method=\"IngestStream\","
                        "grpc_service=\"govreport.v1.Aggregator\"} 1"));
  EXPECT_THAT(metrics,
              HasSubstr("govreport_access_denied_total{grpc_code=\"PERMISSION_"
                        "DENIED\",grpc_method=\"GetRegionStats\",grpc_service="
                        "\"govreport.v1.Aggregator\"} 1"));

  // At info level, no service logs the document text, a token or a key;
  // refusals are logged (without the token).
  const std::string key_text = ReadFileOrEmpty(pki_.server.key);
  for (const Service* service : {&parser, &validator, &aggregator}) {
    const std::string logs = service->Logs();
    EXPECT_THAT(logs, Not(HasSubstr(kDocumentMarker)));
    EXPECT_THAT(logs, Not(HasSubstr("总体情况")));
    EXPECT_THAT(logs, Not(HasSubstr(kIngestToken)));
    EXPECT_THAT(logs, Not(HasSubstr(kReadToken)));
    EXPECT_THAT(logs, Not(HasSubstr("tok-guessed")));
    EXPECT_THAT(logs, Not(HasSubstr("PRIVATE KEY")));
    EXPECT_THAT(logs, Not(HasSubstr(key_text.substr(40, 40))));
  }
  EXPECT_THAT(aggregator.Logs(), HasSubstr("\"caller\":\"token:loader\""));
  EXPECT_THAT(parser.Logs(), HasSubstr("\"caller\":\"identity:intruder\""));
}

}  // namespace
}  // namespace govreport
