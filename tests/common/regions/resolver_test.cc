#include "common/regions/resolver.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace govreport::regions {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
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

const RegionResolver& TheResolver() {
  static const RegionResolver* const resolver =
      new RegionResolver(TheGazetteer());
  return *resolver;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RegionMatch Resolve(absl::string_view agency, absl::string_view title,
                    absl::string_view body, int year) {
  return TheResolver().Resolve(RegionClues{agency, title, body, year});
}

// The sample corpus: the .txt/.md files whole; for HTML, PDF and DOCX the
// agency and title as the parser extracts them. Expected values are those of
// the files' .expected.json (checked against them below).
struct CorpusCase {
  const char* file;  // Under data/samples/.
  bool feed_text;
  const char* agency;
  const char* title;
  int year;
  const char* code;
  std::vector<std::string> path;
};

const std::vector<CorpusCase>& Corpus() {
  static const auto* cases = new std::vector<CorpusCase>{
      {"seeds/000_875541e45b987938.txt",
       true,
       "西工区西工街道办事处",
       "西工区西工街道办事处 2023 年政府信息公开工作年度报告",
       2023,
       "410303003",
       {"41", "4103", "410303", "410303003"}},
      {"seeds/001_49a36d82f9765fca.txt",
       true,
       "西工区统计局",
       "西工区统计局 2023 年政府信息公开工作年度报告",
       2023,
       "410303",
       {"41", "4103", "410303"}},
      {"seeds/002_6a46581b0013c0e7.txt",
       true,
       "卫滨区解放路街道办事处",
       "卫滨区解放路街道办事处 2024 年政府信息公开工作 年度报告",
       2024,
       "410703002",
       {"41", "4107", "410703", "410703002"}},
      {"seeds/003_f5bd25535f6ad151.txt",
       true,
       "任留街道办事处",
       "",
       2023,
       "610115020",
       {"61", "6101", "610115", "610115020"}},
      {"seeds/004_5aba0e603a8547b6.txt",
       true,
       "政务服务局",
       "政务服务局 2023 年政府信息公开工作年度报告",
       2023,
       "",
       {}},
      {"real/hongze-district-2024.pdf",
       false,
       "淮安市洪泽区人民政府",
       "淮安市洪泽区人民政府2024年政府信息公开工作年度报告",
       2024,
       "320813",
       {"32", "3208", "320813"}},
      {"real/huaian-city-2024.pdf",
       false,
       "淮安市人民政府",
       "淮安市人民政府2024年政府信息公开工作年度报告",
       2024,
       "3208",
       {"32", "3208"}},
      {"real/shanghai-office-2019-v2019-tables.html",
       false,
       "上海市人民政府办公厅",
       "2019年上海市人民政府办公厅政府信息公开工作年度报告",
       2019,
       "31",
       {"31"}},
      {"real/shanghai-stc-2024-pdf-markdown.md",
       true,
       "上海市科委",
       "2024 年上海市科委政府信息公开工作年度报告",
       2024,
       "31",
       {"31"}},
      {"real/city-2025-sample.html",
       false,
       "测试市",
       "测试市2025年政府信息公开工作年度报告",
       2025,
       "",
       {}},
      {"real/pingtan-2014-not-a-report.txt",
       true,
       "平潭综合实验区管委会办公室",
       "关于2014年政府信息公开工作要点落实情况的函",
       2014,
       "350128",
       {"35", "3501", "350128"}},
      {"real/pingtan-2018-pre2019.txt",
       true,
       "平潭综合实验区",
       "平潭综合实验区2018年度政府信息公开工作年度报告",
       2018,
       "350128",
       {"35", "3501", "350128"}},
      {"real/pingtan-2019-v2019-flattened.txt",
       true,
       "平潭综合实验区",
       "平潭综合实验区2019年度政府信息公开工作年度报告",
       2019,
       "350128",
       {"35", "3501", "350128"}},
      {"real/pingtan-2023-flattened.txt",
       true,
       "平潭综合实验区",
       "平潭综合实验区2023年度政府信息公开工作年度报告",
       2023,
       "350128",
       {"35", "3501", "350128"}},
      {"real/pingtan-2025-flattened.txt",
       true,
       "平潭综合实验区",
       "平潭综合实验区2025年度政府信息公开工作年度报告",
       2025,
       "350128",
       {"35", "3501", "350128"}},
      {"real/template-2021-blank.docx",
       false,
       "",
       "政府信息公开工作年度报告格式模板",
       0,
       "",
       {}},
  };
  return *cases;
}

class CorpusTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CorpusTest, ResolvesTheVerifiedRegion) {
  const CorpusCase& c = GetParam();
  const std::string path = std::string(GOVREPORT_DATA_DIR "/samples/") + c.file;
  const std::string text = c.feed_text ? ReadFile(path) : "";
  const RegionMatch match = Resolve(c.agency, c.title, text, c.year);
  EXPECT_EQ(match.code, c.code) << match.evidence;
  EXPECT_THAT(match.path, ElementsAreArray(c.path));

