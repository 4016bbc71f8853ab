// The aggregator's ingest semantics and queries, run against SQLite and a
// real PostgreSQL 15, with reports built from the corpus' ground truth.
#include "aggregator-svc/aggregator.h"

#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/aggregator/backend_fixture.h"
#include "tests/aggregator/expected_metrics.h"
#include "tests/aggregator/sample_reports.h"

namespace govreport::aggregator {
namespace {

using ::govreport::testing::Backend;
using ::govreport::testing::BackendTest;
using ::govreport::testing::SampleReport;

std::vector<SampleReport> Samples() {
  std::vector<SampleReport> out;
  for (const std::string& path : ::govreport::testing::SampleDocumentPaths()) {
    absl::StatusOr<SampleReport> s = ::govreport::testing::LoadSample(path);
    EXPECT_TRUE(s.ok()) << s.status();
    if (s.ok()) out.push_back(*std::move(s));
  }
  return out;
}

v1::Report SmallReport(const std::string& id, const std::string& agency,
                       int year, const std::string& region,
                       std::vector<std::pair<std::string, int64_t>> cells) {
  v1::Report r;
  r.set_id(id);
  r.set_source_name(id + ".txt");
  r.set_year(year);
  r.set_agency(agency);
  r.set_agency_kind(v1::AGENCY_KIND_DEPARTMENT);
  r.set_region_code(region);
  r.set_template_(v1::TEMPLATE_V2021);
  r.set_is_annual_report(true);
  for (const auto& [key, value] : cells) {
    v1::Cell* c = r.add_cells();
    c->set_key(key);
    c->set_count(value);
    c->set_state(v1::CELL_STATE_VALUE);
  }
  return r;
}

std::map<std::string, v1::MetricValue> ByMetric(
    const v1::GetRegionStatsResponse& r) {
  std::map<std::string, v1::MetricValue> out;
  for (const v1::MetricValue& m : r.metrics()) out[m.metric()] = m;
  return out;
}

class AggregatorTest : public BackendTest {
 protected:
  std::unique_ptr<Aggregator> Open(bool cross_report = true) {
    AggregatorOptions options;
    options.dsn = dsn_;
    options.gazetteer = &Gazetteer();
    options.cross_report = cross_report;
    absl::StatusOr<std::unique_ptr<Aggregator>> a =
        Aggregator::Open(std::move(options));
    EXPECT_TRUE(a.ok()) << a.status();
    return a.ok() ? *std::move(a) : nullptr;
  }

  static std::vector<ParsedReport> Parsed(
      const std::vector<SampleReport>& samples) {
    std::vector<ParsedReport> out;
    for (const SampleReport& s : samples) out.push_back({s.report, s.findings});
    return out;
  }

