// The govreport binary as a user meets it: help texts, exit statuses, and
// what it says about missing, unreadable and non-report inputs.

#include <filesystem>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/command_runner.h"

namespace govreport::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSamples = std::string(GOVREPORT_DATA_DIR) + "/samples";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  CommandResult Run(const std::string& args) {
    return RunCommand(absl::StrCat(BinaryPath("govreport"), " ", args), dir_);
  }
  std::string dir_;
};

TEST_F(CliTest, EverySubcommandHasHelpWithExamples) {
  for (const char* command :
       {"analyze", "parse", "validate", "ingest", "stats"}) {
    SCOPED_TRACE(command);
    CommandResult r = Run(absl::StrCat(command, " --help"));
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_THAT(r.out, HasSubstr(absl::StrCat("Usage: govreport ", command)));
    EXPECT_THAT(r.out, HasSubstr("Examples:"));
    EXPECT_THAT(r.out, HasSubstr("Exit status:"));
  }
  CommandResult top = Run("--help");
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_THAT(top.out, HasSubstr("analyze"));
  EXPECT_EQ(Run("--version").out, "govreport 0.1.0\n");
}

TEST_F(CliTest, UsageErrorsExitTwoAndSayWhy) {
  CommandResult unknown = Run("frobnicate");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown command \"frobnicate\""));
  CommandResult option = Run("parse --colour x");
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_THAT(option.err, HasSubstr("unknown option --colour"));
  CommandResult format = Run("parse --format xml x");
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_THAT(format.err,
              HasSubstr("--format must be json, csv, text, got \"xml\""));
  EXPECT_EQ(Run("analyze").exit_code, 2);
  EXPECT_EQ(Run("").exit_code, 2);
}