  // The literals above are those of the verified ground truth.
  const nlohmann::json expected =
      nlohmann::json::parse(ReadFile(path + ".expected.json"));
  EXPECT_EQ(expected.at("region_code").get<std::string>(), c.code);
  EXPECT_EQ(expected.at("region_path").get<std::vector<std::string>>(), c.path);
  EXPECT_EQ(expected.at("agency").get<std::string>(), c.agency);
}

INSTANTIATE_TEST_SUITE_P(Samples, CorpusTest, ::testing::ValuesIn(Corpus()),
                         [](const ::testing::TestParamInfo<CorpusCase>& info) {
                           std::string name;
                           for (char ch : std::string(info.param.file)) {
                             name.push_back(
                                 isalnum(static_cast<unsigned char>(ch)) ? ch
                                                                         : '_');
                           }
                           return name;
                         });

TEST(RegionResolver, ExplainsItsChoice) {
  const std::string text =
      ReadFile(GOVREPORT_DATA_DIR "/samples/seeds/003_f5bd25535f6ad151.txt");
  const RegionMatch match = Resolve("任留街道办事处", "", text, 2023);
  EXPECT_EQ(
      match.evidence,
      "agency: 任留街道; footer: 61011502000007; body (superior body): 临潼区");
}

TEST(RegionResolver, TheAgencyWinsOverATownshipInCopiedText) {
  // Seed 000 mentions 新棉街道 (石棉县, Sichuan) in copied text.
  const RegionMatch match =
      Resolve("西工区西工街道办事处", "",
              "不断提高新棉街道政务公开工作的质量和水平。新棉街道办事处", 2023);
  EXPECT_EQ(match.code, "410303003");
}

TEST(RegionResolver, MapsRetiredNamesThroughTheCodeHistory) {
  const RegionMatch match = Resolve("洛阳市吉利区人民政府", "", "", 2019);
  EXPECT_EQ(match.code, "410308");
  EXPECT_THAT(match.path, ElementsAre("41", "4103", "410308"));
  // After 2021 there is no 吉利区: only 洛阳市 is certain.
  EXPECT_EQ(Resolve("洛阳市吉利区人民政府", "", "", 2023).code, "4103");
  // Unknown year: the former name still counts.
  EXPECT_EQ(Resolve("吉利区人民政府", "", "", 0).code, "410308");
}

TEST(RegionResolver, MapsRetiredFooterCodes) {
  EXPECT_EQ(
      Resolve("统计局", "", "页脚 豫公网安备 41030602000123号", 2019).code,
      "410308");
}

TEST(RegionResolver, AcceptsPrefectureFooterCodes) {
  const RegionMatch match =
      Resolve("统计局", "", "豫公网安备41030002000123号", 2023);
  EXPECT_EQ(match.code, "4103");
}

TEST(RegionResolver, LeavesAnAmbiguousCountyUnresolved) {
  EXPECT_EQ(Resolve("鼓楼区人民政府", "", "", 2023).code, "");
  EXPECT_EQ(
      Resolve("鼓楼区统计局", "鼓楼区统计局2023年政府信息公开工作年度报告",
              "我局认真落实区委区政府部署。", 2023)
          .code,
      "");
}