  v1::GetRegionStatsResponse Stats(Aggregator& a, const std::string& region,
                                   int year, const std::string& kind = "") {
    v1::GetRegionStatsRequest request;
    request.set_region_code(region);
    request.set_year(year);
    request.set_agency_kind(kind);
    absl::StatusOr<v1::GetRegionStatsResponse> r = a.GetRegionStats(request);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : v1::GetRegionStatsResponse();
  }
};

TEST_P(AggregatorTest, MetricsOfCorpusEqualAnIndependentComputation) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  std::vector<SampleReport> samples = Samples();
  ASSERT_EQ(samples.size(), 16u);
  for (const v1::IngestResponse& r : a->IngestBatch(Parsed(samples))) {
    EXPECT_EQ(r.outcome(), v1::INGEST_OUTCOME_STORED)
        << r.name() << ": " << r.error_message();
  }
  struct Query {
    std::string region;
    int year;
    std::string kind;
    v1::RegionLevel level;
  };
  const std::vector<Query> queries = {
      {"41", 2023, "", v1::REGION_LEVEL_PROVINCE},
      {"4103", 2023, "", v1::REGION_LEVEL_PREFECTURE},
      {"410303", 2023, "", v1::REGION_LEVEL_COUNTY},
      {"410303", 2023, "TOWNSHIP", v1::REGION_LEVEL_COUNTY},
      {"410303003", 2023, "", v1::REGION_LEVEL_TOWNSHIP},
      {"41", 2024, "", v1::REGION_LEVEL_PROVINCE},
      {"32", 2024, "", v1::REGION_LEVEL_PROVINCE},
      {"3208", 2024, "GOVERNMENT", v1::REGION_LEVEL_PREFECTURE},
      {"320813", 2024, "", v1::REGION_LEVEL_COUNTY},
      {"31", 2019, "", v1::REGION_LEVEL_PROVINCE},
      {"31", 2024, "", v1::REGION_LEVEL_PROVINCE},
      {"350128", 2019, "", v1::REGION_LEVEL_COUNTY},
      {"35", 2023, "", v1::REGION_LEVEL_PROVINCE},
      {"3501", 2025, "", v1::REGION_LEVEL_PREFECTURE},
      {"61", 2023, "", v1::REGION_LEVEL_PROVINCE},
      {"unresolved", 2023, "", v1::REGION_LEVEL_UNRESOLVED},
      {"unresolved", 2025, "", v1::REGION_LEVEL_UNRESOLVED},
  };
  for (const Query& q : queries) {
    SCOPED_TRACE(absl::StrCat(q.region, " ", q.year, " ", q.kind));
    std::vector<const nlohmann::json*> in_scope;
    for (const SampleReport& s : samples) {
      if (::govreport::testing::CountedIn(s.expected, q.region, q.year,
                                          q.kind)) {
        in_scope.push_back(&s.expected);
      }
    }
    ASSERT_FALSE(in_scope.empty());
    std::map<std::string, double> want =
        ::govreport::testing::ExpectedMetrics(in_scope);
    v1::GetRegionStatsResponse got = Stats(*a, q.region, q.year, q.kind);
    EXPECT_EQ(got.region().level(), q.level);
    std::map<std::string, v1::MetricValue> by_metric = ByMetric(got);
    EXPECT_EQ(by_metric.size(), want.size());
    for (const auto& [id, value] : want) {
      ASSERT_TRUE(by_metric.count(id)) << id;
      EXPECT_DOUBLE_EQ(by_metric[id].value(), value) << id;
      EXPECT_EQ(by_metric[id].reports(), static_cast<int64_t>(in_scope.size()))
          << id;
      EXPECT_EQ(by_metric[id].agency_kind(), q.kind);
      EXPECT_EQ(by_metric[id].year(), q.year);
    }
  }
}

TEST_P(AggregatorTest, ReingestingTheSameReportsChangesNothing) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  std::vector<SampleReport> samples = Samples();
  a->IngestBatch(Parsed(samples));
  v1::GetRegionStatsResponse before = Stats(*a, "41", 2023);
  for (const v1::IngestResponse& r : a->IngestBatch(Parsed(samples))) {
    EXPECT_EQ(r.outcome(), v1::INGEST_OUTCOME_DUPLICATE) << r.name();
  }
  EXPECT_EQ(Stats(*a, "41", 2023).SerializeAsString(),
            before.SerializeAsString());
  v1::ListReportsRequest list;
  list.set_include_superseded(true);
  absl::StatusOr<v1::ListReportsResponse> all = a->ListReports(list);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total(), 16);
}