TEST_F(CliTest, MissingFolderNamesIt) {
  for (const char* command : {"analyze", "parse", "validate"}) {
    SCOPED_TRACE(command);
    CommandResult r = Run(absl::StrCat(command, " ", dir_, "/no-such-folder"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err,
                HasSubstr(absl::StrCat(
                    dir_, "/no-such-folder: no such file or directory")));
  }
}

TEST_F(CliTest, ParsePrintsTheContractShape) {
  CommandResult r =
      Run(absl::StrCat("parse ", kSamples, "/seeds/001_49a36d82f9765fca.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"agency\": \"西工区统计局\""));
  EXPECT_THAT(r.out, HasSubstr("\"region_code\": \"410303\""));
  EXPECT_THAT(r.out, HasSubstr("\"t4.lit_after_review.total\": 0"));
  CommandResult csv = Run(absl::StrCat(
      "parse --format csv ", kSamples, "/seeds/000_875541e45b987938.txt ",
      kSamples, "/seeds/001_49a36d82f9765fca.txt"));
  EXPECT_EQ(csv.exit_code, 0) << csv.err;
  std::vector<std::string> lines =
      absl::StrSplit(csv.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(lines[0],
              HasSubstr("source,year,agency,agency_kind,region_code"));
  EXPECT_THAT(
      lines[2],
      HasSubstr(
          ",2023,西工区统计局,DEPARTMENT,410303,41/4103/410303,V2021,true,0,"));
}

TEST_F(CliTest, ValidateExitsOneOnErrorFindingsAndZeroOtherwise) {
  CommandResult clean = Run(
      absl::StrCat("validate ", kSamples, "/seeds/001_49a36d82f9765fca.txt"));
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  CommandResult bad =
      Run(absl::StrCat("validate --format json ", kSamples,
                       "/real/shanghai-stc-2024-pdf-markdown.md"));
  EXPECT_EQ(bad.exit_code, 1) << bad.err;
  EXPECT_THAT(bad.out, HasSubstr("\"rule\":\"T3-ROW\",\"severity\":\"ERROR\""));
  CommandResult lenient =
      Run(absl::StrCat("validate --fail-on-error=false ", kSamples,
                       "/real/shanghai-stc-2024-pdf-markdown.md"));
  EXPECT_EQ(lenient.exit_code, 0);
}

TEST_F(CliTest, UnreadableAndNonReportFilesAreListedAndTheRestGoesOn) {
  const std::string in = dir_ + "/in";
  std::filesystem::create_directories(in);
  std::filesystem::copy_file(kSamples + "/seeds/000_875541e45b987938.txt",
                             in + "/000.txt");
  WriteFile(in + "/notes.txt",
            "会议通知\n请各单位于下周一上午九点参加会议。\n");
  WriteFile(in + "/garbage.bin",
            std::string("\x00\x01\x02\xff\xfe\x00\x89PNG\x00\x00", 12));
  CommandResult r = Run(absl::StrCat("analyze --out ", dir_, "/out ", in));
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Analysed 3 files"));
  EXPECT_THAT(r.out, HasSubstr("1 annual reports"));
  EXPECT_THAT(r.out, HasSubstr(in + "/garbage.bin: could not be read: " + in +
                               "/garbage.bin"));
  EXPECT_THAT(r.out,
              HasSubstr(in + "/notes.txt: skipped: not an annual report"));
  std::string skipped = ReadFile(dir_ + "/out/skipped.csv");
  EXPECT_THAT(skipped, HasSubstr(in + "/notes.txt,not an annual report"));
  EXPECT_THAT(skipped, HasSubstr(in + "/garbage.bin,"));
  std::string reports = ReadFile(dir_ + "/out/reports.csv");
  EXPECT_THAT(
      reports,
      HasSubstr(in + "/000.txt,2023,西工区西工街道办事处,TOWNSHIP,410303003"));

  // Without the unreadable file the same folder succeeds.
  std::filesystem::remove(in + "/garbage.bin");
  CommandResult ok = Run(absl::StrCat("analyze --out ", dir_, "/out2 ", in));
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
}

TEST_F(CliTest, AnalyzeWritesEveryOutputAndFailsOnErrorOnlyWhenAsked) {
  const std::string in = dir_ + "/in";
  std::filesystem::create_directories(in);
  std::filesystem::copy_file(
      kSamples + "/real/shanghai-stc-2024-pdf-markdown.md", in + "/stc.md");
  CommandResult r = Run(absl::StrCat("analyze --out ", dir_, "/out ", in));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"reports.csv", "reports.jsonl", "findings.csv",
                           "metrics.csv", "skipped.csv", "report.html"}) {
    EXPECT_TRUE(std::filesystem::exists(dir_ + "/out/" + name)) << name;
  }
  EXPECT_THAT(ReadFile(dir_ + "/out/findings.csv"),
              HasSubstr(",T3-ROW,ERROR,"));
  EXPECT_THAT(r.out, HasSubstr("上海市科委 2024: 2 ERROR"));
  EXPECT_THAT(r.out, HasSubstr("Regional summary 2024"));
  CommandResult strict =
      Run(absl::StrCat("analyze --fail-on-error --out ", dir_, "/out3 ", in));
  EXPECT_EQ(strict.exit_code, 1);
}

TEST_F(CliTest, OutputsStayInsideOutEvenForHostileNames) {
  const std::string in = dir_ + "/in";
  std::filesystem::create_directories(in + "/evil..dir");
  std::filesystem::copy_file(kSamples + "/seeds/002_6a46581b0013c0e7.txt",
                             in + "/evil..dir/$(touch pwned);.txt");
  CommandResult r =
      Run(absl::StrCat("analyze --out ", dir_, "/out '", in, "'"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/pwned"));
  EXPECT_FALSE(std::filesystem::exists("pwned"));
  // Only the six outputs and the SQLite store (with its WAL files) are there.
  const std::set<std::string> allowed = {"reports.csv",  "reports.jsonl",
                                         "findings.csv", "metrics.csv",
                                         "skipped.csv",  "report.html"};
  for (const auto& e : std::filesystem::directory_iterator(dir_ + "/out")) {
    std::string name = e.path().filename().string();
    EXPECT_TRUE(allowed.contains(name) || name.rfind("govreport.db", 0) == 0)
        << name;
  }
  EXPECT_THAT(ReadFile(dir_ + "/out/reports.csv"),
              HasSubstr("/evil..dir/$(touch pwned);.txt"));
}

}  // namespace
}  // namespace govreport::testing
