#include "common/server/server_flags.h"

#include <string>

#include "absl/flags/reflection.h"
#include "absl/time/time.h"
#include "common/log.h"
#include "gtest/gtest.h"

namespace govreport::server {
namespace {

class ServerFlagsTest : public testing::Test {
 protected:
  void TearDown() override { logging::SetLevel(logging::Level::kInfo); }

  static void Set(const char* name, const char* value) {
    std::string error;
    ASSERT_TRUE(absl::FindCommandLineFlag(name)->ParseFrom(value, &error))
        << name << ": " << error;
  }

  static absl::StatusOr<ServerConfig> Read(int port = 50051,
                                           int metrics_port = 9101) {
    return ServerConfigFromFlags(
        {.program = "parser-svc", .port = port, .metrics_port = metrics_port});
  }

 private:
  absl::FlagSaver saver_;
};

TEST_F(ServerFlagsTest, DefaultsMatchTheTeamConventions) {
  absl::StatusOr<ServerConfig> config = Read();
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->program, "parser-svc");
  EXPECT_EQ(config->host, "0.0.0.0");
  EXPECT_EQ(config->port, 50051);
  EXPECT_EQ(config->metrics_port, 9101);
  EXPECT_EQ(config->max_message_bytes, 64 << 20);
  EXPECT_EQ(config->max_concurrent_calls, 64);
  EXPECT_EQ(config->worker_threads, 0);
  EXPECT_EQ(config->shutdown_deadline, absl::Seconds(20));
  EXPECT_EQ(config->keepalive_time, absl::Seconds(60));
  EXPECT_EQ(config->keepalive_timeout, absl::Seconds(20));
  EXPECT_EQ(config->inject_latency, absl::ZeroDuration());
  EXPECT_EQ(logging::GetLevel(), logging::Level::kInfo);
}

TEST_F(ServerFlagsTest, ReadsEveryFlag) {
  Set("host", "127.0.0.1");
  Set("max_message_bytes", "1048576");
  Set("max_concurrent_calls", "3");
  Set("worker_threads", "4");
  Set("keepalive_time_seconds", "30");
  Set("keepalive_timeout_seconds", "5");
  Set("shutdown_deadline_seconds", "7");
  Set("log_level", "debug");
  Set("inject_latency_ms", "1500");
  absl::StatusOr<ServerConfig> config = Read(0, 0);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->host, "127.0.0.1");
  EXPECT_EQ(config->port, 0);
  EXPECT_EQ(config->metrics_port, 0);
  EXPECT_EQ(config->max_message_bytes, 1048576);
  EXPECT_EQ(config->max_concurrent_calls, 3);
  EXPECT_EQ(config->worker_threads, 4);
  EXPECT_EQ(config->keepalive_time, absl::Seconds(30));
  EXPECT_EQ(config->keepalive_timeout, absl::Seconds(5));
  EXPECT_EQ(config->shutdown_deadline, absl::Seconds(7));
  EXPECT_EQ(config->inject_latency, absl::Milliseconds(1500));
  EXPECT_EQ(logging::GetLevel(), logging::Level::kDebug);
}

TEST_F(ServerFlagsTest, OutOfRangeValuesNameTheFlagAndVariable) {
  absl::StatusOr<ServerConfig> config = Read(70000);
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(config.status().message(),
            "--port (env GOVREPORT_PORT) must be 0..65535, got 70000");

  config = Read(50051, -1);
  EXPECT_EQ(config.status().message(),
            "--metrics_port (env GOVREPORT_METRICS_PORT) must be 0..65535, "
            "got -1");

  Set("max_concurrent_calls", "0");
  EXPECT_EQ(Read().status().message(),
            "--max_concurrent_calls (env GOVREPORT_MAX_CONCURRENT_CALLS) must "
            "be >= 1, got 0");
}

TEST_F(ServerFlagsTest, ABadLogLevelNamesTheVariable) {
  Set("log_level", "loud");
  EXPECT_EQ(Read().status().message(),
            "--log_level (env GOVREPORT_LOG_LEVEL): log level 'loud' is not "
            "one of debug, info, warning, error");
}

TEST_F(ServerFlagsTest, TinyMessageLimitIsRefused) {
  Set("max_message_bytes", "10");
  EXPECT_EQ(Read().status().message(),
            "--max_message_bytes (env GOVREPORT_MAX_MESSAGE_BYTES) must be "
            "1024..2147483647, got 10");
}

TEST_F(ServerFlagsTest, SecurityFlagsDefaultToPlaintextOpenAndBoundedCalls) {
  absl::StatusOr<ServerConfig> config = Read();
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->tls_cert_file, "");
  EXPECT_EQ(config->tls_key_file, "");
  EXPECT_EQ(config->tls_client_ca_file, "");
  EXPECT_EQ(config->auth_config_file, "");
  EXPECT_EQ(config->max_call_duration, absl::Seconds(120));
  EXPECT_EQ(config->max_connection_age, absl::Seconds(300));
  EXPECT_EQ(config->max_connection_age_grace, absl::InfiniteDuration());
}

TEST_F(ServerFlagsTest, ReadsTheSecurityFlags) {
  Set("tls_cert_file", "/etc/tls/tls.crt");
  Set("tls_key_file", "/etc/tls/tls.key");
  Set("tls_client_ca_file", "/etc/tls/ca.crt");
  Set("auth_config", "/etc/govreport/auth.conf");
  Set("max_call_seconds", "0");
  Set("max_connection_age_seconds", "60");
  absl::StatusOr<ServerConfig> config = Read();
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->tls_cert_file, "/etc/tls/tls.crt");
  EXPECT_EQ(config->tls_key_file, "/etc/tls/tls.key");
  EXPECT_EQ(config->tls_client_ca_file, "/etc/tls/ca.crt");
  EXPECT_EQ(config->auth_config_file, "/etc/govreport/auth.conf");
  EXPECT_EQ(config->max_call_duration, absl::ZeroDuration());
  EXPECT_EQ(config->max_connection_age, absl::Seconds(60));
}

TEST_F(ServerFlagsTest, NegativeDeadlineOrAgeIsRefusedByName) {
  Set("max_call_seconds", "-1");
  EXPECT_EQ(Read().status().message(),
            "--max_call_seconds (env GOVREPORT_MAX_CALL_SECONDS) must be >= 0, "
            "got -1");
  Set("max_call_seconds", "5");
  Set("max_connection_age_seconds", "-3");
  EXPECT_EQ(Read().status().message(),
            "--max_connection_age_seconds (env "
            "GOVREPORT_MAX_CONNECTION_AGE_SECONDS) must be >= 0, got -3");
}

}  // namespace
}  // namespace govreport::server