TEST_P(AggregatorTest, ConcurrentIngestOfTheSameReportsStoresEachOnce) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  std::vector<SampleReport> samples = Samples();
  std::vector<std::thread> threads;
  std::atomic<int> stored{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (const v1::IngestResponse& r : a->IngestBatch(Parsed(samples))) {
        if (r.outcome() == v1::INGEST_OUTCOME_STORED) ++stored;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(stored.load(), 16);
  std::map<std::string, v1::MetricValue> m = ByMetric(Stats(*a, "4103", 2023));
  EXPECT_EQ(m["reports"].value(), 2);
}

TEST_P(AggregatorTest,
       NewVersionSupersedesTheOldInStatisticsAndKeepsItInHistory) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  v1::IngestResponse first = a->Ingest(
      {SmallReport("v1", "西工区统计局", 2023, "410303", {{"t3.new.total", 5}}),
       {}});
  EXPECT_EQ(first.outcome(), v1::INGEST_OUTCOME_STORED);
  v1::Finding error;
  error.set_rule("T3-ROW");
  error.set_severity(v1::SEVERITY_ERROR);
  v1::IngestResponse second = a->Ingest(
      {SmallReport("v2", "西工区统计局", 2023, "410303", {{"t3.new.total", 7}}),
       {error}});
  EXPECT_EQ(second.outcome(), v1::INGEST_OUTCOME_SUPERSEDED_PREVIOUS);
  EXPECT_EQ(second.errors(), 1);
  for (const char* region : {"41", "4103", "410303"}) {
    std::map<std::string, v1::MetricValue> m =
        ByMetric(Stats(*a, region, 2023));
    EXPECT_EQ(m["reports"].value(), 1) << region;
    EXPECT_EQ(m["applications_new"].value(), 7) << region;
    EXPECT_EQ(m["consistency_pass_rate"].value(), 0) << region;
  }
  v1::GetRegionStatsResponse stats = Stats(*a, "41", 2023);
  ASSERT_EQ(stats.findings_size(), 1);
  EXPECT_EQ(stats.findings(0).rule(), "T3-ROW");
  EXPECT_EQ(stats.findings(0).reports(), 1);

  v1::ListReportsRequest list;
  list.set_region_code("410303");
  absl::StatusOr<v1::ListReportsResponse> current = a->ListReports(list);
  ASSERT_TRUE(current.ok());
  ASSERT_EQ(current->reports_size(), 1);
  EXPECT_EQ(current->reports(0).id(), "v2");
  list.set_include_superseded(true);
  absl::StatusOr<v1::ListReportsResponse> history = a->ListReports(list);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->total(), 2);
  v1::GetReportRequest get;
  get.set_id("v1");
  absl::StatusOr<v1::GetReportResponse> old = a->GetReport(get);
  ASSERT_TRUE(old.ok());
  EXPECT_TRUE(old->superseded());

  // The superseded version coming back is a duplicate: statistics keep v2.
  EXPECT_EQ(a->Ingest({SmallReport("v1", "西工区统计局", 2023, "410303",
                                   {{"t3.new.total", 5}}),
                       {}})
                .outcome(),
            v1::INGEST_OUTCOME_DUPLICATE);
  EXPECT_EQ(ByMetric(Stats(*a, "4103", 2023))["applications_new"].value(), 7);
}

TEST_P(AggregatorTest, RetiredCodeCountsUnderItsSuccessor) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  std::optional<std::string> successor = Gazetteer().Successor("320811");
  ASSERT_TRUE(successor.has_value());
  EXPECT_EQ(a->Ingest({SmallReport("old-code", "清浦区人民政府", 2015, "320811",
                                   {{"t3.new.total", 9}}),
                       {}})
                .outcome(),
            v1::INGEST_OUTCOME_STORED);
  std::map<std::string, v1::MetricValue> m =
      ByMetric(Stats(*a, *successor, 2015));
  EXPECT_EQ(m["applications_new"].value(), 9);
  EXPECT_EQ(ByMetric(Stats(*a, "3208", 2015))["reports"].value(), 1);
  EXPECT_EQ(ByMetric(Stats(*a, "320811", 2015))["reports"].value(), 1);
}

TEST_P(AggregatorTest, UnknownRegionIsCountedUnderUnresolved) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  a->Ingest(
      {SmallReport("u1", "政务服务局", 2023, "", {{"t3.new.total", 3}}), {}});
  a->Ingest(
      {SmallReport("u2", "某局", 2023, "999999", {{"t3.new.total", 4}}), {}});
  v1::GetRegionStatsResponse s = Stats(*a, "unresolved", 2023);
  EXPECT_EQ(s.region().level(), v1::REGION_LEVEL_UNRESOLVED);
  std::map<std::string, v1::MetricValue> m = ByMetric(s);
  EXPECT_EQ(m["reports"].value(), 2);
  EXPECT_EQ(m["applications_new"].value(), 7);
  EXPECT_EQ(m["reports"].level(), v1::REGION_LEVEL_UNRESOLVED);
}

