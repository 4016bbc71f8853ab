#include "common/log.h"

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace govreport::logging {
namespace {

// 2023-11-14T22:13:20.123Z
const absl::Time kTime = absl::FromUnixMillis(1700000000123);

TEST(FormatLine, IsOneJsonObjectWithTimeLevelMessageFields) {
  EXPECT_EQ(FormatLine(kTime, Level::kInfo, "serving",
                       {{"port", 50051}, {"program", "parser-svc"}}),
            R"({"time":"2023-11-14T22:13:20.123Z","level":"info",)"
            R"("message":"serving","fields":{"port":50051,)"
            R"("program":"parser-svc"}})");
}

TEST(FormatLine, AlwaysHasAFieldsObject) {
  EXPECT_EQ(FormatLine(kTime, Level::kError, "stopped", {}),
            R"({"time":"2023-11-14T22:13:20.123Z","level":"error",)"
            R"("message":"stopped","fields":{}})");
  EXPECT_EQ(FormatLine(kTime, Level::kWarning, "odd", 42),
            R"({"time":"2023-11-14T22:13:20.123Z","level":"warning",)"
            R"("message":"odd","fields":{"value":42}})");
}

TEST(FormatLine, EscapesNewlinesAndQuotesSoALineStaysOneLine) {
  const std::string line =
      FormatLine(kTime, Level::kInfo, "a \"quoted\"\nsecond line",
                 {{"name", "报告\t2023.txt"}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["message"], "a \"quoted\"\nsecond line");
  EXPECT_EQ(parsed["fields"]["name"], "报告\t2023.txt");
}

TEST(FormatLine, ReplacesInvalidUtf8InsteadOfThrowing) {
  const std::string line =
      FormatLine(kTime, Level::kInfo, "bad \xff byte", {{"k", "\xc3"}});
  nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["message"], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(parsed["fields"]["k"], "\xEF\xBF\xBD");
}

TEST(ParseLevel, AcceptsTheFourNamesInAnyCase) {
  EXPECT_EQ(*ParseLevel("debug"), Level::kDebug);
  EXPECT_EQ(*ParseLevel("INFO"), Level::kInfo);
  EXPECT_EQ(*ParseLevel("Warning"), Level::kWarning);
  EXPECT_EQ(*ParseLevel("warn"), Level::kWarning);
  EXPECT_EQ(*ParseLevel("error"), Level::kError);
  absl::StatusOr<Level> bad = ParseLevel("verbose");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "log level 'verbose' is not one of debug, info, warning, error");
}

class WriteTest : public testing::Test {
 protected:
  void SetUp() override { SetOutput(&out_); }
  void TearDown() override {
    SetOutput(&std::cout);
    SetLevel(Level::kInfo);
  }
  std::vector<std::string> Lines() const {
    return absl::StrSplit(out_.str(), '\n', absl::SkipEmpty());
  }
  std::ostringstream out_;
};

TEST_F(WriteTest, DropsLinesBelowTheLevel) {
  SetLevel(Level::kWarning);
  Debug("d");
  Info("i");
  Warning("w", {{"n", 1}});
  Error("e");
  const std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  nlohmann::json first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["level"], "warning");
  EXPECT_EQ(first["message"], "w");
  EXPECT_EQ(first["fields"], nlohmann::json({{"n", 1}}));
  EXPECT_EQ(nlohmann::json::parse(lines[1])["level"], "error");
  EXPECT_EQ(out_.str().back(), '\n');
}

TEST_F(WriteTest, DebugLinesAppearOnlyAtDebugLevel) {
  Debug("document text", {{"text", "第一部分 总体情况"}});
  EXPECT_EQ(out_.str(), "");
  SetLevel(Level::kDebug);
  EXPECT_TRUE(Enabled(Level::kDebug));
  Debug("document text", {{"text", "第一部分 总体情况"}});
  ASSERT_EQ(Lines().size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(Lines()[0])["fields"]["text"],
            "第一部分 总体情况");
}

TEST_F(WriteTest, EveryLineHasExactlyTheFourKeys) {
  Info("one");
  Error("two", {{"error", "boom"}});
  for (const std::string& line : Lines()) {
    nlohmann::json parsed = nlohmann::json::parse(line);
    ASSERT_TRUE(parsed.is_object());
    EXPECT_EQ(parsed.size(), 4u);
    for (const char* key : {"time", "level", "message", "fields"}) {
      EXPECT_TRUE(parsed.contains(key)) << key;
    }
    EXPECT_TRUE(parsed["fields"].is_object());
  }
}

}  // namespace
}  // namespace govreport::logging