TEST(RegionResolver, APrefectureNamedAnywhereDisambiguates) {
  EXPECT_EQ(Resolve("福州市鼓楼区人民政府", "", "", 2023).code, "350102");
  EXPECT_EQ(
      Resolve("鼓楼区人民政府", "", "在南京市委、市政府的领导下", 2023).code,
      "320106");
  EXPECT_EQ(Resolve("鼓楼区统计局", "", "按照南京市统计工作要求", 2023).code,
            "320106");
}

TEST(RegionResolver, ResolvesATownshipOnlyInsideItsCounty) {
  // 解放路街道 exists in 7 counties.
  EXPECT_EQ(Resolve("解放路街道办事处", "", "", 2024).code, "");
  EXPECT_EQ(
      Resolve("解放路街道办事处",
              "卫滨区解放路街道办事处2024年政府信息公开工作年度报告", "", 2024)
          .code,
      "410703002");
  EXPECT_EQ(
      Resolve("解放路街道办事处", "", "在卫滨区委、区政府的坚强领导下", 2024)
          .code,
      "410703002");
  // A county that does not hold it: the county, not a guessed township.
  EXPECT_EQ(Resolve("西工区解放路街道办事处", "", "", 2024).code, "410303");
}

TEST(RegionResolver, ATownshipPicksAmongTheCountiesTheAgencyNames) {
  // 鼓东街道 is only in 福州's 鼓楼区.
  EXPECT_EQ(Resolve("鼓楼区鼓东街道办事处", "", "", 2023).code, "350102001");
  // 解放路街道 is in none of the 鼓楼区s: nothing to choose by.
  EXPECT_EQ(Resolve("鼓楼区解放路街道办事处", "", "", 2023).code, "");
}

TEST(RegionResolver, AUniqueTownshipNameImpliesItsCounty) {
  const RegionMatch match = Resolve("任留街道办事处", "", "", 2023);
  EXPECT_EQ(match.code, "610115020");
  EXPECT_THAT(match.path, ElementsAre("61", "6101", "610115", "610115020"));
}

TEST(RegionResolver, BodyEvidenceNeverGoesBelowTheAgencyLevel) {
  EXPECT_EQ(Resolve("淮安市人民政府", "",
                    "洪泽区人民政府、淮安区人民政府、清江浦区人民政府", 2024)
                .code,
            "3208");
  EXPECT_EQ(
      Resolve("西工区统计局", "", "西工街道办事处、汉屯路街道办事处", 2023)
          .code,
      "410303");
}

TEST(RegionResolver, ASuperiorBodyPlacesAnAgencyThatNamesNoPlace) {
  const RegionMatch match = Resolve(
      "政务服务局", "", "根据临潼区人民政府有关信息公开工作的要求", 2023);
  EXPECT_EQ(match.code, "610115");
  EXPECT_EQ(match.evidence, "body (superior body): 临潼区");
}

TEST(RegionResolver, PlainMentionsAloneDecideNothing) {
  EXPECT_EQ(
      Resolve("政务服务局", "", "学习借鉴临潼区和西工区的经验", 2023).code, "");
}

TEST(RegionResolver, IgnoresCommonWordsAndUnnamedBodies) {
  const std::string body =
      "坚持以人民为中心，解放思想，据新华社报道，城关片区、中山路沿线；"
      "省政府、市委、区党工委（管委会）、县政府办公室；经济社会和县域发展；"
      "老城区改造、主城区、郊区农村、矿区治理、街道办事处、林场、城区。";
  const RegionMatch match = Resolve("政务服务局", "", body, 2023);
  EXPECT_EQ(match.code, "") << match.evidence;
}

TEST(RegionResolver, TwoCharacterNamesNeedAWordBoundary) {
  EXPECT_EQ(Resolve("沛县统计局", "", "", 2023).code, "320322");
  EXPECT_EQ(Resolve("江苏省徐州市沛县统计局", "", "", 2023).code, "320322");
  EXPECT_EQ(Resolve("统计局", "", "沛县人民政府", 2023).code, "320322");
  EXPECT_EQ(Resolve("统计局", "", "推动沛县经济发展", 2023).code, "");
}

TEST(RegionResolver, TheAgencyOutweighsAForeignFooter) {
  EXPECT_EQ(
      Resolve("西工区统计局", "", "陕公网安备 61011502000007号", 2023).code,
      "410303");
}

