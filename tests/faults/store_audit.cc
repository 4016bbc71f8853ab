#include "tests/faults/store_audit.h"

#include <zlib.h>

#include <memory>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "aggregator-svc/store/postgres_store.h"
#include "aggregator-svc/store/sql.h"
#include "aggregator-svc/store/sqlite_store.h"
#include "govreport/v1/finding.pb.h"
#include "govreport/v1/report.pb.h"

namespace govreport::testing {
namespace {

using aggregator::Sums;

// The payload format of sql_store.cc: 'z', the size (4 bytes, little
// endian), zlib data.
bool Inflate(const std::string& stored, std::string* raw) {
  if (stored.size() < 5 || stored[0] != 'z') return false;
  uLongf size = 0;
  for (int b = 0; b < 4; ++b) {
    size |= static_cast<uLongf>(static_cast<unsigned char>(stored[1 + b]))
            << (8 * b);
  }
  raw->assign(size, '\0');
  return uncompress(reinterpret_cast<Bytef*>(raw->data()), &size,
                    reinterpret_cast<const Bytef*>(stored.data() + 5),
                    stored.size() - 5) == Z_OK &&
         size == raw->size();
}

std::string SumsText(const Sums& s) { return absl::StrJoin(s, ","); }

bool IsZero(const Sums& s) {
  for (int64_t v : s)
    if (v != 0) return false;
  return true;
}

struct ReportRow {
  int year = 0;
  std::string kind;
  std::vector<std::string> path;
  bool counted = false;
  bool current = false;
  int errors = 0;
  int warnings = 0;
  Sums contribution{};
  v1::Report report;
  std::vector<v1::Finding> findings;
};

}  // namespace

absl::StatusOr<StoreAudit> AuditStore(const std::string& dsn) {
  std::unique_ptr<aggregator::SqlDatabase> db;
  if (absl::StartsWith(dsn, "sqlite://")) {
    db = aggregator::NewSqliteDatabase(dsn.substr(9));
  } else {
    db = aggregator::NewPostgresDatabase(dsn);
  }
  absl::StatusOr<std::unique_ptr<aggregator::SqlConnection>> connected =
      db->Connect();
  if (!connected.ok()) return connected.status();
  aggregator::SqlConnection& c = **connected;
  // One snapshot for every table (SQLite WAL and PostgreSQL REPEATABLE READ).
  absl::Status begun =
      c.ExecScript(c.dialect() == aggregator::SqlDialect::kSqlite
                       ? "BEGIN"
                       : "BEGIN ISOLATION LEVEL REPEATABLE READ");
  if (!begun.ok()) return begun;

  StoreAudit audit;
  std::map<std::string, ReportRow> reports;
  {
    absl::StatusOr<aggregator::SqlResult> rows = c.Query(
        "SELECT id, year, agency_kind, region_path, counted, current, errors, "
        "warnings, contribution, payload FROM reports",
        {});
    if (!rows.ok()) return rows.status();
    for (size_t r = 0; r < rows->size(); ++r) {
      const std::string& id = rows->Text(r, 0);
      ++audit.ids[id];
      ReportRow& row = reports[id];
      row.year = static_cast<int>(rows->Int(r, 1));
      row.kind = rows->Text(r, 2);
      if (!rows->Text(r, 3).empty())
        row.path = absl::StrSplit(rows->Text(r, 3), '/');
      row.counted = rows->Int(r, 4) != 0;
      row.current = rows->Int(r, 5) != 0;
      row.errors = static_cast<int>(rows->Int(r, 6));
      row.warnings = static_cast<int>(rows->Int(r, 7));
      absl::StatusOr<Sums> sums = aggregator::DecodeSums(rows->Text(r, 8));
      if (!sums.ok()) {
        audit.problems.push_back(absl::StrCat(id, ": contribution unreadable"));
      } else {
        row.contribution = *sums;
      }
      std::string raw;
      if (!Inflate(rows->Text(r, 9), &raw) ||
          !row.report.ParseFromString(raw)) {
        audit.problems.push_back(absl::StrCat(id, ": payload unreadable"));
      } else if (row.report.cells_size() > 0) {
        ++audit.reports_with_cells;
      }
    }
  }
  {
    absl::StatusOr<aggregator::SqlResult> rows = c.Query(
        "SELECT report_id, payload FROM findings ORDER BY report_id, origin, "
        "ordinal",
        {});
    if (!rows.ok()) return rows.status();
    for (size_t r = 0; r < rows->size(); ++r) {
      auto it = reports.find(rows->Text(r, 0));
      if (it == reports.end()) {
        audit.problems.push_back(
            absl::StrCat("finding of a missing report ", rows->Text(r, 0)));
        continue;
      }
      if (!it->second.findings.emplace_back().ParseFromString(
              rows->Text(r, 1))) {
        audit.problems.push_back(
            absl::StrCat(rows->Text(r, 0), ": finding unreadable"));
      }
    }
  }
  std::set<std::pair<std::string, std::string>> links;
  {
    absl::StatusOr<aggregator::SqlResult> rows =
        c.Query("SELECT region_code, report_id FROM report_regions", {});
    if (!rows.ok()) return rows.status();
    for (size_t r = 0; r < rows->size(); ++r)
      links.emplace(rows->Text(r, 0), rows->Text(r, 1));
  }

  // What the rollups should hold, from the reports.
  std::map<std::tuple<std::string, int, std::string>, Sums> want;
  std::map<std::tuple<std::string, int, std::string, std::string, int>,
           std::pair<int64_t, int64_t>>
      want_rules;
  for (const auto& [id, row] : reports) {
    int errors = 0, warnings = 0;
    for (const v1::Finding& f : row.findings) {
      errors += f.severity() == v1::SEVERITY_ERROR;
      warnings += f.severity() == v1::SEVERITY_WARNING;
    }
    if (errors != row.errors || warnings != row.warnings) {
      audit.problems.push_back(absl::StrCat(
          id, ": row counts ", row.errors, " errors and ", row.warnings,
          " warnings, the findings table ", errors, " and ", warnings));
    }
    for (const std::string& code : row.path) {
      if (!links.contains({code, id}))
        audit.problems.push_back(absl::StrCat(id, ": no link to ", code));
    }
    if (!row.counted || !row.current) continue;
    const Sums recomputed =
        aggregator::ReportContribution(row.report, row.findings);
    if (recomputed != row.contribution) {
      audit.problems.push_back(absl::StrCat(
          id, ": contribution ", SumsText(row.contribution),
          " but its payload and findings give ", SumsText(recomputed)));
    }
    std::map<std::pair<std::string, int>, int64_t> per_rule;
    for (const v1::Finding& f : row.findings)
      ++per_rule[{f.rule(), static_cast<int>(f.severity())}];
    for (const std::string& code : row.path) {
      Sums& s = want[{code, row.year, row.kind}];
      aggregator::AddSums(s, row.contribution, 1);
      for (const auto& [rule, n] : per_rule) {
        auto& w =
            want_rules[{code, row.year, row.kind, rule.first, rule.second}];
        w.first += n;
        w.second += 1;
      }
    }
  }

  {
    std::string columns;
    for (absl::string_view col : aggregator::AccumulatorColumns())
      absl::StrAppend(&columns, ", ", col);
    absl::StatusOr<aggregator::SqlResult> rows =
        c.Query(absl::StrCat("SELECT region_code, year, agency_kind", columns,
                             " FROM rollups"),
                {});
    if (!rows.ok()) return rows.status();
    for (size_t r = 0; r < rows->size(); ++r) {
      Sums s{};
      for (size_t i = 0; i < s.size(); ++i) s[i] = rows->Int(r, 3 + i);
      if (IsZero(s)) continue;
      audit.rollups[{rows->Text(r, 0), static_cast<int>(rows->Int(r, 1)),
                     rows->Text(r, 2)}] = s;
    }
  }
  {
    absl::StatusOr<aggregator::SqlResult> rows = c.Query(
        "SELECT region_code, year, agency_kind, rule, severity, findings, "
        "reports FROM rule_rollups",
        {});
    if (!rows.ok()) return rows.status();
    for (size_t r = 0; r < rows->size(); ++r) {
      if (rows->Int(r, 5) == 0 && rows->Int(r, 6) == 0) continue;
      audit.rule_rollups[{rows->Text(r, 0), static_cast<int>(rows->Int(r, 1)),
                          rows->Text(r, 2), rows->Text(r, 3),
                          static_cast<int>(rows->Int(r, 4))}] = {
          rows->Int(r, 5), rows->Int(r, 6)};
    }
  }
  c.ExecScript("ROLLBACK").IgnoreError();

  for (auto it = want.begin(); it != want.end();) {
    it = IsZero(it->second) ? want.erase(it) : std::next(it);
  }
  for (const auto& [key, sums] : want) {
    auto it = audit.rollups.find(key);
    const auto& [code, year, kind] = key;
    if (it == audit.rollups.end()) {
      audit.problems.push_back(
          absl::StrCat("rollup ", code, "/", year, "/", kind, " missing"));
    } else if (it->second != sums) {
      audit.problems.push_back(absl::StrCat(
          "rollup ", code, "/", year, "/", kind, " is ", SumsText(it->second),
          ", the reports sum to ", SumsText(sums)));
    }
  }
  for (const auto& [key, sums] : audit.rollups) {
    if (!want.contains(key)) {
      audit.problems.push_back(
          absl::StrCat("rollup ", std::get<0>(key), "/", std::get<1>(key), "/",
                       std::get<2>(key), " has no report behind it"));
    }
  }
  if (want_rules != audit.rule_rollups) {
    for (const auto& [key, value] : want_rules) {
      auto it = audit.rule_rollups.find(key);
      if (it == audit.rule_rollups.end() || it->second != value) {
        audit.problems.push_back(absl::StrCat(
            "rule rollup ", std::get<0>(key), "/", std::get<1>(key), "/",
            std::get<3>(key), " differs from its findings"));
      }
    }
    if (want_rules.size() != audit.rule_rollups.size())
      audit.problems.push_back("rule rollups without findings behind them");
  }
  return audit;
}

}  // namespace govreport::testing
