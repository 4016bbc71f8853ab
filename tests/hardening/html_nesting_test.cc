// CapTagNesting: pages nested past the limit lose only the tags past it;
// real pages (unclosed paragraphs, scripts, comments) pass unchanged.

#include "parser-svc/decoders/html_nesting.h"

#include <string>

#include "gtest/gtest.h"

namespace govreport::parser {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(CapTagNesting, DropsTheTagsPastTheLimitAndKeepsTheText) {
  std::string page = Repeat("<div>", 12) + "深处" + Repeat("</div>", 12);
  std::optional<std::string> capped = CapTagNesting(page, 10);
  ASSERT_TRUE(capped.has_value());
  EXPECT_EQ(*capped, Repeat("<div>", 10) + "深处" + Repeat("</div>", 10));
}

TEST(CapTagNesting, UnclosedDeepNestingIsCutAtTheLimit) {
  std::string page = Repeat("<div class=\"a>b\"><span>", 3000) + "x";
  std::optional<std::string> capped = CapTagNesting(page, 1000);
  ASSERT_TRUE(capped.has_value());
  EXPECT_EQ(*capped, Repeat("<div class=\"a>b\"><span>", 500) + "x");
}

TEST(CapTagNesting, PagesWithinTheLimitAreLeftAlone) {
  std::string page = "<!DOCTYPE html><html><body>" + Repeat("<div>", 10) +
                     Repeat("</div>", 10) + "</body></html>";
  EXPECT_FALSE(CapTagNesting(page, 12).has_value());
}

TEST(CapTagNesting, ImplicitlyClosedVoidAndSelfClosingTagsDoNotCount) {
  std::string page = Repeat("<p>段落", 5000) + Repeat("<li>项", 5000) +
                     Repeat("<br><img src=x>", 5000) + Repeat("<x/>", 5000) +
                     Repeat("<table><tr><td>1<td>2</table>", 100);
  EXPECT_FALSE(CapTagNesting(page, 20).has_value());
}

TEST(CapTagNesting, ScriptsCommentsAndStrayLessThanSignsAreNotTags) {
  std::string page = "<script>" + Repeat("<div>", 5000) + "</script>" +
                     "<!--" + Repeat("<div>", 5000) + "-->" +
                     Repeat("1 < 2 ", 5000) + "<style>" + Repeat("<b>", 50) +
                     "</STYLE>";
  EXPECT_FALSE(CapTagNesting(page, 20).has_value());
}

}  // namespace
}  // namespace govreport::parser
