#include "cli/progress.h"

#include <cstdio>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::cli {
namespace {

using ::testing::HasSubstr;

TEST(Progress, DescribesRateAndEta) {
  EXPECT_EQ(Progress::Describe(50, 200, 10.0),
            "50/200 files  5.0 files/s  ETA 30s");
  EXPECT_EQ(Progress::Describe(200, 200, 4.0),
            "200/200 files  50.0 files/s  ETA 0s");
  EXPECT_EQ(Progress::Describe(0, 10, 0.0), "0/10 files  0.0 files/s  ETA -");
}

std::string Captured(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[512];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out.append(buf, n);
  return out;
}

TEST(Progress, PlainModePrintsOneLinePerTenthAndNoControlCharacters) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  Progress progress(20, f, /*interactive=*/false);
  for (int i = 0; i < 20; ++i) progress.Advance();
  progress.Finish();
  std::string out = Captured(f);
  std::fclose(f);
  int lines = 0;
  for (char c : out) lines += c == '\n';
  EXPECT_EQ(lines, 10);
  EXPECT_EQ(out.find('\r'), std::string::npos);
  EXPECT_THAT(out, HasSubstr("progress: 2/20 files"));
  EXPECT_THAT(out, HasSubstr("progress: 20/20 files"));
}

TEST(Progress, InteractiveModeRedrawsInPlaceAndEndsWithNewline) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  Progress progress(3, f, /*interactive=*/true);
  for (int i = 0; i < 3; ++i) progress.Advance();
  progress.Finish();
  std::string out = Captured(f);
  std::fclose(f);
  EXPECT_EQ(out.front(), '\r');
  EXPECT_EQ(out.back(), '\n');
  EXPECT_THAT(out, HasSubstr("3/3 files"));
}

}  // namespace
}  // namespace govreport::cli
