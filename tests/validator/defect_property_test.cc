// Property: over many generated reports with random defects injected, the
// validator reports exactly the injected defects (rule and first cell),
// nothing more and nothing less. Reports come from the parser's generator
// (tests/generator, truth side) when it is built, and from the injector's
// own balanced generator otherwise; both are used when available.

#include <map>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/regions/gazetteer.h"
#include "gtest/gtest.h"
#include "tests/generator/defect_injector.h"
#include "validator-svc/validator.h"
#ifdef GOVREPORT_HAVE_GENERATOR
#include "tests/generator/report_generator.h"
#endif

namespace govreport::validator {
namespace {

using govreport::testing::Defect;
using govreport::testing::DefectInjector;
using govreport::testing::ExpectedFinding;

constexpr int kReports = 1200;

std::string Describe(const std::vector<ExpectedFinding>& findings) {
  std::vector<std::string> parts;
  for (const auto& f : findings)
    parts.push_back(absl::StrCat(f.rule, "@", f.first_cell));
  return absl::StrJoin(parts, ", ");
}

TEST(DefectInjection, ValidatorReportsExactlyTheInjectedDefects) {
  auto loaded = regions::Gazetteer::Load(GOVREPORT_DATA_DIR "/gazetteer");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  std::unique_ptr<regions::Gazetteer> gazetteer = *std::move(loaded);
  Validator validator({}, gazetteer.get());
  DefectInjector injector(/*seed=*/20240521, gazetteer.get());
#ifdef GOVREPORT_HAVE_GENERATOR
  govreport::testing::ReportGenerator generator(/*seed=*/7, gazetteer.get());
#endif
  std::map<std::string, int> injected;
  int failures = 0;
  for (int i = 0; i < kReports; ++i) {
    v1::Report report;
#ifdef GOVREPORT_HAVE_GENERATOR
    if (i % 2 == 0) {
      report =
          generator.RandomTruth({.layout = govreport::testing::Layout::kTabs});
    } else {
      report = injector.RandomBalancedReport();
    }
#else
    report = injector.RandomBalancedReport();
#endif
    injector.Complete(report);
    ASSERT_TRUE(validator.Validate(report).empty())
        << "clean report " << i
        << " has findings: " << validator.Validate(report)[0].message();
    std::vector<Defect> defects = injector.RandomDefects();
    std::vector<ExpectedFinding> expected = injector.Inject(report, defects);
    for (const ExpectedFinding& f : expected) ++injected[f.rule];
    std::vector<ExpectedFinding> actual;
    for (const v1::Finding& f : validator.Validate(report)) {
      actual.push_back({f.rule(), f.cells_size() > 0 ? f.cells(0) : ""});
    }
    std::sort(actual.begin(), actual.end());
    if (actual != expected && ++failures <= 5) {
      ADD_FAILURE() << "report " << i << "\n  injected: " << Describe(expected)
                    << "\n  reported: " << Describe(actual);
    }
  }
  EXPECT_EQ(failures, 0);
  // Every defect type was exercised.
  for (int d = 0; d < govreport::testing::kDefectCount; ++d) {
    const char* rule = govreport::testing::DefectRule(static_cast<Defect>(d));
    EXPECT_GE(injected[rule], 20) << rule;
  }
}

}  // namespace
}  // namespace govreport::validator
