// Every file of data/samples parsed by the parser (with the gazetteer) and
// validated: at WARNING and ERROR the findings are exactly findings_expected
// of its .expected.json (optional entries may or may not appear), and every
// expected INFO finding appears. Formats the parser cannot decode yet are
// skipped with the parser's reason; text and markdown files must parse.

#include <fstream>
#include <memory>
#include <sstream>

#include "absl/strings/match.h"
#include "common/regions/gazetteer.h"
#include "gtest/gtest.h"
#include "parser-svc/parser.h"
#include "tests/validator/expected_findings.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

class CorpusFindingsTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    auto loaded = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    gazetteer_ = loaded->release();
  }
  static const regions::Gazetteer* gazetteer_;
};
const regions::Gazetteer* CorpusFindingsTest::gazetteer_ = nullptr;

TEST_P(CorpusFindingsTest, FindingsAreExactlyTheExpectedOnes) {
  const std::string& path = GetParam();
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  parser::Parser parser({.gazetteer = gazetteer_});
  absl::StatusOr<v1::Report> report = parser.Parse(path, bytes.str());
  bool text = absl::EndsWith(path, ".txt") || absl::EndsWith(path, ".md");
  if (!report.ok() && !text)
    GTEST_SKIP() << "parser cannot read it yet: " << report.status();
  ASSERT_TRUE(report.ok()) << report.status();
  std::vector<v1::Finding> findings =
      Validator({}, gazetteer_).Validate(*report);
  EXPECT_EQ(testing::DiffWithExpected(path, findings), "");
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusFindingsTest,
                         ::testing::ValuesIn(testing::SampleFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name =
                               info.param.substr(info.param.rfind('/') + 1);
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace govreport::validator
