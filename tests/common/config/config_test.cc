#include "common/config.h"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_FLAG(int32_t, cfg_port, 50051, "A port.");
ABSL_FLAG(std::string, cfg_name, "parser", "A name.");
ABSL_FLAG(bool, cfg_enabled, false, "A switch.");
ABSL_FLAG(double, cfg_ratio, 0.5, "A ratio.");

namespace govreport::config {
namespace {

using ::testing::HasSubstr;

Environment FakeEnvironment(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

class ConfigTest : public testing::Test {
 private:
  absl::FlagSaver saver_;  // Restores every flag after each test.
};

TEST(EnvironmentVariableFor, UppercasesWithThePrefix) {
  EXPECT_EQ(EnvironmentVariableFor("max_message_bytes"),
            "GOVREPORT_MAX_MESSAGE_BYTES");
  EXPECT_EQ(EnvironmentVariableFor("port"), "GOVREPORT_PORT");
  EXPECT_EQ(DescribeSetting("db"), "--db (env GOVREPORT_DB)");
}

TEST_F(ConfigTest, EnvironmentSetsFlagsOfEveryType) {
  ASSERT_TRUE(ApplyEnvironmentOverrides(
                  FakeEnvironment({{"GOVREPORT_CFG_PORT", "6000"},
                                   {"GOVREPORT_CFG_NAME", "validator"},
                                   {"GOVREPORT_CFG_ENABLED", "true"},
                                   {"GOVREPORT_CFG_RATIO", "0.25"}}))
                  .ok());
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_port), 6000);
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_name), "validator");
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_enabled), true);
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_ratio), 0.25);
}

TEST_F(ConfigTest, UnsetVariablesLeaveDefaults) {
  ASSERT_TRUE(
      ApplyEnvironmentOverrides(FakeEnvironment({{"GOVREPORT_CFG_NAME", ""}}))
          .ok());
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_port), 50051);
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_name), "");  // Set, to empty.
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_enabled), false);
}

TEST_F(ConfigTest, ABadValueNamesTheVariableTheValueAndTheFlag) {
  absl::Status status = ApplyEnvironmentOverrides(
      FakeEnvironment({{"GOVREPORT_CFG_PORT", "fifty"}}));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(),
              HasSubstr("GOVREPORT_CFG_PORT='fifty' is not a valid value for "
                        "--cfg_port: "));
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_port), 50051);
}

TEST_F(ConfigTest, AbseilBuiltInFlagsAreNotReadFromTheEnvironment) {
  ASSERT_TRUE(
      ApplyEnvironmentOverrides(FakeEnvironment({{"GOVREPORT_FLAGFILE", "/x"},
                                                 {"GOVREPORT_UNDEFOK", "a,b"}}))
          .ok());
  EXPECT_EQ(absl::FindCommandLineFlag("flagfile")->CurrentValue(), "");
  EXPECT_EQ(absl::FindCommandLineFlag("undefok")->CurrentValue(), "");
}

TEST(HelpText, ListsProjectFlagsWithVariableAndDefault) {
  const std::string help =
      HelpText({.program = "demo-svc", .usage = "Serves demos."});
  EXPECT_THAT(help, HasSubstr("demo-svc "));
  EXPECT_THAT(help, HasSubstr("Serves demos."));
  EXPECT_THAT(help, HasSubstr("\n  --cfg_port  [GOVREPORT_CFG_PORT]  "
                              "default: 50051\n      A port.\n"));
  EXPECT_THAT(help, testing::Not(HasSubstr("--flagfile")));
}

// The full start-up sequence against the real process environment. Only this
// test calls ParseFlags (usage can be registered once per process).
TEST_F(ConfigTest, CommandLineWinsOverEnvironmentWhichWinsOverDefault) {
  setenv("GOVREPORT_CFG_PORT", "6001", 1);
  setenv("GOVREPORT_CFG_NAME", "from-env", 1);
  char arg0[] = "demo-svc";
  char arg1[] = "--cfg_port=7002";
  char arg2[] = "positional";
  char* argv[] = {arg0, arg1, arg2};
  std::vector<char*> rest =
      ParseFlags(3, argv, {.program = "demo-svc", .usage = "Serves demos."});
  unsetenv("GOVREPORT_CFG_PORT");
  unsetenv("GOVREPORT_CFG_NAME");
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_port), 7002);
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_name), "from-env");
  EXPECT_EQ(absl::GetFlag(FLAGS_cfg_ratio), 0.5);
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_STREQ(rest[1], "positional");
}

TEST(ParseFlagsDeathTest, VersionAndHelpExitZero) {
  char arg0[] = "demo-svc";
  char version[] = "--version";
  char help[] = "--help";
  char* version_argv[] = {arg0, version};
  char* help_argv[] = {arg0, help};
  EXPECT_EXIT(ParseFlags(2, version_argv, {.program = "demo-svc", .usage = ""}),
              testing::ExitedWithCode(0), "");
  EXPECT_EXIT(ParseFlags(2, help_argv, {.program = "demo-svc", .usage = ""}),
              testing::ExitedWithCode(0), "");
}

TEST(ParseFlagsDeathTest, ABadEnvironmentValueExitsTwoNamingTheVariable) {
  char arg0[] = "demo-svc";
  char* argv[] = {arg0};
  EXPECT_EXIT(
      {
        setenv("GOVREPORT_CFG_ENABLED", "maybe", 1);
        ParseFlags(1, argv, {.program = "demo-svc", .usage = ""});
      },
      testing::ExitedWithCode(2),
      "demo-svc: GOVREPORT_CFG_ENABLED='maybe' is not a valid value for "
      "--cfg_enabled");
}

}  // namespace
}  // namespace govreport::config
