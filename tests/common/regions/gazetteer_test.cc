#include "common/regions/gazetteer.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::regions {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const Gazetteer& TheGazetteer() {
  static const Gazetteer* const gazetteer = [] {
    auto loaded = Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *gazetteer;
}

std::vector<std::string> Codes(const std::vector<const Division*>& divisions) {
  std::vector<std::string> codes;
  for (const Division* d : divisions) codes.push_back(d->code);
  return codes;
}

TEST(Gazetteer, LoadsEveryDivisionOfTheDerivedFiles) {
  // 31 provinces + 333 prefectures + 2,974 counties + 41,352 townships of
  // nbs2023, less 9 placeholders and 4 synthetic slots, plus 4 mca counties.
  EXPECT_EQ(TheGazetteer().size(), 44694u);
  EXPECT_EQ(TheGazetteer().divisions().size(), 44694u);
}

TEST(Gazetteer, FindsDivisionsAtEveryLevel) {
  const Gazetteer& g = TheGazetteer();
  const Division* town = g.Find("410303003");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->name, "西工街道");
  EXPECT_EQ(town->level, v1::REGION_LEVEL_TOWNSHIP);
  EXPECT_EQ(town->parent_code, "410303");
  ASSERT_NE(g.Find("410303"), nullptr);
  EXPECT_EQ(g.Find("410303")->name, "西工区");
  EXPECT_EQ(g.Find("410303")->level, v1::REGION_LEVEL_COUNTY);
  ASSERT_NE(g.Find("3208"), nullptr);
  EXPECT_EQ(g.Find("3208")->name, "淮安市");
  EXPECT_EQ(g.Find("3208")->level, v1::REGION_LEVEL_PREFECTURE);
  ASSERT_NE(g.Find("31"), nullptr);
  EXPECT_EQ(g.Find("31")->name, "上海市");
  EXPECT_EQ(g.Find("31")->level, v1::REGION_LEVEL_PROVINCE);
  EXPECT_EQ(g.Find("31")->parent_code, "");
}

TEST(Gazetteer, AcceptsTheSixDigitFormsOfProvincesAndPrefectures) {
  const Gazetteer& g = TheGazetteer();
  ASSERT_NE(g.Find("310000"), nullptr);
  EXPECT_EQ(g.Find("310000")->code, "31");
  ASSERT_NE(g.Find("320800"), nullptr);
  EXPECT_EQ(g.Find("320800")->code, "3208");
}

TEST(Gazetteer, MapsPlaceholderPrefecturesToTheProvince) {
  const Gazetteer& g = TheGazetteer();
  for (const char* code : {"3101", "310100", "1101", "5002", "4190", "6590"}) {
    const Division* d = g.Find(code);
    ASSERT_NE(d, nullptr) << code;
    EXPECT_EQ(d->level, v1::REGION_LEVEL_PROVINCE) << code;
    EXPECT_EQ(d->code, std::string(code).substr(0, 2)) << code;
  }
  // Counties under a placeholder hang under the province.
  EXPECT_EQ(g.Find("310104")->parent_code, "31");
  EXPECT_EQ(g.Find("419001")->parent_code, "41");
}

TEST(Gazetteer, MapsSyntheticCountySlotsToThePrefecture) {
  const Gazetteer& g = TheGazetteer();
  EXPECT_EQ(g.Find("441900")->code, "4419");
  EXPECT_EQ(g.Find("442000")->code, "4420");
  EXPECT_EQ(g.Find("460400")->code, "4604");
  EXPECT_EQ(g.Find("620201")->code, "6202");
  EXPECT_EQ(g.Find("441900003")->parent_code, "4419");
}

TEST(Gazetteer, MapsRetiredCodesToTheirSuccessors) {
  const Gazetteer& g = TheGazetteer();
  EXPECT_EQ(g.Successor("410306"), "410308");  // 吉利区 -> 孟津区 (2021).
  EXPECT_EQ(g.Successor("410322"), "410308");  // 孟津县 -> 孟津区.
  EXPECT_EQ(g.Successor("410381"), "410307");  // 偃师市 -> 偃师区.
  EXPECT_EQ(g.Successor("230702"), "230717");  // 伊春区 -> 伊美区 (2019).
  // Split among two districts: the prefecture covering both.
  EXPECT_EQ(g.Successor("330104"), "3301");  // 江干区 -> 上城区, 钱塘区.
  EXPECT_EQ(g.Successor("410303"), std::nullopt);  // Current.
  EXPECT_EQ(g.Successor("371200"), std::nullopt);  // 莱芜市: none recorded.
  EXPECT_EQ(g.Successor("999999"), std::nullopt);
  ASSERT_NE(g.Find("410306"), nullptr);
  EXPECT_EQ(g.Find("410306")->code, "410308");
  EXPECT_EQ(g.Find("410306")->name, "孟津区");
}