TEST(RegionResolver, ReadsFullWidthFooterDigits) {
  EXPECT_EQ(Resolve("任留街道办事处", "",
                    "陕公网安备：６１０１１５０２０００００７号", 2023)
                .code,
            "610115020");
}

TEST(RegionResolver, KnowsZoneAliases) {
  EXPECT_EQ(Resolve("平潭综合实验区管委会办公室", "", "", 2014).code, "350128");
  EXPECT_EQ(
      Resolve("统计局", "", "在平潭综合实验区党工委、管委会的领导下", 2020)
          .code,
      "350128");
}

TEST(RegionResolver, MatchesNamesWithBracketsAndExtensionACharacters) {
  EXPECT_EQ(Resolve("武昌区东湖风景区街道（武昌）办事处", "", "", 2023).code,
            "420106490");
  EXPECT_EQ(Resolve("岑巩县㵲水街道办事处", "", "", 2023).code, "522626001");
}

TEST(RegionResolver, SplitsRunTogetherNamesTheWayTheyTile) {
  // Not 汾阳市 + 市西河街道 (贵阳), nor 集贤县 + 县良种场 (another county's
  // farm).
  EXPECT_EQ(Resolve("汾阳市西河街道办事处", "", "", 2023).code, "141182003");
  EXPECT_EQ(Resolve("集贤县良种场", "", "", 2023).code, "230521581");
}

TEST(RegionResolver, ReadsANameInsideALongerOne) {
  // "新华街道办事处" is itself the name of a unit elsewhere.
  EXPECT_EQ(Resolve("平城区新华街道办事处", "", "", 2023).code, "140213062");
  // Where both readings fit, the longer one wins: 龙河镇 and its 保安林场
  // are both in 讷河市.
  EXPECT_EQ(Resolve("讷河市龙河镇保安林场", "", "", 2023).code, "230281400");
  // "开发区办事处" (a unit elsewhere) overlaps "经济开发区" of 睢宁县.
  EXPECT_EQ(Resolve("睢宁县经济开发区办事处", "", "", 2023).code, "320324401");
}

TEST(RegionResolver, AShortNameAfterAnotherWeighsLess) {
  // 城区 (阳泉, 长治) right after 榆社县 (晋中) is the unit 城区 of 榆社县,
  // which is never matched; the county stands.
  EXPECT_EQ(Resolve("榆社县城区办事处", "", "", 2023).code, "140721");
  EXPECT_EQ(Resolve("阳泉市城区人民政府", "", "", 2023).code, "140302");
}

TEST(RegionResolver, ATownshipNamedAsItsCountyIsTheCounty) {
  EXPECT_EQ(Resolve("金门县人民政府", "", "", 2023).code, "350527");
}

TEST(RegionResolver, ReadsTraditionalCharacters) {
  EXPECT_EQ(Resolve("臨潼區任留街道辦事處", "", "", 2023).code, "610115020");
  EXPECT_EQ(Resolve("統計局", "", "在臨潼區人民政府的領導下", 2023).code,
            "610115");
  EXPECT_EQ(Resolve("衛濱區解放路街道辦事處", "", "", 2024).code, "410703002");
}

TEST(RegionResolver, StepsOverSpacesInsideNames) {
  EXPECT_EQ(Resolve("西工区 统计局", "", "", 2023).code, "410303");
  EXPECT_EQ(Resolve("临潼 区 任留 街道办事处", "", "", 2023).code, "610115020");
}

TEST(RegionResolver, ResolvesPlacesUnderPlaceholderAndCountylessPrefectures) {
  const RegionMatch shanghai = Resolve("上海市徐汇区人民政府", "", "", 2023);
  EXPECT_EQ(shanghai.code, "310104");
  EXPECT_THAT(shanghai.path, ElementsAre("31", "310104"));
  const RegionMatch dongguan = Resolve("东莞市南城街道办事处", "", "", 2023);
  EXPECT_EQ(dongguan.code, "441900004");
  EXPECT_THAT(dongguan.path, ElementsAre("44", "4419", "441900004"));
}

