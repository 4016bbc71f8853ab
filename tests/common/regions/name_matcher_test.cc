#include "common/regions/name_matcher.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::regions {
namespace {

// "name@begin" for each match, begin in bytes.
std::vector<std::string> Find(const NameMatcher& matcher,
                              const std::vector<std::string>& names,
                              absl::string_view text) {
  std::vector<NameMatcher::Match> matches;
  matcher.FindAll(text, &matches);
  std::vector<std::string> out;
  for (const auto& m : matches) {
    out.push_back(names[m.id] + "@" + std::to_string(m.begin) + "-" +
                  std::to_string(m.end));
  }
  return out;
}

TEST(NameMatcher, FindsEveryNameWithItsByteOffsets) {
  const std::vector<std::string> names = {"西工区", "西工街道", "洛阳市"};
  const NameMatcher matcher(names);
  EXPECT_THAT(
      Find(matcher, names, "洛阳市西工区西工街道办事处"),
      ::testing::ElementsAre("洛阳市@0-9", "西工区@9-18", "西工街道@18-30"));
}

TEST(NameMatcher, DropsANameInsideALongerOne) {
  const std::vector<std::string> names = {"城区", "西城区", "西城"};
  const NameMatcher matcher(names);
  EXPECT_THAT(Find(matcher, names, "北京西城区与主城区"),
              ::testing::ElementsAre("西城区@6-15", "城区@21-27"));
}

TEST(NameMatcher, KeepsOverlapsThatDoNotContainEachOther) {
  const std::vector<std::string> names = {"甲乙丙", "丙丁戊"};
  const NameMatcher matcher(names);
  EXPECT_THAT(Find(matcher, names, "甲乙丙丁戊"),
              ::testing::ElementsAre("甲乙丙@0-9", "丙丁戊@6-15"));
}

TEST(NameMatcher, FoldsFullWidthAndStepsOverInlineSpaces) {
  const std::vector<std::string> names = {"东湖风景区街道(武昌)", "临潼区"};
  const NameMatcher matcher(names);
  EXPECT_THAT(Find(matcher, names, "东湖风景区街道（武昌）"),
              ::testing::ElementsAre("东湖风景区街道(武昌)@0-33"));
  EXPECT_THAT(Find(matcher, names, "临 潼\u3000区"),
              ::testing::ElementsAre("临潼区@0-13"));
  // Never across a line break.
  EXPECT_THAT(Find(matcher, names, "临潼\n区"), ::testing::IsEmpty());
}

TEST(NameMatcher, MatchesCharactersBeyondTheBasicPlane) {
  const std::vector<std::string> names = {"㵲水街道", "\U00020000镇"};
  const NameMatcher matcher(names);
  EXPECT_THAT(Find(matcher, names, "在㵲水街道和\U00020000镇"),
              ::testing::ElementsAre("㵲水街道@3-15", "\U00020000镇@18-25"));
}

TEST(NameMatcher, SurvivesMalformedUtf8) {
  const std::vector<std::string> names = {"临潼区"};
  const NameMatcher matcher(names);
  const std::string text =
      std::string("\xe4\xb8") + "临潼区" + "\xff" + "\xe5\x8c";
  EXPECT_THAT(Find(matcher, names, text),
              ::testing::ElementsAre("临潼区@2-11"));
  EXPECT_THAT(Find(matcher, names, ""), ::testing::IsEmpty());
}

}  // namespace
}  // namespace govreport::regions
