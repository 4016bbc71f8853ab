#include "common/regions/name_matcher.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::regions {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "name@begin-end" for each match (bytes), with a trailing "*" when the match
// lies inside a longer one.
std::vector<std::string> Find(const std::vector<std::string>& names,
                              absl::string_view text) {
  const NameMatcher matcher(names);
  std::vector<NameMatcher::Match> matches;
  matcher.FindAll(text, &matches);
  std::vector<std::string> out;
  for (const auto& m : matches) {
    out.push_back(names[m.id] + "@" + std::to_string(m.begin) + "-" +
                  std::to_string(m.end) + (m.contained ? "*" : ""));
  }
  return out;
}

TEST(NameMatcher, FindsEveryNameWithItsByteOffsets) {
  EXPECT_THAT(
      Find({"西工区", "西工街道", "洛阳市"}, "洛阳市西工区西工街道办事处"),
      ElementsAre("洛阳市@0-9", "西工区@9-18", "西工街道@18-30"));
}

TEST(NameMatcher, MarksANameInsideALongerOne) {
  EXPECT_THAT(
      Find({"城区", "西城区", "西城"}, "北京西城区与主城区"),
      ElementsAre("西城区@6-15", "西城@6-12*", "城区@9-15*", "城区@21-27"));
}

TEST(NameMatcher, KeepsOverlappingNames) {
  // 市西河街道 is a street of 贵阳; here the text is 汾阳市 + 西河街道.
  EXPECT_THAT(
      Find({"汾阳市", "市西河街道", "西河街道"}, "汾阳市西河街道办事处"),
      ElementsAre("汾阳市@0-9", "市西河街道@6-21", "西河街道@9-21*"));
}

TEST(NameMatcher, FoldsFullWidthAndStepsOverInlineSpaces) {
  const std::vector<std::string> names = {"东湖风景区街道(武昌)", "临潼区"};
  EXPECT_THAT(Find(names, "东湖风景区街道（武昌）"),
              ElementsAre("东湖风景区街道(武昌)@0-33"));
  EXPECT_THAT(Find(names, "临 潼\u3000区"), ElementsAre("临潼区@0-13"));
  // Never across a line break.
  EXPECT_THAT(Find(names, "临潼\n区"), IsEmpty());
}

TEST(NameMatcher, FoldsTraditionalCharacters) {
  EXPECT_THAT(Find({"临潼区", "任留街道"}, "臨潼區任留街道辦事處"),
              ElementsAre("临潼区@0-9", "任留街道@9-21"));
  EXPECT_EQ(NameMatcher::Fold("臨潼 區（東）"), "临潼区(东)");
  // 乾 folds to 干 on both sides, so 乾县 still finds itself.
  EXPECT_THAT(Find({"乾县"}, "陕西省乾县人民政府"), ElementsAre("乾县@9-15"));
}

TEST(NameMatcher, MatchesCharactersBeyondTheBasicPlane) {
  EXPECT_THAT(Find({"㵲水街道", "\U00020000镇"}, "在㵲水街道和\U00020000镇"),
              ElementsAre("㵲水街道@3-15", "\U00020000镇@18-25"));
}

TEST(NameMatcher, SurvivesMalformedUtf8) {
  const std::string text =
      std::string("\xe4\xb8") + "临潼区" + "\xff" + "\xe5\x8c";
  EXPECT_THAT(Find({"临潼区"}, text), ElementsAre("临潼区@2-11"));
  EXPECT_THAT(Find({"临潼区"}, ""), IsEmpty());
  EXPECT_THAT(Find({}, "临潼区"), IsEmpty());
}

}  // namespace
}  // namespace govreport::regions
