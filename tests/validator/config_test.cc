#include "validator-svc/config.h"

#include <cstdio>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "validator-svc/rule_registry.h"

namespace govreport::validator {
namespace {

using ::testing::HasSubstr;

TEST(Registry, ListsEverySingleReportRuleOnceInContractOrder) {
  std::vector<std::string> ids;
  for (const Rule* rule : AllRules()) ids.emplace_back(rule->id());
  EXPECT_THAT(ids, ::testing::ElementsAre(
                       "T3-ROW", "T3-COL", "T3-SUM", "T4-SUM", "CELL-INVALID",
                       "TABLE-MISSING", "CELL-BLANK", "SECTION-MISSING",
                       "TEMPLATE-OUTDATED", "NARRATIVE-MISMATCH",
                       "AGENCY-MISMATCH", "YEAR-MISMATCH", "FEE-UNIT",
                       "FEE-NOTICE", "ZERO-REPORT", "LABEL-MODIFIED"));
  EXPECT_EQ(FindRule("FEE-UNIT")->default_severity(), v1::SEVERITY_WARNING);
  EXPECT_EQ(FindRule("ZERO-REPORT")->default_severity(), v1::SEVERITY_INFO);
  EXPECT_EQ(FindRule("T4-SUM")->default_severity(), v1::SEVERITY_ERROR);
  EXPECT_EQ(FindRule("NOPE"), nullptr);
}

TEST(Config, ParsesSeveritiesDisabledRulesAndThresholds) {
  absl::StatusOr<ValidatorConfig> config = ParseValidatorConfig(R"({
    "severities": {"CELL-BLANK": "ERROR", "TEXT-REUSE": "INFO"},
    "disabled": ["LABEL-MODIFIED", "STOCK-CONTINUITY"],
    "thresholds": {"fee_unit_max_wan": 500000, "text_reuse_share": 0.7}})");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(SeverityFor(*config, "CELL-BLANK", v1::SEVERITY_WARNING),
            v1::SEVERITY_ERROR);
  EXPECT_EQ(SeverityFor(*config, "TEXT-REUSE", v1::SEVERITY_WARNING),
            v1::SEVERITY_INFO);
  EXPECT_EQ(SeverityFor(*config, "T3-ROW", v1::SEVERITY_ERROR),
            v1::SEVERITY_ERROR);
  EXPECT_FALSE(IsEnabled(*config, "LABEL-MODIFIED"));
  EXPECT_TRUE(IsEnabled(*config, "T3-ROW"));
  EXPECT_EQ(config->thresholds.at("fee_unit_max_wan"), 500000);
  EXPECT_EQ(config->thresholds.at("text_reuse_share"), 0.7);
}

TEST(Config, EmptyConfigMeansContractDefaults) {
  absl::StatusOr<ValidatorConfig> config = ParseValidatorConfig("{}");
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->severities.empty());
  EXPECT_TRUE(config->disabled.empty());
  EXPECT_EQ(DefaultThreshold("fee_unit_max_wan"), 1e6);
  EXPECT_EQ(DefaultThreshold("text_reuse_share"), 0.8);
}

TEST(Config, ErrorsNameTheSourceAndTheKey) {
  auto message = [](const char* json) {
    return std::string(
        ParseValidatorConfig(json, "province.json").status().message());
  };
  EXPECT_EQ(message("{\"severities\": {\"T9-XYZ\": \"ERROR\"}}"),
            "province.json: severities.T9-XYZ: unknown rule id");
  EXPECT_EQ(message("{\"severities\": {\"T3-ROW\": \"FATAL\"}}"),
            "province.json: severities.T3-ROW: must be \"INFO\", \"WARNING\" "
            "or \"ERROR\"");
  EXPECT_EQ(message("{\"disabled\": [\"T3-ROW\", 7]}"),
            "province.json: disabled: 7 is not a rule id");
  EXPECT_EQ(message("{\"thresholds\": {\"speed\": 1}}"),
            "province.json: thresholds.speed: unknown threshold");
  EXPECT_EQ(message("{\"thresholds\": {\"fee_unit_max_wan\": -1}}"),
            "province.json: thresholds.fee_unit_max_wan: must be a "
            "non-negative number");
  EXPECT_EQ(message("{\"rules\": {}}"),
            "province.json: unknown member \"rules\" (expected \"severities\", "
            "\"disabled\" or \"thresholds\")");
  EXPECT_EQ(message("[1"), "province.json: not valid JSON");
}

TEST(Config, LoadsAFileAndNamesAMissingOne) {
  std::string path = ::testing::TempDir() + "/validator_config_test.json";
  std::ofstream(path) << R"({"disabled": ["ZERO-REPORT"]})";
  absl::StatusOr<ValidatorConfig> config = LoadValidatorConfig(path);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_FALSE(IsEnabled(*config, "ZERO-REPORT"));
  std::remove(path.c_str());
  absl::StatusOr<ValidatorConfig> missing = LoadValidatorConfig(path);
  EXPECT_FALSE(missing.ok());
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr(path));
}

}  // namespace
}  // namespace govreport::validator
