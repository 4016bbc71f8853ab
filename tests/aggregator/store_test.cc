// The store's contract, run against SQLite and a real PostgreSQL 15.
#include "aggregator-svc/store/store.h"

#include "aggregator-svc/store/migrations/migrations.h"
#include "aggregator-svc/store/postgres_store.h"
#include "aggregator-svc/store/sqlite_store.h"
#include "gtest/gtest.h"
#include "tests/aggregator/backend_fixture.h"

namespace govreport::aggregator {
namespace {

using ::govreport::testing::Backend;
using ::govreport::testing::BackendTest;

class StoreTest : public BackendTest {
 protected:
  std::unique_ptr<Store> Open() {
    absl::StatusOr<std::unique_ptr<Store>> store = OpenStore(dsn_);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  static ReportHeader Header(const std::string& id, const std::string& agency,
                             int year, std::vector<std::string> path) {
    ReportHeader h;
    h.id = id;
    h.source_name = id + ".txt";
    h.year = year;
    h.agency = agency;
    h.agency_kind = "DEPARTMENT";
    h.region_code = path.back();
    h.stat_region = path.back();
    h.region_path = std::move(path);
    h.template_name = "V2021";
    h.is_annual_report = true;
    h.counted = true;
    h.ingested_at = "2026-01-01T00:00:00Z";
    h.contribution[kReports] = 1;
    return h;
  }

  static v1::Report Report(const std::string& id) {
    v1::Report r;
    r.set_id(id);
    v1::Cell* cell = r.add_cells();
    cell->set_key("t3.new.total");
    cell->set_count(12);
    cell->set_raw("１２");
    cell->mutable_location()->set_line(40);
    cell->mutable_location()->set_column_begin(7);
    return r;
  }
};

TEST_P(StoreTest, AppliesEveryMigrationOnceAndReopens) {
  ASSERT_NE(Open(), nullptr);
  ASSERT_NE(Open(), nullptr);  // Second open finds nothing to migrate.
  std::unique_ptr<SqlDatabase> db = GetParam() == Backend::kSqlite
                                        ? NewSqliteDatabase(dsn_.substr(9))
                                        : NewPostgresDatabase(dsn_);
  absl::StatusOr<std::unique_ptr<SqlConnection>> c = db->Connect();
  ASSERT_TRUE(c.ok()) << c.status();
  absl::StatusOr<SqlResult> rows =
      (*c)->Query("SELECT COUNT(*), MAX(version) FROM schema_migrations", {});
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(rows->Int(0, 0), static_cast<int64_t>(Migrations().size()));
  EXPECT_EQ(rows->Int(0, 1), Migrations().back().version);
}

TEST_P(StoreTest, RoundTripsReportWithCellProvenanceAndFindings) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  v1::Finding finding;
  finding.set_rule("T3-ROW");
  finding.set_severity(v1::SEVERITY_ERROR);
  finding.set_message("行不平衡");
  {
    auto txn = store->BeginWrite();
    ASSERT_TRUE(txn.ok()) << txn.status();
    ASSERT_TRUE((*txn)
                    ->InsertReport(Header("a1", "统计局", 2023, {"41", "4103"}),
                                   Report("a1"),
                                   {{FindingOrigin::kSingleReport, finding}})
                    .ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  absl::StatusOr<StoredReport> got = store->GetReport("a1");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->header.agency, "统计局");
  EXPECT_EQ(got->header.region_path, (std::vector<std::string>{"41", "4103"}));
  EXPECT_EQ(got->header.contribution[kReports], 1);
  ASSERT_EQ(got->report.cells_size(), 1);
  EXPECT_EQ(got->report.cells(0).raw(), "１２");
  EXPECT_EQ(got->report.cells(0).count(), 12);
  EXPECT_EQ(got->report.cells(0).location().line(), 40u);
  ASSERT_EQ(got->findings.size(), 1u);
  EXPECT_EQ(got->findings[0].finding.message(), "行不平衡");
  EXPECT_EQ(store->GetReport("missing").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_P(StoreTest, TransactionWithoutCommitLeavesNothing) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  {
    auto txn = store->BeginWrite();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(
        (*txn)
            ->InsertReport(Header("b1", "局", 2023, {"41"}), Report("b1"), {})
            .ok());
  }
  auto txn = store->BeginWrite();
  ASSERT_TRUE(txn.ok());
  absl::StatusOr<std::optional<ReportHeader>> found = (*txn)->FindReport("b1");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

TEST_P(StoreTest, RefusesSecondRowWithSameIdOrSecondCurrentVersion) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  auto txn = store->BeginWrite();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(
      (*txn)
          ->InsertReport(Header("c1", "局", 2023, {"41"}), Report("c1"), {})
          .ok());
  ASSERT_TRUE((*txn)->Savepoint().ok());
  EXPECT_EQ(
      (*txn)
          ->InsertReport(Header("c1", "局", 2022, {"41"}), Report("c1"), {})
          .code(),
      absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE((*txn)->RollbackToSavepoint().ok());
  ASSERT_TRUE((*txn)->Savepoint().ok());
  EXPECT_EQ(
      (*txn)
          ->InsertReport(Header("c2", "局", 2023, {"41"}), Report("c2"), {})
          .code(),
      absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE((*txn)->RollbackToSavepoint().ok());
  // Once the first is superseded, the second version may be current.
  ASSERT_TRUE((*txn)->MarkSuperseded("c1", "c2").ok());
  ASSERT_TRUE(
      (*txn)
          ->InsertReport(Header("c2", "局", 2023, {"41"}), Report("c2"), {})
          .ok());
  ASSERT_TRUE((*txn)->Commit().ok());
  absl::StatusOr<StoredReport> old = store->GetReport("c1");
  ASSERT_TRUE(old.ok());
  EXPECT_FALSE(old->header.current);
  EXPECT_EQ(old->header.superseded_by, "c2");
}

TEST_P(StoreTest, RollupsAddAndSubtractExactly) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  RollupChange a{"4103", 2023, "DEPARTMENT", "41", v1::REGION_LEVEL_PREFECTURE,
                 {}};
  a.sums[kReports] = 1;
  a.sums[kNewTotal] = 40;
  a.sums[kFeesMicroWan] = 123456789;  // 123.456789 万元
  RollupChange b = a;
  b.agency_kind = "TOWNSHIP";
  b.sums[kNewTotal] = 2;
  RuleChange rule{"4103", 2023, "DEPARTMENT", "T3-ROW", v1::SEVERITY_ERROR,
                  2,      1};
  RollupChange minus_a = a;
  for (int64_t& v : minus_a.sums) v = -v;
  {
    auto txn = store->BeginWrite();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->ApplyRollups({a, b, a}, {rule}).ok());
    ASSERT_TRUE((*txn)->ApplyRollups({minus_a}, {}).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  absl::StatusOr<Sums> all = store->RegionSums("4103", 2023, "");
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ((*all)[kReports], 2);
  EXPECT_EQ((*all)[kNewTotal], 42);
  EXPECT_EQ((*all)[kFeesMicroWan], 2 * 123456789);
  absl::StatusOr<Sums> dept = store->RegionSums("4103", 2023, "DEPARTMENT");
  ASSERT_TRUE(dept.ok());
  EXPECT_EQ((*dept)[kNewTotal], 40);
  absl::StatusOr<Sums> none = store->RegionSums("4103", 2022, "");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ((*none)[kReports], 0);

  absl::StatusOr<std::vector<RollupRow>> children =
      store->ChildSums("41", 2023, "");
  ASSERT_TRUE(children.ok()) << children.status();
  ASSERT_EQ(children->size(), 1u);
  EXPECT_EQ((*children)[0].region_code, "4103");
  EXPECT_EQ((*children)[0].level, v1::REGION_LEVEL_PREFECTURE);
  EXPECT_EQ((*children)[0].sums[kNewTotal], 42);

  absl::StatusOr<std::vector<RollupRow>> years =
      store->YearSums("4103", "TOWNSHIP", 0, 0);
  ASSERT_TRUE(years.ok());
  ASSERT_EQ(years->size(), 1u);
  EXPECT_EQ((*years)[0].year, 2023);
  EXPECT_EQ((*years)[0].sums[kNewTotal], 2);

  absl::StatusOr<std::vector<v1::RuleCount>> rules =
      store->RuleCounts("4103", 2023, "");
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_EQ(rules->size(), 1u);
  EXPECT_EQ((*rules)[0].rule(), "T3-ROW");
  EXPECT_EQ((*rules)[0].severity(), "ERROR");
  EXPECT_EQ((*rules)[0].findings(), 2);
  EXPECT_EQ((*rules)[0].reports(), 1);
}

TEST_P(StoreTest, ListsReportsByRegionYearKindRuleAndSeverityInPages) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  {
    auto txn = store->BeginWrite();
    ASSERT_TRUE(txn.ok());
    for (int i = 0; i < 5; ++i) {
      std::string id = "r" + std::to_string(i);
      ReportHeader h = Header(id, "局" + std::to_string(i), 2020 + i % 2,
                              {"41", "4103", i < 3 ? "410303" : "410304"});
      std::vector<StoredFinding> findings;
      if (i % 2 == 0) {
        v1::Finding f;
        f.set_rule("T3-COL");
        f.set_severity(v1::SEVERITY_ERROR);
        findings.push_back({FindingOrigin::kSingleReport, f});
        h.errors = 1;
        h.max_severity = v1::SEVERITY_ERROR;
      }
      ASSERT_TRUE((*txn)->InsertReport(h, Report(id), findings).ok());
    }
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  ReportFilter f;
  f.region_code = "4103";
  f.page_size = 2;
  absl::StatusOr<ReportPage> page = store->ListReports(f);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total, 5);
  ASSERT_EQ(page->reports.size(), 2u);
  EXPECT_EQ(page->reports[0].id, "r0");
  EXPECT_EQ(page->reports[1].id, "r1");
  EXPECT_TRUE(page->more);
  f.after_id = "r1";
  page = store->ListReports(f);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->reports.size(), 2u);
  EXPECT_EQ(page->reports[0].id, "r2");
  f.after_id = "r3";
  page = store->ListReports(f);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->reports.size(), 1u);
  EXPECT_FALSE(page->more);

  ReportFilter g;
  g.region_code = "410303";
  g.rule = "T3-COL";
  page = store->ListReports(g);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);  // r0, r2

  ReportFilter h;
  h.year = 2021;
  h.min_severity = v1::SEVERITY_ERROR;
  page = store->ListReports(h);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);  // 2021: r1, r3 have no errors
  h.year = 2020;
  page = store->ListReports(h);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 3);
  h.agency_kind = "TOWNSHIP";
  page = store->ListReports(h);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::kSqlite,
                                           Backend::kPostgres),
                         ::govreport::testing::BackendName);

}  // namespace
}  // namespace govreport::aggregator