TEST_P(AggregatorTest, AcceptsGbT2260FormsAndRejectsUnknownInput) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  a->Ingest(
      {SmallReport("g1", "洛阳市统计局", 2023, "4103", {{"t3.new.total", 11}}),
       {}});
  EXPECT_EQ(Stats(*a, "410000", 2023).region().code(), "41");
  EXPECT_EQ(ByMetric(Stats(*a, "410300", 2023))["applications_new"].value(),
            11);
  v1::GetRegionStatsRequest bad;
  bad.set_region_code("990000");
  bad.set_year(2023);
  EXPECT_EQ(a->GetRegionStats(bad).status().code(),
            absl::StatusCode::kNotFound);
  bad.set_region_code("41");
  bad.set_agency_kind("CITY");
  EXPECT_EQ(a->GetRegionStats(bad).status().code(),
            absl::StatusCode::kInvalidArgument);
  bad.set_agency_kind("");
  bad.set_year(0);
  EXPECT_EQ(a->GetRegionStats(bad).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_P(AggregatorTest, RanksChildrenByMetricWithReportCounts) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  a->IngestBatch({
      {SmallReport("k1", "甲局", 2023, "410303", {{"t3.new.total", 5}}), {}},
      {SmallReport("k2", "乙局", 2023, "410303", {{"t3.new.total", 1}}), {}},
      {SmallReport("k3", "丙局", 2023, "410304", {{"t3.new.total", 9}}), {}},
      {SmallReport("k4", "丁局", 2023, "410305", {{"t3.new.total", 2}}), {}},
      {SmallReport("k5", "戊局", 2022, "410306", {{"t3.new.total", 100}}), {}},
  });
  v1::GetRankingRequest request;
  request.set_region_code("4103");
  request.set_year(2023);
  request.set_metric("applications_new");
  absl::StatusOr<v1::GetRankingResponse> r = a->GetRanking(request);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->entries_size(), 3);
  EXPECT_EQ(r->entries(0).region_code(), "410304");
  EXPECT_EQ(r->entries(0).value(), 9);
  EXPECT_EQ(r->entries(0).reports(), 1);
  EXPECT_EQ(r->entries(1).region_code(), "410303");
  EXPECT_EQ(r->entries(1).value(), 6);
  EXPECT_EQ(r->entries(1).reports(), 2);
  EXPECT_EQ(r->entries(1).region_name(), "西工区");
  EXPECT_EQ(r->entries(2).region_code(), "410305");
  request.set_ascending(true);
  request.set_limit(1);
  r = a->GetRanking(request);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->entries_size(), 1);
  EXPECT_EQ(r->entries(0).region_code(), "410305");
  // Provinces for an empty parent.
  request.set_region_code("");
  request.set_limit(0);
  r = a->GetRanking(request);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->entries_size(), 1);
  EXPECT_EQ(r->entries(0).region_code(), "41");
  EXPECT_EQ(r->entries(0).value(), 17);
}

TEST_P(AggregatorTest, TimeSeriesHasOnePointPerYearWithAValue) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  std::vector<SampleReport> samples = Samples();
  a->IngestBatch(Parsed(samples));
  v1::GetTimeSeriesRequest request;
  request.set_region_code("350128");
  request.set_metric("applications_new");
  absl::StatusOr<v1::GetTimeSeriesResponse> r = a->GetTimeSeries(request);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::pair<int, double>> points;
  for (const v1::MetricValue& p : r->points())
    points.push_back({p.year(), p.value()});
  // 2014 is not an annual report; 2018 (E2014) had no applications.
  EXPECT_EQ(points, (std::vector<std::pair<int, double>>{
                        {2018, 0}, {2019, 23}, {2023, 81}, {2025, 154}}));
  request.set_metric("disclosed_rate");
  request.set_from_year(2019);
  request.set_to_year(2023);
  r = a->GetTimeSeries(request);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->points_size(), 2);
  EXPECT_EQ(r->points(0).year(), 2019);
  request.set_metric("no_such_metric");
  EXPECT_EQ(a->GetTimeSeries(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_P(AggregatorTest, ListsReportsByRuleAndSeverityInPages) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  std::vector<SampleReport> samples = Samples();
  a->IngestBatch(Parsed(samples));
  v1::ListReportsRequest request;
  request.set_rule("T3-COL");
  absl::StatusOr<v1::ListReportsResponse> r = a->ListReports(request);
  ASSERT_TRUE(r.ok()) << r.status();
  std::set<std::string> names;
  for (const v1::ReportSummary& s : r->reports()) names.insert(s.source_name());
  EXPECT_EQ(names,
            (std::set<std::string>{"shanghai-office-2019-v2019-tables.html",
                                   "shanghai-stc-2024-pdf-markdown.md"}));
  request.set_rule("");
  request.set_severity("ERROR");
  request.set_region_code("310000");
  r = a->ListReports(request);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total(), 2);
  // Paging through everything, three at a time.
  v1::ListReportsRequest paged;
  paged.set_page_size(3);
  std::set<std::string> ids;
  int pages = 0;
  do {
    r = a->ListReports(paged);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->total(), 16);
    for (const v1::ReportSummary& s : r->reports()) ids.insert(s.id());
    paged.set_page_token(r->next_page_token());
    ++pages;
  } while (!r->next_page_token().empty());
  EXPECT_EQ(ids.size(), 16u);
  EXPECT_EQ(pages, 6);
}