TEST(Gazetteer, AddsCountiesCreatedAfterTheNbsCutOff) {
  const Division* d = TheGazetteer().Find("653228");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->name, "和康县");
  EXPECT_EQ(d->parent_code, "6532");
}

TEST(Gazetteer, RejectsCodesItDoesNotKnow) {
  const Gazetteer& g = TheGazetteer();
  EXPECT_EQ(g.Find(""), nullptr);
  EXPECT_EQ(g.Find("99"), nullptr);
  EXPECT_EQ(g.Find("999999"), nullptr);
  EXPECT_EQ(g.Find("41030"), nullptr);
  EXPECT_EQ(g.Find("4103a3"), nullptr);
  EXPECT_EQ(g.Find("371200"), nullptr);
}

TEST(Gazetteer, PathRunsFromTheProvinceDown) {
  const Gazetteer& g = TheGazetteer();
  EXPECT_THAT(g.PathOf("410303003"),
              ElementsAre("41", "4103", "410303", "410303003"));
  EXPECT_THAT(g.PathOf("31"), ElementsAre("31"));
  EXPECT_THAT(g.PathOf("3208"), ElementsAre("32", "3208"));
  EXPECT_THAT(g.PathOf("320800"), ElementsAre("32", "3208"));
  EXPECT_THAT(g.PathOf("310104"), ElementsAre("31", "310104"));
  EXPECT_THAT(g.PathOf("310104003"), ElementsAre("31", "310104", "310104003"));
  EXPECT_THAT(g.PathOf("441900003"), ElementsAre("44", "4419", "441900003"));
  EXPECT_THAT(g.PathOf("410306"), ElementsAre("41", "4103", "410308"));
  EXPECT_THAT(g.PathOf("350128"), ElementsAre("35", "3501", "350128"));
  EXPECT_THAT(g.PathOf("nonsense"), IsEmpty());
}

TEST(Gazetteer, ListsChildrenInCodeOrder) {
  const Gazetteer& g = TheGazetteer();
  const std::vector<const Division*> provinces = g.Children("");
  ASSERT_EQ(provinces.size(), 31u);
  EXPECT_EQ(provinces.front()->code, "11");
  EXPECT_EQ(provinces.back()->code, "65");
  const std::vector<std::string> shanghai = Codes(g.Children("310000"));
  ASSERT_EQ(shanghai.size(), 16u);
  EXPECT_EQ(shanghai.front(), "310101");
  EXPECT_EQ(shanghai.back(), "310151");
  const std::vector<std::string> luoyang = Codes(g.Children("4103"));
  EXPECT_NE(std::find(luoyang.begin(), luoyang.end(), "410308"), luoyang.end());
  EXPECT_EQ(std::find(luoyang.begin(), luoyang.end(), "410306"), luoyang.end());
  EXPECT_TRUE(std::is_sorted(luoyang.begin(), luoyang.end()));
  EXPECT_THAT(Codes(g.Children("410303")).front(), "410303001");
  EXPECT_THAT(g.Children("410303003"), IsEmpty());
  EXPECT_THAT(g.Children("999999"), IsEmpty());
}

TEST(Gazetteer, FindsDivisionsByNormalisedName) {
  const Gazetteer& g = TheGazetteer();
  EXPECT_THAT(Codes(g.FindByName("鼓楼区")),
              ElementsAre("320106", "320302", "350102", "410204"));
  // Any level: 获嘉县 has a township-level unit called 西工区 too.
  EXPECT_THAT(Codes(g.FindByName(" 西工区\t")),
              ElementsAre("410303", "410724560"));
  // Full-width brackets as written in the source data.
  EXPECT_THAT(Codes(g.FindByName("东湖风景区街道（武昌）")),
              ElementsAre("420106490"));
  EXPECT_THAT(Codes(g.FindByName("㵲水街道")), ElementsAre("522626001"));
  EXPECT_THAT(g.FindByName("测试市"), IsEmpty());
}

