#include <memory>

#include "common/regions/gazetteer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/validator/report_builder.h"
#include "validator-svc/validator.h"

namespace govreport::validator {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::Rules;

const regions::Gazetteer& Gazetteer() {
  static const regions::Gazetteer* const g = [] {
    auto loaded = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *g;
}

v1::Report Township(const std::string& agency, const std::string& prose) {
  v1::Report r = testing::ZeroReport();
  r.set_agency(agency);
  r.mutable_sections(0)->set_text(prose);
  r.set_text(agency + "2023年政府信息公开工作年度报告\n一、总体情况\n" + prose);
  return r;
}

TEST(AgencyMismatch, AnotherTownshipNamedInACopiedReport) {
  v1::Report r = Township("西工区西工街道办事处",
                          "稳步开展西工街道2023年政府信息公开工作。不断提高新棉"
                          "街道政务公开工作的质量和水平。");
  std::vector<v1::Finding> f = Validator({}, &Gazetteer()).Validate(r);
  ASSERT_THAT(Rules(f), ElementsAre("AGENCY-MISMATCH", "ZERO-REPORT"));
  EXPECT_EQ(f[0].severity(), v1::SEVERITY_WARNING);
  EXPECT_EQ(f[0].location().line(), 3u);
  EXPECT_EQ(f[0].message(),
            "正文提到另一个乡镇（街道）“新棉街道”，而本报告是“西工区西工街道办"
            "事处”的报告，疑似套用了其他单位的报告");
}

TEST(AgencyMismatch, OwnNameAndWordsEndingInTownshipSuffixesPass) {
  v1::Report r = Township(
      "西工区西工街道办事处",
      "西工街道持续推进乡村振兴，加强全街道信息公开，各乡镇、城乡社区协同。");
  EXPECT_THAT(Rules(Validator({}, &Gazetteer()).Validate(r)),
              ElementsAre("ZERO-REPORT"));
}

TEST(AgencyMismatch, OnlyTownshipReportsAreChecked) {
  v1::Report r = Township("平潭综合实验区",
                          "政府信息公开量较大的乡镇是敖东镇、澳前镇、潭城镇。");
  r.set_agency_kind(v1::AGENCY_KIND_ZONE_COMMITTEE);
  EXPECT_THAT(Rules(Validator({}, &Gazetteer()).Validate(r)),
              ElementsAre("ZERO-REPORT"));
}

TEST(AgencyMismatch, WithoutAGazetteerNothingIsGuessed) {
  v1::Report r = Township("西工区西工街道办事处",
                          "不断提高新棉街道政务公开工作的质量和水平。");
  EXPECT_THAT(Rules(Validator().Validate(r)), ElementsAre("ZERO-REPORT"));
}

}  // namespace
}  // namespace govreport::validator
