#include "cli/args.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::vector<OptionSpec> kSpecs = {
    {"format", "json|csv", "json", "output format"},
    {"verbose", "", "", "more output"},
};

TEST(ParseArgs, FillsDefaultsAndKeepsPositionalOrder) {
  auto args = ParseArgs(kSpecs, {"a.txt", "dir"});
  ASSERT_TRUE(args.ok());
  EXPECT_EQ(args->Get("format"), "json");
  EXPECT_FALSE(args->Flag("verbose"));
  EXPECT_THAT(args->positional, ElementsAre("a.txt", "dir"));
}

TEST(ParseArgs, AcceptsEqualsAndSeparateValuesAndFlags) {
  auto a = ParseArgs(kSpecs, {"--format=csv", "x", "--verbose"});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->Get("format"), "csv");
  EXPECT_TRUE(a->Flag("verbose"));
  auto b = ParseArgs(kSpecs, {"--format", "csv", "x"});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->Get("format"), "csv");
  EXPECT_THAT(b->positional, ElementsAre("x"));
}

TEST(ParseArgs, DoubleDashEndsOptions) {
  auto args = ParseArgs(kSpecs, {"--", "--format"});
  ASSERT_TRUE(args.ok());
  EXPECT_THAT(args->positional, ElementsAre("--format"));
}

TEST(ParseArgs, NamesUnknownOptionsAndMissingValues) {
  auto unknown = ParseArgs(kSpecs, {"--colour"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("--colour"));
  auto missing = ParseArgs(kSpecs, {"--format"});
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("--format needs a value"));
  auto flag_value = ParseArgs(kSpecs, {"--verbose=maybe"});
  EXPECT_FALSE(flag_value.ok());
}

TEST(ParseArgs, RecognisesHelp) {
  auto args = ParseArgs(kSpecs, {"-h"});
  ASSERT_TRUE(args.ok());
  EXPECT_TRUE(args->help);
}

TEST(OptionsHelp, ListsEveryOptionWithItsDefault) {
  std::string help = OptionsHelp(kSpecs);
  EXPECT_THAT(help, HasSubstr("--format json|csv"));
  EXPECT_THAT(help, HasSubstr("(default: json)"));
  EXPECT_THAT(help, HasSubstr("--verbose"));
  EXPECT_THAT(help, HasSubstr("--help"));
}

}  // namespace
}  // namespace govreport::cli