TEST(Gazetteer, KnowsFormerNamesAndAliases) {
  bool former = false;
  bool alias = false;
  for (const DivisionName& n : TheGazetteer().names()) {
    if (n.name == "吉利区" && n.kind == DivisionName::Kind::kFormer) {
      EXPECT_EQ(n.code, "410308");
      EXPECT_EQ(n.source, "410306");
      EXPECT_EQ(n.valid_from, 1983);
      EXPECT_EQ(n.valid_to, 2021);
      former = true;
    }
    if (n.name == "平潭综合实验区" && n.kind == DivisionName::Kind::kAlias) {
      EXPECT_EQ(n.code, "350128");
      EXPECT_THAT(n.source, HasSubstr("平潭县"));
      alias = true;
    }
  }
  EXPECT_TRUE(former);
  EXPECT_TRUE(alias);
}

class GazetteerFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::path(::testing::TempDir()) /
        ("gazetteer_" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
    Write("divisions.tsv",
          "# comment\ncode\tname\tparent\tsource\n41\t河南省\t\tx\n"
          "4103\t洛阳市\t41\tx\n410308\t孟津区\t4103\tx\n");
    Write("code_aliases.tsv", "code\ttarget\treason\n4190\t41\tplaceholder\n");
    Write(
        "history.tsv",
        "code\tname\tlevel\tvalid_from\tvalid_to\tstatus\tsuccessors\tcurrent\n"
        "410306\t吉利区\tcounty\t1983\t2021\tretired\t410308\t410308\n");
    Write("aliases.tsv", "alias\tcode\tsource\n");
  }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  std::filesystem::path dir_;
};

TEST_F(GazetteerFilesTest, LoadsAMinimalGazetteer) {
  auto g = Gazetteer::Load(dir_.string());
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->size(), 3u);
  EXPECT_THAT((*g)->PathOf("410306"), ElementsAre("41", "4103", "410308"));
  EXPECT_EQ((*g)->Find("4190")->code, "41");
}

TEST_F(GazetteerFilesTest, ReadsColumnsByHeaderName) {
  Write("divisions.tsv",
        "parent\tcode\tname\n\t41\t河南省\n41\t4103\t洛阳市\n4103\t410308\t孟津"
        "区\n");
  auto g = Gazetteer::Load(dir_.string());
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->Find("410308")->name, "孟津区");
}

TEST_F(GazetteerFilesTest, NamesTheFileAndLineOfABadRow) {
  Write("divisions.tsv", "code\tname\tparent\n41\t河南省\t\n4103\t洛阳市\n");
  auto g = Gazetteer::Load(dir_.string());
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(), HasSubstr("divisions.tsv:3: expected 3"));
}

TEST_F(GazetteerFilesTest, RejectsAParentThatCannotHoldTheCode) {
  Write("divisions.tsv",
        "code\tname\tparent\n41\t河南省\t\n3203\t徐州市\t41\n");
  auto g = Gazetteer::Load(dir_.string());
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(),
              HasSubstr("divisions.tsv:3: parent '41' cannot hold 3203"));
}

TEST_F(GazetteerFilesTest, RejectsAnAliasOfAnUnknownCode) {
  Write("aliases.tsv", "alias\tcode\tsource\n测试区\t999999\tnowhere\n");
  auto g = Gazetteer::Load(dir_.string());
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(
      g.status().message(),
      HasSubstr("aliases.tsv:2: code 999999 is not a current division"));
}

TEST_F(GazetteerFilesTest, RejectsASuccessorThatIsNotADivision) {
  Write("history.tsv",
        "code\tname\tlevel\tvalid_from\tvalid_to\tstatus\tsuccessors\tcurrent\n"
        "410306\t吉利区\tcounty\t1983\t2021\tretired\t410399\t410399\n");
  auto g = Gazetteer::Load(dir_.string());
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(),
              HasSubstr("history.tsv:2: successor 410399 is not a division"));
}

TEST_F(GazetteerFilesTest, RequiresTheHeaderColumns) {
  Write("code_aliases.tsv", "code\treason\n4190\tplaceholder\n");
  auto g = Gazetteer::Load(dir_.string());
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(
      g.status().message(),
      HasSubstr("code_aliases.tsv:1: the header lacks column 'target'"));
}

TEST_F(GazetteerFilesTest, ReportsAMissingFile) {
  std::filesystem::remove(dir_ / "history.tsv");
  auto g = Gazetteer::Load(dir_.string());
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(g.status().message(), HasSubstr("history.tsv: cannot open"));
}

}  // namespace
}  // namespace govreport::regions