TEST_P(AggregatorTest, GetReportReturnsCellsWithProvenanceAndFindings) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  std::vector<SampleReport> samples = Samples();
  const SampleReport* stc = nullptr;
  for (const SampleReport& s : samples) {
    if (s.report.source_name() == "shanghai-stc-2024-pdf-markdown.md") stc = &s;
  }
  ASSERT_NE(stc, nullptr);
  a->Ingest({stc->report, stc->findings});
  v1::GetReportRequest get;
  get.set_id(stc->report.id());
  absl::StatusOr<v1::GetReportResponse> r = a->GetReport(get);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report().SerializeAsString(), stc->report.SerializeAsString());
  ASSERT_EQ(r->findings_size(), static_cast<int>(stc->findings.size()));
  EXPECT_EQ(r->findings(0).rule(), stc->findings[0].rule());
  EXPECT_FALSE(r->superseded());
  EXPECT_EQ(r->ingested_at().size(), 20u);  // 2026-11-22T01:02:03Z
  EXPECT_EQ(r->ingested_at().back(), 'Z');
}

TEST_P(AggregatorTest, CarryContinuityIsFoundWhicheverYearArrivesFirst) {
  for (bool previous_first : {true, false}) {
    SCOPED_TRACE(previous_first ? "previous year first"
                                : "previous year later");
    SetUp();
    auto a = Open();
    ASSERT_NE(a, nullptr);
    v1::Report y2022 =
        SmallReport("p22", "西工区统计局", 2022, "410303",
                    {{"t3.carry_out.total", 5}, {"t3.new.total", 5}});
    v1::Report y2023 =
        SmallReport("p23", "西工区统计局", 2023, "410303",
                    {{"t3.carried_in.total", 3}, {"t3.new.total", 1}});
    if (previous_first) {
      a->Ingest({y2022, {}});
      a->Ingest({y2023, {}});
    } else {
      a->Ingest({y2023, {}});
      a->Ingest({y2022, {}});
    }
    v1::GetReportRequest get;
    get.set_id("p23");
    absl::StatusOr<v1::GetReportResponse> r = a->GetReport(get);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->findings_size(), 1);
    EXPECT_EQ(r->findings(0).rule(), "CARRY-CONTINUITY");
    EXPECT_EQ(r->findings(0).other_report_id(), "p22");
    v1::GetRegionStatsResponse s = Stats(*a, "4103", 2023);
    ASSERT_EQ(s.findings_size(), 1);
    EXPECT_EQ(s.findings(0).rule(), "CARRY-CONTINUITY");
    EXPECT_EQ(s.findings(0).severity(), "WARNING");
    get.set_id("p22");
    r = a->GetReport(get);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->findings_size(), 0);
  }
}

TEST_P(AggregatorTest, ExportsEveryRegionYearAndKind) {
  auto a = Open();
  ASSERT_NE(a, nullptr);
  a->Ingest({SmallReport("e1", "西工区统计局", 2023, "410303003",
                         {{"t3.new.total", 4}}),
             {}});
  absl::StatusOr<std::vector<v1::MetricValue>> rows = a->ExportMetrics(false);
  ASSERT_TRUE(rows.ok()) << rows.status();
  std::set<std::string> regions;
  for (const v1::MetricValue& m : *rows) {
    if (m.metric() == "applications_new") {
      regions.insert(m.region_code());
      EXPECT_EQ(m.value(), 4);
      EXPECT_EQ(m.agency_kind(), "");
    }
  }
  EXPECT_EQ(regions,
            (std::set<std::string>{"41", "4103", "410303", "410303003"}));
  rows = a->ExportMetrics(true);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->front().agency_kind(), "DEPARTMENT");
}

TEST_P(AggregatorTest, ReopenedStoreKeepsEverything) {
  std::vector<SampleReport> samples = Samples();
  v1::GetRegionStatsResponse before;
  {
    auto a = Open();
    ASSERT_NE(a, nullptr);
    a->IngestBatch(Parsed(samples));
    before = Stats(*a, "35", 2023);
  }
  auto a = Open();
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Stats(*a, "35", 2023).SerializeAsString(),
            before.SerializeAsString());
  EXPECT_EQ(a->Ingest({samples[0].report, samples[0].findings}).outcome(),
            v1::INGEST_OUTCOME_DUPLICATE);
}

INSTANTIATE_TEST_SUITE_P(Backends, AggregatorTest,
                         ::testing::Values(Backend::kSqlite,
                                           Backend::kPostgres),
                         ::govreport::testing::BackendName);

}  // namespace
}  // namespace govreport::aggregator
