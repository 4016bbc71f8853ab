#include "cli/input_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class InputFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (fs::temp_directory_path() / "input_files_test.XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& relative, const std::string& bytes) {
    fs::path path = fs::path(dir_) / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
  }
  std::string At(const std::string& relative) const {
    return (fs::path(dir_) / relative).string();
  }

  std::string dir_;
};

TEST_F(InputFilesTest, FolderIsListedSortedAndRecursiveWithoutHiddenEntries) {
  Write("b.txt", "b");
  Write("a/z.pdf", "z");
  Write(".hidden.txt", "h");
  Write(".git/config", "c");
  auto files = ExpandInputs({dir_});
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_THAT(*files, ElementsAre(At("a/z.pdf"), At("b.txt")));
}

TEST_F(InputFilesTest, GroundTruthSidecarBesideItsReportIsLeftOut) {
  Write("r.html", "<p>report</p>");
  Write("r.html.expected.json", "{}");
  // No "orphan.txt" beside it: kept, the analyzer will say what it is.
  Write("orphan.txt.expected.json", "{}");
  Write("sub/s.pdf", "%PDF");
  Write("sub/s.pdf.expected.json", "{}");
  auto files = ExpandInputs({dir_});
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_THAT(*files, ElementsAre(At("orphan.txt.expected.json"), At("r.html"),
                                  At("sub/s.pdf")));
}

TEST_F(InputFilesTest, SidecarNamedAsAnArgumentIsKept) {
  Write("r.html", "x");
  Write("r.html.expected.json", "{}");
  auto files = ExpandInputs({At("r.html.expected.json")});
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_THAT(*files, ElementsAre(At("r.html.expected.json")));
}

TEST_F(InputFilesTest, MissingPathIsAnErrorNamingIt) {
  auto files = ExpandInputs({At("nope")});
  EXPECT_EQ(files.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(files.status().message()),
              HasSubstr(At("nope") + ": no such file or directory"));
}

TEST_F(InputFilesTest, ReadInputFileEnforcesTheSizeLimit) {
  Write("big.txt", std::string(100, 'x'));
  auto read = ReadInputFile(At("big.txt"), 99);
  EXPECT_EQ(read.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(read.status().message()),
              HasSubstr("file is 100 bytes, over the limit of 99 bytes"));
  auto ok = ReadInputFile(At("big.txt"), 100);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(*ok, std::string(100, 'x'));
}

}  // namespace
}  // namespace govreport::cli
