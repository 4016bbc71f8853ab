#include "common/report/report_export.h"

#include <fstream>
#include <sstream>

#include "common/report/cell_keys.h"
#include "common/report/cell_table.h"
#include "common/report/enum_names.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport {
namespace {

nlohmann::ordered_json ReadJson(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return nlohmann::ordered_json::parse(buffer.str());
}

// Builds a Report carrying exactly an expected.json's metadata and cells.
v1::Report ReportFromExpected(const nlohmann::ordered_json& expected) {
  v1::Report report;
  if (!expected["year"].is_null()) report.set_year(expected["year"].get<int>());
  report.set_agency(expected["agency"].get<std::string>());
  report.set_agency_kind(
      *ParseAgencyKind(expected["agency_kind"].get<std::string>()));
  report.set_region_code(expected["region_code"].get<std::string>());
  for (const auto& code : expected["region_path"])
    report.add_region_path(code.get<std::string>());
  report.set_template_(*ParseTemplate(expected["template"].get<std::string>()));
  report.set_is_annual_report(expected["is_annual_report"].get<bool>());
  for (const auto& [key, value] : expected["cells"].items()) {
    v1::Cell* cell = report.add_cells();
    cell->set_key(key);
    if (value.is_null()) continue;
    if (IsAmountKey(key)) {
      cell->set_amount(value.get<double>());
    } else {
      cell->set_count(value.get<int64_t>());
    }
  }
  return report;
}

TEST(CellKeys, V2021HasTwoHundredKeysInContractOrder) {
  const auto& keys = V2021CellKeys();
  ASSERT_EQ(keys.size(), 200u);
  EXPECT_EQ(keys[0], "t2.rules.issued");
  EXPECT_EQ(keys[10], "t3.new.natural");
  EXPECT_EQ(keys[16], "t3.new.total");
  EXPECT_EQ(keys[184], "t3.carry_out.total");
  EXPECT_EQ(keys[199], "t4.lit_after_review.total");
  EXPECT_EQ(CellKeysFor(v1::TEMPLATE_V2019).size(), 219u);
  EXPECT_EQ(CellKeysFor(v1::TEMPLATE_HYBRID).size(), 200u);
  EXPECT_EQ(CellKeyIndex("t2v19.procurement.amount_yuan"), 218);
  EXPECT_EQ(CellKeyIndex("t3.bogus.total"), -1);
}

TEST(CellKeys, AmountAndSignedKeys) {
  EXPECT_TRUE(IsAmountKey("t2.fees.amount_wan"));
  EXPECT_TRUE(IsAmountKey("t2v19.procurement.amount_yuan"));
  EXPECT_FALSE(IsAmountKey("t2.rules.issued"));
  EXPECT_TRUE(IsSignedKey("t2v19.penalty.delta"));
  EXPECT_FALSE(IsSignedKey("t2v19.penalty.prev_items"));
}

TEST(CellTable, LooksUpValuesAndNulls) {
  v1::Report report;
  auto* a = report.add_cells();
  a->set_key("t3.new.total");
  a->set_count(12);
  auto* b = report.add_cells();
  b->set_key("t3.carry_out.total");
  CellTable table(report);
  EXPECT_EQ(table.Value("t3.new.total"), 12.0);
  EXPECT_EQ(table.Value("t3.carry_out.total"), std::nullopt);
  EXPECT_EQ(table.ValueOr("t3.carry_out.total", 0), 0.0);
  EXPECT_EQ(table.Get("t4.review.total"), nullptr);
}

// The export of a report equals, key for key and in order, the corpus's
// expected.json for every template (V2021, V2019 with its t2v19 block,
// HYBRID, E2014, a non-report with a null year).
TEST(ReportToJson, ReproducesTheContractShapeOfEveryCorpusFile) {
  for (const char* name :
       {"seeds/000_875541e45b987938.txt",
        "real/pingtan-2019-v2019-flattened.txt",
        "real/hongze-district-2024.pdf", "real/pingtan-2018-pre2019.txt",
        "real/template-2021-blank.docx", "real/pingtan-2023-flattened.txt"}) {
    SCOPED_TRACE(name);
    nlohmann::ordered_json expected =
        ReadJson(std::string(GOVREPORT_DATA_DIR) + "/samples/" + name +
                 ".expected.json");
    nlohmann::ordered_json actual = ReportToJson(ReportFromExpected(expected));
    for (const char* extra :
         {"findings_expected", "notes", "cells_ambiguous"}) {
      expected.erase(extra);
    }
    EXPECT_EQ(actual.dump(), expected.dump());
  }
}

TEST(ReportsToCsv, OneRowPerReportWithNullsEmpty) {
  v1::Report report;
  report.set_source_name("dir/a,b.txt");
  report.set_year(2023);
  report.set_agency("西工区统计局");
  report.set_agency_kind(v1::AGENCY_KIND_DEPARTMENT);
  report.set_region_code("410303");
  report.add_region_path("41");
  report.add_region_path("4103");
  report.add_region_path("410303");
  report.set_template_(v1::TEMPLATE_V2021);
  report.set_is_annual_report(true);
  auto* fees = report.add_cells();
  fees->set_key("t2.fees.amount_wan");
  fees->set_amount(5949.088667);
  std::string csv = ReportsToCsv({&report});
  std::string header = csv.substr(0, csv.find('\n'));
  std::string row = csv.substr(csv.find('\n') + 1);
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), 8 + 200 - 1);
  EXPECT_EQ(row.substr(0, row.find(",,")),
            "\"dir/a,b.txt\",2023,西工区统计局,DEPARTMENT,410303,41/4103/"
            "410303,V2021,true");
  EXPECT_NE(row.find(",5949.088667,"), std::string::npos);
}

TEST(FormatNumber, IntegersPlainDecimalsShortest) {
  EXPECT_EQ(FormatNumber(14069), "14069");
  EXPECT_EQ(FormatNumber(0.4521), "0.4521");
  EXPECT_EQ(FormatNumber(75394432.52), "75394432.52");
  EXPECT_EQ(FormatNumber(-4), "-4");
}

TEST(FindingToJson, ContractShape) {
  v1::Finding f;
  f.set_rule("T3-ROW");
  f.set_severity(v1::SEVERITY_ERROR);
  f.add_cells("t3.new.total");
  f.set_message("m");
  f.set_expected(12);
  EXPECT_EQ(
      FindingToJson(f).dump(),
      R"({"rule":"T3-ROW","severity":"ERROR","cells":["t3.new.total"],"message":"m","expected":12,"actual":null})");
}

TEST(EnumNames, RoundTrip) {
  EXPECT_EQ(AgencyKindName(v1::AGENCY_KIND_ZONE_COMMITTEE), "ZONE_COMMITTEE");
  EXPECT_EQ(ParseAgencyKind("TOWNSHIP"), v1::AGENCY_KIND_TOWNSHIP);
  EXPECT_EQ(ParseAgencyKind("township"), std::nullopt);
  EXPECT_EQ(TemplateName(v1::TEMPLATE_HYBRID), "HYBRID");
  EXPECT_EQ(RegionLevelName(v1::REGION_LEVEL_UNRESOLVED), "unresolved");
  EXPECT_EQ(ParseSeverity("WARNING"), v1::SEVERITY_WARNING);
}

}  // namespace
}  // namespace govreport
