#include "parser-svc/metadata/sections.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace govreport::parser {
namespace {

std::vector<uint32_t> Numbered(size_t n) {
  std::vector<uint32_t> numbers;
  for (uint32_t i = 1; i <= n; ++i) numbers.push_back(i);
  return numbers;
}

// The body of a section is every line up to the next heading, including
// lines that cannot hold a heading themselves.
TEST(FindSections, BodyHoldsEveryLineUpToTheNextHeading) {
  const std::vector<std::string> lines = {
      "某某区人民政府2023年政府信息公开工作年度报告",
      "一、总体情况",
      "2023年，本机关坚持以公开为常态。",
      "  全年主动公开政府信息1,234条。",
      "二、主动公开政府信息情况",
      "见下表。",
  };
  std::vector<v1::Section> sections =
      FindSections(lines, Numbered(lines.size()));
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].ordinal(), 1);
  EXPECT_EQ(sections[0].location().line(), 2u);
  EXPECT_EQ(sections[0].text(),
            "2023年，本机关坚持以公开为常态。\n"
            "  全年主动公开政府信息1,234条。");
  EXPECT_EQ(sections[0].end_line(), 5u);
  EXPECT_EQ(sections[1].ordinal(), 2);
  EXPECT_EQ(sections[1].text(), "见下表。");
}

// A heading inside a long flattened line splits that line between sections.
TEST(FindSections, FlattenedLineIsSplitAtItsHeadings) {
  const std::string filler(300, ' ');
  const std::vector<std::string> lines = {
      "一、总体情况 本机关全年公开信息。" + filler +
          "二、主动公开政府信息情况 详见下表。",
      "第一项说明。",
  };
  std::vector<v1::Section> sections =
      FindSections(lines, Numbered(lines.size()));
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].text(), " 本机关全年公开信息。" + filler);
  EXPECT_EQ(sections[1].text(), " 详见下表。\n第一项说明。");
}

}  // namespace
}  // namespace govreport::parser
