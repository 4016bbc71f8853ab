// Every sample of data/samples, built from its .expected.json cells (no
// parser) with the file's own text for text and markdown files: the
// validator's findings match findings_expected. LABEL-MODIFIED needs the
// parser's label deviations and is covered by corpus_findings_test.

#include <memory>

#include "common/regions/gazetteer.h"
#include "gtest/gtest.h"
#include "tests/validator/expected_findings.h"
#include "tests/validator/report_builder.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

class SampleTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    auto loaded = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    gazetteer_ = loaded->release();
  }
  static const regions::Gazetteer* gazetteer_;
};
const regions::Gazetteer* SampleTest::gazetteer_ = nullptr;

TEST_P(SampleTest, FindingsMatchTheExpectedOnes) {
  absl::StatusOr<v1::Report> report = testing::ReportFromExpected(GetParam());
  ASSERT_TRUE(report.ok()) << report.status();
  std::vector<v1::Finding> findings =
      Validator({}, gazetteer_).Validate(*report);
  EXPECT_EQ(testing::DiffWithExpected(GetParam(), findings, {"LABEL-MODIFIED"}),
            "");
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleTest,
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