TEST(RegionResolver, FindsNamesAcrossBodyScanWindows) {
  // The body is scanned in 64 KiB windows; a name may straddle any boundary.
  for (size_t pad = 65536 - 24; pad <= 65536 + 3; ++pad) {
    const std::string body = std::string(pad, 'x') + "临潼区人民政府";
    EXPECT_EQ(Resolve("统计局", "", body, 2023).code, "610115") << pad;
  }
  // Two characters: the boundary check looks back across a window start.
  for (size_t pad = 65536 - 12; pad <= 65536 + 3; ++pad) {
    EXPECT_EQ(
        Resolve("统计局", "", std::string(pad, 'x') + "沛县人民政府", 2023)
            .code,
        "320322")
        << pad;
    EXPECT_EQ(
        Resolve("统计局", "", std::string(pad, 'x') + "推动沛县人民政府", 2023)
            .code,
        "")
        << pad;
  }
}

TEST(RegionResolver, HandlesAHugeBody) {
  std::string body;
  while (body.size() < (8u << 20))
    body += "在临潼区人民政府的领导下，街道办事处认真落实。";
  const RegionMatch match = Resolve("任留街道办事处", "", body, 2023);
  EXPECT_EQ(match.code, "610115020");
}

TEST(RegionResolver, SurvivesEmptyAndMalformedInput) {
  EXPECT_EQ(Resolve("", "", "", 0).code, "");
  const std::string junk("\xff\xfe\xe5\x8c\xba\x80\xe5\xb8", 8);
  EXPECT_EQ(Resolve(junk, junk, junk, 0).code, "");
  EXPECT_EQ(Resolve("公网安备", "", "公网安备", 0).code, "");
}

// Every division, named with its whole chain as an agency would write it
// ("河南省洛阳市西工区西工街道人民政府"), resolves to itself, except the
// township units whose names the resolver deliberately never matches: words
// of two characters other than X镇/X乡 (街道, 城区, 林场) and units named as
// their own county.
TEST(RegionResolver, EveryDivisionResolvesFromItsFullName) {
  const Gazetteer& g = TheGazetteer();
  int checked = 0;
  int skipped = 0;
  for (const Division& d : g.divisions()) {
    if (d.level == v1::REGION_LEVEL_TOWNSHIP) {
      const std::string& parent = g.Find(d.parent_code)->name;
      const bool word = d.name.size() <= 6 && !absl::EndsWith(d.name, "镇") &&
                        !absl::EndsWith(d.name, "乡");
      if (word || d.name == parent) {
        ++skipped;
        continue;
      }
    }
    std::string agency;
    for (const std::string& code : g.PathOf(d.code))
      agency += g.Find(code)->name;
    agency += "人民政府";
    const RegionMatch match = Resolve(agency, "", "", 2023);
    ASSERT_EQ(match.code, d.code) << agency << " (" << match.evidence << ")";
    ++checked;
  }
  EXPECT_EQ(checked + skipped, 44694);
  EXPECT_EQ(skipped, 20);
}

// Every township named only with its county ("卫滨区解放路街道办事处"), as
// agencies usually write it, resolves to itself or, where the pair is itself
// ambiguous (two 市中区 each with a 白马镇), to a common ancestor: never to
// another place. Townships whose names start with their county's are left
// out (the agency would not repeat the county).
TEST(RegionResolver, NeverPlacesACountyAndTownshipPairElsewhere) {
  const Gazetteer& g = TheGazetteer();
  int exact = 0;
  int coarser = 0;
  for (const Division& d : g.divisions()) {
    if (d.level != v1::REGION_LEVEL_TOWNSHIP) continue;
    const std::string& county = g.Find(d.parent_code)->name;
    if (absl::StartsWith(d.name, county)) continue;
    const RegionMatch match = Resolve(county + d.name + "办事处", "", "", 2023);
    if (match.code == d.code) {
      ++exact;
      continue;
    }
    const std::vector<std::string> path = g.PathOf(d.code);
    ASSERT_TRUE(match.code.empty() ||
                std::find(path.begin(), path.end(), match.code) != path.end())
        << county << d.name << " -> " << match.code << " (" << match.evidence
        << ")";
    ++coarser;
  }
  EXPECT_EQ(exact, 41018);
  EXPECT_EQ(coarser, 26);
}

}  // namespace
}  // namespace govreport::regions
