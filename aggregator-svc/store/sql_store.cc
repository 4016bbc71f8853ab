#include "aggregator-svc/store/sql_store.h"

#include <zlib.h>

#include <mutex>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "aggregator-svc/store/migrations/migrations.h"
#include "common/report/enum_names.h"
#include "common/status_macros.h"

namespace govreport::aggregator {
namespace {

// ---------------------------------------------------------------- payloads

// 'z', the uncompressed size as 4 little-endian bytes, then zlib data
// (level 1, what compress2 writes).
std::string Compress(const std::string& raw) {
  // One deflate state per thread, reset between payloads: setting one up
  // allocates and clears about 256 KB, which cost more than compressing a
  // report.
  struct Deflater {
    Deflater() : ok(deflateInit(&stream, 1) == Z_OK) {}
    ~Deflater() {
      if (ok) deflateEnd(&stream);
    }
    z_stream stream{};
    bool ok;
  };
  thread_local Deflater deflater;
  uLongf bound = compressBound(raw.size());
  std::string out(5 + bound, '\0');
  out[0] = 'z';
  for (int b = 0; b < 4; ++b)
    out[1 + b] = static_cast<char>((raw.size() >> (8 * b)) & 0xff);
  z_stream& z = deflater.stream;
  if (deflater.ok && deflateReset(&z) == Z_OK) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
    z.avail_in = static_cast<uInt>(raw.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data() + 5);
    z.avail_out = static_cast<uInt>(bound);
    if (deflate(&z, Z_FINISH) == Z_STREAM_END) {
      out.resize(5 + z.total_out);
      return out;
    }
  }
  compress2(reinterpret_cast<Bytef*>(out.data() + 5), &bound,
            reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 1);
  out.resize(5 + bound);
  return out;
}

absl::StatusOr<std::string> Decompress(const std::string& stored,
                                       absl::string_view what) {
  if (stored.size() < 5 || stored[0] != 'z') {
    return absl::DataLossError(
        absl::StrCat(what, ": stored payload is not compressed data"));
  }
  uLongf size = 0;
  for (int b = 0; b < 4; ++b) {
    size |= static_cast<uLongf>(static_cast<unsigned char>(stored[1 + b]))
            << (8 * b);
  }
  std::string raw(size, '\0');
  int rc = uncompress(reinterpret_cast<Bytef*>(raw.data()), &size,
                      reinterpret_cast<const Bytef*>(stored.data() + 5),
                      stored.size() - 5);
  if (rc != Z_OK || size != raw.size()) {
    return absl::DataLossError(
        absl::StrCat(what, ": stored payload is corrupt"));
  }
  return raw;
}

template <typename Proto>
absl::StatusOr<Proto> ParsePayload(const std::string& stored,
                                   absl::string_view what) {
  ASSIGN_OR_RETURN(std::string raw, Decompress(stored, what));
  Proto proto;
  if (!proto.ParseFromString(raw)) {
    return absl::DataLossError(
        absl::StrCat(what, ": stored payload does not parse"));
  }
  return proto;
}

// ------------------------------------------------------------------- SQL

constexpr absl::string_view kHeaderColumns =
    "r.id, r.source_name, r.year, r.agency, r.agency_kind, r.region_code, "
    "r.stat_region, "
    "r.region_path, r.template, r.is_annual_report, r.counted, r.current, "
    "r.superseded_by, "
    "r.errors, r.warnings, r.max_severity, r.ingested_at, r.contribution";

absl::StatusOr<ReportHeader> ReadHeader(const SqlResult& rows, size_t r) {
  ReportHeader h;
  h.id = rows.Text(r, 0);
  h.source_name = rows.Text(r, 1);
  h.year = static_cast<int>(rows.Int(r, 2));
  h.agency = rows.Text(r, 3);
  h.agency_kind = rows.Text(r, 4);
  h.region_code = rows.Text(r, 5);
  h.stat_region = rows.Text(r, 6);
  if (!rows.Text(r, 7).empty())
    h.region_path = absl::StrSplit(rows.Text(r, 7), '/');
  h.template_name = rows.Text(r, 8);
  h.is_annual_report = rows.Int(r, 9) != 0;
  h.counted = rows.Int(r, 10) != 0;
  h.current = rows.Int(r, 11) != 0;
  h.superseded_by = rows.Text(r, 12);
  h.errors = static_cast<int>(rows.Int(r, 13));
  h.warnings = static_cast<int>(rows.Int(r, 14));
  h.max_severity = static_cast<int>(rows.Int(r, 15));
  h.ingested_at = rows.Text(r, 16);
  ASSIGN_OR_RETURN(h.contribution, DecodeSums(rows.Text(r, 17)));
  return h;
}

StoredFingerprint ReadFingerprint(const SqlResult& rows, size_t r) {
  return {rows.Text(r, 0), rows.Text(r, 1), static_cast<int>(rows.Int(r, 2)),
          rows.Int(r, 3), rows.Text(r, 4)};
}

// "SUM(reports), SUM(agencies), ..." with a prefix per column.
std::string SumColumns() {
  std::vector<std::string> parts;
  for (absl::string_view c : AccumulatorColumns())
    parts.push_back(absl::StrCat("SUM(", c, ")"));
  return absl::StrJoin(parts, ", ");
}

Sums ReadSums(const SqlResult& rows, size_t r, size_t first) {
  Sums s{};
  for (size_t i = 0; i < s.size(); ++i) s[i] = rows.Int(r, first + i);
  return s;
}

std::string RollupUpsertSql() {
  std::vector<std::string> columns = {"region_code", "year", "agency_kind",
                                      "parent_code", "level"};
  std::vector<std::string> updates;
  for (absl::string_view c : AccumulatorColumns()) {
    columns.emplace_back(c);
    updates.push_back(absl::StrCat(c, " = rollups.", c, " + excluded.", c));
  }
  std::vector<std::string> placeholders;
  for (size_t i = 1; i <= columns.size(); ++i)
    placeholders.push_back(absl::StrCat("$", i));
  return absl::StrCat(
      "INSERT INTO rollups (", absl::StrJoin(columns, ", "), ") VALUES (",
      absl::StrJoin(placeholders, ", "),
      ") ON CONFLICT (region_code, year, agency_kind) DO UPDATE SET ",
      absl::StrJoin(updates, ", "));
}

std::string RegionKindFilter() { return "($3 = '' OR agency_kind = $3)"; }

// -------------------------------------------------------------- the store

class SqlStoreImpl;

class SqlTransaction : public StoreTransaction {
 public:
  SqlTransaction(std::unique_lock<std::mutex> lock, SqlConnection* connection)
      : lock_(std::move(lock)), c_(*connection) {}
  ~SqlTransaction() override {
    if (!done_) c_.ExecScript("ROLLBACK").IgnoreError();
  }

  absl::StatusOr<std::optional<ReportHeader>> FindReport(
      absl::string_view id) override {
    static const std::string sql = absl::StrCat(
        "SELECT ", kHeaderColumns, " FROM reports r WHERE r.id = $1");
    const SqlParam p[] = {id};
    ASSIGN_OR_RETURN(SqlResult rows, c_.Query(sql, p));
    if (rows.empty()) return std::nullopt;
    return ReadHeader(rows, 0);
  }

  absl::StatusOr<std::optional<ReportHeader>> FindCurrentVersion(
      absl::string_view agency, absl::string_view stat_region,
      int year) override {
    static const std::string sql =
        absl::StrCat("SELECT ", kHeaderColumns,
                     " FROM reports r WHERE r.agency = $1 AND r.stat_region = "
                     "$2 AND r.year = $3"
                     " AND r.current = 1 AND r.counted = 1 AND r.agency <> ''");
    const SqlParam p[] = {agency, stat_region, static_cast<int64_t>(year)};
    ASSIGN_OR_RETURN(SqlResult rows, c_.Query(sql, p));
    if (rows.empty()) return std::nullopt;
    return ReadHeader(rows, 0);
  }

  absl::StatusOr<v1::Report> LoadReport(absl::string_view id) override {
    const SqlParam p[] = {id};
    ASSIGN_OR_RETURN(SqlResult rows,
                     c_.Query("SELECT payload FROM reports WHERE id = $1", p));
    if (rows.empty())
      return absl::NotFoundError(absl::StrCat("no report ", id));
    return ParsePayload<v1::Report>(rows.Text(0, 0), id);
  }

  absl::StatusOr<std::vector<StoredFinding>> LoadFindings(
      absl::string_view id) override {
    return LoadFindingsOf(c_, id);
  }

  static absl::StatusOr<std::vector<StoredFinding>> LoadFindingsOf(
      SqlConnection& c, absl::string_view id) {
    const SqlParam p[] = {id};
    ASSIGN_OR_RETURN(
        SqlResult rows,
        c.Query("SELECT origin, payload FROM findings WHERE report_id = $1 "
                "ORDER BY origin, ordinal",
                p));
    std::vector<StoredFinding> out;
    for (size_t r = 0; r < rows.size(); ++r) {
      StoredFinding f;
      f.origin = static_cast<FindingOrigin>(rows.Int(r, 0));
      if (!f.finding.ParseFromString(rows.Text(r, 1))) {
        return absl::DataLossError(
            absl::StrCat("finding of ", id, " does not parse"));
      }
      out.push_back(std::move(f));
    }
    return out;
  }

  absl::Status InsertReport(
      const ReportHeader& h, const v1::Report& report,
      const std::vector<StoredFinding>& findings) override {
    const std::string path = absl::StrJoin(h.region_path, "/");
    const std::string contribution = EncodeSums(h.contribution);
    const std::string payload = Compress(report.SerializeAsString());
    const SqlParam p[] = {h.id,
                          h.source_name,
                          static_cast<int64_t>(h.year),
                          h.agency,
                          h.agency_kind,
                          h.region_code,
                          h.stat_region,
                          path,
                          h.template_name,
                          static_cast<int64_t>(h.is_annual_report),
                          static_cast<int64_t>(h.counted),
                          static_cast<int64_t>(h.current),
                          h.superseded_by.empty()
                              ? SqlParam(nullptr)
                              : SqlParam(absl::string_view(h.superseded_by)),
                          static_cast<int64_t>(h.errors),
                          static_cast<int64_t>(h.warnings),
                          static_cast<int64_t>(h.max_severity),
                          h.ingested_at,
                          SqlBlob{contribution},
                          SqlBlob{payload}};
    RETURN_IF_ERROR(
        c_.Exec("INSERT INTO reports (id, source_name, year, agency, "
                "agency_kind, region_code, "
                "stat_region, region_path, template, is_annual_report, "
                "counted, current, "
                "superseded_by, errors, warnings, max_severity, ingested_at, "
                "contribution, payload) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                "$13, $14, $15, $16, $17, "
                "$18, $19)",
                p));
    for (const std::string& code : h.region_path) {
      const SqlParam link[] = {code, h.id};
      RETURN_IF_ERROR(c_.Exec(
          "INSERT INTO report_regions (region_code, report_id) VALUES ($1, $2)",
          link));
    }
    int ordinal[2] = {0, 0};
    for (const StoredFinding& f : findings) {
      RETURN_IF_ERROR(InsertFinding(
          h.id, f.origin, ordinal[static_cast<int>(f.origin)]++, f.finding));
    }
    return absl::OkStatus();
  }

  absl::Status MarkSuperseded(absl::string_view id,
                              absl::string_view by) override {
    const SqlParam p[] = {by, id};
    RETURN_IF_ERROR(c_.Exec(
        "UPDATE reports SET current = 0, superseded_by = $1 WHERE id = $2", p));
    // Only current reports are TEXT-REUSE candidates: dropping the old
    // version's band keys keeps SimilarFingerprints from wading through every
    // version ever stored of the texts it matches.
    const SqlParam band[] = {id};
    return c_.Exec(
        "DELETE FROM text_bands WHERE report_id = $1 AND scope_region = "
        "(SELECT scope_region FROM text_fingerprints WHERE report_id = $1) "
        "AND year = (SELECT year FROM text_fingerprints WHERE report_id = $1)",
        band);
  }

  absl::Status ReplaceFindings(
      const ReportHeader& h, FindingOrigin origin,
      const std::vector<v1::Finding>& findings) override {
    const SqlParam del[] = {h.id, static_cast<int64_t>(origin)};
    RETURN_IF_ERROR(c_.Exec(
        "DELETE FROM findings WHERE report_id = $1 AND origin = $2", del));
    int ordinal = 0;
    for (const v1::Finding& f : findings) {
      RETURN_IF_ERROR(InsertFinding(h.id, origin, ordinal++, f));
    }
    const std::string contribution = EncodeSums(h.contribution);
    const SqlParam upd[] = {
        static_cast<int64_t>(h.errors), static_cast<int64_t>(h.warnings),
        static_cast<int64_t>(h.max_severity), SqlBlob{contribution}, h.id};
    return c_.Exec(
        "UPDATE reports SET errors = $1, warnings = $2, max_severity = $3, "
        "contribution = $4 "
        "WHERE id = $5",
        upd);
  }

  absl::Status UpsertRegion(const v1::Region& region) override {
    const SqlParam p[] = {region.code(), region.name(),
                          static_cast<int64_t>(region.level()),
                          region.parent_code()};
    return c_.Exec(
        "INSERT INTO regions (code, name, level, parent_code) VALUES ($1, $2, "
        "$3, $4) "
        "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = "
        "excluded.level, "
        "parent_code = excluded.parent_code",
        p);
  }

  absl::Status ApplyRollups(
      const std::vector<RollupChange>& changes,
      const std::vector<RuleChange>& rule_changes) override {
    static const std::string upsert = RollupUpsertSql();
    std::vector<SqlParam> p;
    for (const RollupChange& ch : changes) {
      p.clear();
      p.push_back(absl::string_view(ch.region_code));
      p.push_back(static_cast<int64_t>(ch.year));
      p.push_back(absl::string_view(ch.agency_kind));
      p.push_back(absl::string_view(ch.parent_code));
      p.push_back(static_cast<int64_t>(ch.level));
      for (int64_t v : ch.sums) p.push_back(v);
      RETURN_IF_ERROR(c_.Exec(upsert, p));
    }
    for (const RuleChange& ch : rule_changes) {
      const SqlParam q[] = {
          ch.region_code, static_cast<int64_t>(ch.year),     ch.agency_kind,
          ch.rule,        static_cast<int64_t>(ch.severity), ch.findings,
          ch.reports};
      RETURN_IF_ERROR(
          c_.Exec("INSERT INTO rule_rollups (region_code, year, agency_kind, "
                  "rule, severity, findings, "
                  "reports) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT "
                  "(region_code, year, "
                  "agency_kind, rule, severity) DO UPDATE SET findings = "
                  "rule_rollups.findings + "
                  "excluded.findings, reports = rule_rollups.reports + "
                  "excluded.reports",
                  q));
    }
    return absl::OkStatus();
  }

  absl::Status PutFingerprint(const StoredFingerprint& fp,
                              absl::string_view scope,
                              const BandKeys& bands) override {
    const SqlParam p[] = {fp.report_id,
                          scope,
                          static_cast<int64_t>(fp.year),
                          fp.agency,
                          fp.shingle_count,
                          SqlBlob{fp.minhash}};
    RETURN_IF_ERROR(
        c_.Exec("INSERT INTO text_fingerprints (report_id, scope_region, year, "
                "agency, shingle_count, "
                "minhash) VALUES ($1, $2, $3, $4, $5, $6)",
                p));
    for (int64_t band : bands) {
      const SqlParam b[] = {scope, static_cast<int64_t>(fp.year), band,
                            fp.report_id};
      RETURN_IF_ERROR(
          c_.Exec("INSERT INTO text_bands (scope_region, year, band, "
                  "report_id) VALUES ($1, $2, $3, $4) "
                  "ON CONFLICT DO NOTHING",
                  b));
    }
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<StoredFingerprint>> SimilarFingerprints(
      absl::string_view scope, int year, const BandKeys& bands,
      absl::string_view exclude_id, int limit) override {
    static_assert(kFingerprintBands == 8);
    std::vector<SqlParam> p = {scope, static_cast<int64_t>(year - 1),
                               static_cast<int64_t>(year + 1)};
    for (int64_t band : bands) p.push_back(band);
    p.push_back(exclude_id);
    p.push_back(static_cast<int64_t>(limit));
    ASSIGN_OR_RETURN(
        SqlResult rows,
        c_.Query(
            "SELECT f.report_id, f.agency, f.year, f.shingle_count, f.minhash, "
            "EXISTS (SELECT 1 FROM findings x WHERE x.report_id = f.report_id "
            "AND "
            "x.origin = 1 AND x.rule = 'TEXT-REUSE') "
            "FROM text_fingerprints f WHERE f.report_id IN (SELECT h.report_id "
            "FROM "
            "text_bands h WHERE h.scope_region = $1 AND h.year >= $2 AND "
            "h.year <= $3 AND "
            "h.band IN ($4, $5, $6, $7, $8, $9, $10, $11)) AND f.report_id <> "
            "$12 AND "
            "EXISTS (SELECT 1 FROM reports r WHERE r.id = f.report_id AND "
            "r.current = 1) "
            "ORDER BY f.report_id LIMIT $13",
            p));
    std::vector<StoredFingerprint> out;
    for (size_t r = 0; r < rows.size(); ++r)
      out.push_back(ReadFingerprint(rows, r));
    return out;
  }

  absl::StatusOr<std::optional<StoredFingerprint>> LoadFingerprint(
      absl::string_view id) override {
    const SqlParam p[] = {id};
    ASSIGN_OR_RETURN(
        SqlResult rows,
        c_.Query("SELECT report_id, agency, year, shingle_count, minhash FROM "
                 "text_fingerprints WHERE report_id = $1",
                 p));
    if (rows.empty()) return std::nullopt;
    return ReadFingerprint(rows, 0);
  }

  absl::StatusOr<std::vector<std::string>> ReportsReferencing(
      absl::string_view id) override {
    const SqlParam p[] = {id};
    ASSIGN_OR_RETURN(SqlResult rows,
                     c_.Query("SELECT DISTINCT report_id FROM findings WHERE "
                              "other_report_id = $1 "
                              "AND other_report_id <> '' ORDER BY report_id",
                              p));
    std::vector<std::string> out;
    for (size_t r = 0; r < rows.size(); ++r) out.push_back(rows.Text(r, 0));
    return out;
  }

  absl::Status Savepoint() override { return c_.ExecScript("SAVEPOINT item"); }
  absl::Status ReleaseSavepoint() override {
    return c_.ExecScript("RELEASE SAVEPOINT item");
  }
  absl::Status RollbackToSavepoint() override {
    RETURN_IF_ERROR(c_.ExecScript("ROLLBACK TO SAVEPOINT item"));
    return c_.ExecScript("RELEASE SAVEPOINT item");
  }

  absl::Status Commit() override {
    done_ = true;
    absl::Status status = c_.ExecScript("COMMIT");
    if (!status.ok()) c_.ExecScript("ROLLBACK").IgnoreError();
    return status;
  }

 private:
  absl::Status InsertFinding(absl::string_view id, FindingOrigin origin,
                             int ordinal, const v1::Finding& f) {
    const std::string payload = f.SerializeAsString();
    const SqlParam p[] = {id,
                          static_cast<int64_t>(origin),
                          static_cast<int64_t>(ordinal),
                          f.rule(),
                          static_cast<int64_t>(f.severity()),
                          f.other_report_id(),
                          SqlBlob{payload}};
    return c_.Exec(
        "INSERT INTO findings (report_id, origin, ordinal, rule, severity, "
        "other_report_id, "
        "payload) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        p);
  }

  std::unique_lock<std::mutex> lock_;
  SqlConnection& c_;
  bool done_ = false;
};

class SqlStoreImpl : public Store {
 public:
  explicit SqlStoreImpl(std::unique_ptr<SqlDatabase> db) : db_(std::move(db)) {}

  absl::Status Init() {
    ASSIGN_OR_RETURN(writer_, db_->Connect());
    return ApplyMigrations(*writer_);
  }

  absl::StatusOr<std::unique_ptr<StoreTransaction>> BeginWrite() override {
    std::unique_lock<std::mutex> lock(write_mu_);
    if (writer_ == nullptr || !writer_->healthy()) {
      writer_.reset();
      ASSIGN_OR_RETURN(writer_, db_->Connect());
    }
    absl::Status status = writer_->BeginWrite();
    if (!status.ok()) {
      if (!writer_->healthy()) writer_.reset();
      return status;
    }
    return std::make_unique<SqlTransaction>(std::move(lock), writer_.get());
  }

  absl::StatusOr<Sums> RegionSums(absl::string_view region, int year,
                                  absl::string_view kind) override {
    static const std::string sql =
        absl::StrCat("SELECT ", SumColumns(),
                     " FROM rollups WHERE region_code = $1 AND year = $2 AND ",
                     RegionKindFilter());
    const SqlParam p[] = {region, static_cast<int64_t>(year), kind};
    ASSIGN_OR_RETURN(SqlResult rows, Query(sql, p));
    return ReadSums(rows, 0, 0);
  }

  absl::StatusOr<std::vector<RollupRow>> YearSums(absl::string_view region,
                                                  absl::string_view kind,
                                                  int from_year,
                                                  int to_year) override {
    static const std::string sql = absl::StrCat(
        "SELECT year, MAX(level), ", SumColumns(),
        " FROM rollups WHERE region_code = $1 AND ($2 = '' OR agency_kind = $2)"
        " AND ($3 = 0 OR year >= $3) AND ($4 = 0 OR year <= $4)"
        " GROUP BY year HAVING SUM(reports) > 0 ORDER BY year");
    const SqlParam p[] = {region, kind, static_cast<int64_t>(from_year),
                          static_cast<int64_t>(to_year)};
    ASSIGN_OR_RETURN(SqlResult rows, Query(sql, p));
    std::vector<RollupRow> out;
    for (size_t r = 0; r < rows.size(); ++r) {
      out.push_back({std::string(region), static_cast<int>(rows.Int(r, 0)),
                     std::string(kind), static_cast<int>(rows.Int(r, 1)),
                     ReadSums(rows, r, 2)});
    }
    return out;
  }

  absl::StatusOr<std::vector<RollupRow>> ChildSums(
      absl::string_view parent, int year, absl::string_view kind) override {
    static const std::string sql = absl::StrCat(
        "SELECT region_code, MAX(level), ", SumColumns(),
        " FROM rollups WHERE parent_code = $1 AND year = $2 AND ",
        RegionKindFilter(), " AND level <> ",
        static_cast<int>(v1::REGION_LEVEL_UNRESOLVED),
        " GROUP BY region_code HAVING SUM(reports) > 0 ORDER BY region_code");
    const SqlParam p[] = {parent, static_cast<int64_t>(year), kind};
    ASSIGN_OR_RETURN(SqlResult rows, Query(sql, p));
    std::vector<RollupRow> out;
    for (size_t r = 0; r < rows.size(); ++r) {
      out.push_back({rows.Text(r, 0), year, std::string(kind),
                     static_cast<int>(rows.Int(r, 1)), ReadSums(rows, r, 2)});
    }
    return out;
  }

  absl::StatusOr<std::vector<RollupRow>> AllSums(bool by_kind) override {
    static const std::string by_kind_sql = absl::StrCat(
        "SELECT region_code, year, agency_kind, MAX(level), ", SumColumns(),
        " FROM rollups GROUP BY region_code, year, agency_kind HAVING "
        "SUM(reports) > 0"
        " ORDER BY region_code, year, agency_kind");
    static const std::string all_kinds_sql = absl::StrCat(
        "SELECT region_code, year, '', MAX(level), ", SumColumns(),
        " FROM rollups GROUP BY region_code, year HAVING SUM(reports) > 0"
        " ORDER BY region_code, year");
    ASSIGN_OR_RETURN(SqlResult rows,
                     Query(by_kind ? by_kind_sql : all_kinds_sql, {}));
    std::vector<RollupRow> out;
    for (size_t r = 0; r < rows.size(); ++r) {
      out.push_back({rows.Text(r, 0), static_cast<int>(rows.Int(r, 1)),
                     rows.Text(r, 2), static_cast<int>(rows.Int(r, 3)),
                     ReadSums(rows, r, 4)});
    }
    return out;
  }

  absl::StatusOr<std::vector<v1::RuleCount>> RuleCounts(
      absl::string_view region, int year, absl::string_view kind) override {
    static const std::string sql = absl::StrCat(
        "SELECT rule, severity, SUM(findings), SUM(reports) FROM rule_rollups"
        " WHERE region_code = $1 AND year = $2 AND ",
        RegionKindFilter(),
        " GROUP BY rule, severity HAVING SUM(findings) > 0 ORDER BY rule, "
        "severity");
    const SqlParam p[] = {region, static_cast<int64_t>(year), kind};
    ASSIGN_OR_RETURN(SqlResult rows, Query(sql, p));
    std::vector<v1::RuleCount> out;
    for (size_t r = 0; r < rows.size(); ++r) {
      v1::RuleCount& rc = out.emplace_back();
      rc.set_rule(rows.Text(r, 0));
      rc.set_severity(
          std::string(SeverityName(static_cast<v1::Severity>(rows.Int(r, 1)))));
      rc.set_findings(rows.Int(r, 2));
      rc.set_reports(rows.Int(r, 3));
    }
    return out;
  }

  absl::StatusOr<ReportPage> ListReports(const ReportFilter& f) override {
    // With a region the scan follows report_regions (index on region, id);
    // without, the reports' primary key. Both page by id.
    static const std::string conditions =
        " AND ($2 = 0 OR r.year = $2) AND ($3 = '' OR r.agency_kind = $3)"
        " AND ($4 = '' OR EXISTS (SELECT 1 FROM findings f WHERE f.report_id = "
        "r.id AND "
        "f.rule = $4)) AND r.max_severity >= $5 AND ($6 = 1 OR r.current = 1)";
    static const std::string by_region_from =
        " FROM report_regions rr JOIN reports r ON r.id = rr.report_id WHERE "
        "rr.region_code = $1";
    static const std::string all_from = " FROM reports r WHERE $1 = ''";
    static const std::string by_region_page =
        absl::StrCat("SELECT ", kHeaderColumns, by_region_from, conditions,
                     " AND rr.report_id > $7 ORDER BY rr.report_id LIMIT $8");
    static const std::string all_page =
        absl::StrCat("SELECT ", kHeaderColumns, all_from, conditions,
                     " AND r.id > $7 ORDER BY r.id LIMIT $8");
    static const std::string by_region_count =
        absl::StrCat("SELECT COUNT(*)", by_region_from, conditions);
    static const std::string all_count =
        absl::StrCat("SELECT COUNT(*)", all_from, conditions);

    const bool by_region = !f.region_code.empty();
    const int page_size = f.page_size;
    const SqlParam p[] = {f.region_code,
                          static_cast<int64_t>(f.year),
                          f.agency_kind,
                          f.rule,
                          static_cast<int64_t>(f.min_severity),
                          static_cast<int64_t>(f.include_superseded),
                          f.after_id,
                          static_cast<int64_t>(page_size + 1)};
    ASSIGN_OR_RETURN(SqlResult rows,
                     Query(by_region ? by_region_page : all_page, p));
    ReportPage page;
    for (size_t r = 0; r < rows.size() && static_cast<int>(r) < page_size;
         ++r) {
      ASSIGN_OR_RETURN(ReportHeader h, ReadHeader(rows, r));
      page.reports.push_back(std::move(h));
    }
    page.more = static_cast<int>(rows.size()) > page_size;
    const SqlParam cp[] = {f.region_code,
                           static_cast<int64_t>(f.year),
                           f.agency_kind,
                           f.rule,
                           static_cast<int64_t>(f.min_severity),
                           static_cast<int64_t>(f.include_superseded)};
    ASSIGN_OR_RETURN(SqlResult count,
                     Query(by_region ? by_region_count : all_count, cp));
    page.total = count.Int(0, 0);
    return page;
  }

  absl::StatusOr<StoredReport> GetReport(absl::string_view id) override {
    ASSIGN_OR_RETURN(Lease lease, Acquire());
    static const std::string sql =
        absl::StrCat("SELECT ", kHeaderColumns,
                     ", r.payload FROM reports r WHERE r.id = $1");
    const SqlParam p[] = {id};
    absl::StatusOr<SqlResult> rows = lease.connection->Query(sql, p);
    if (!rows.ok()) return Return(std::move(lease), rows.status());
    if (rows->empty()) {
      Return(std::move(lease), absl::OkStatus()).IgnoreError();
      return absl::NotFoundError(absl::StrCat("no report with id ", id));
    }
    StoredReport out;
    ASSIGN_OR_RETURN(out.header, ReadHeader(*rows, 0));
    ASSIGN_OR_RETURN(out.report,
                     ParsePayload<v1::Report>(rows->Text(0, 18), id));
    absl::StatusOr<std::vector<StoredFinding>> findings =
        SqlTransaction::LoadFindingsOf(*lease.connection, id);
    absl::Status status = findings.status();
    RETURN_IF_ERROR(Return(std::move(lease), status));
    out.findings = *std::move(findings);
    return out;
  }

  std::string description() const override { return db_->description(); }

 private:
  struct Lease {
    std::unique_ptr<SqlConnection> connection;
  };

  absl::StatusOr<Lease> Acquire() {
    {
      std::lock_guard<std::mutex> lock(pool_mu_);
      if (!idle_.empty()) {
        Lease lease{std::move(idle_.back())};
        idle_.pop_back();
        return lease;
      }
    }
    ASSIGN_OR_RETURN(std::unique_ptr<SqlConnection> c, db_->Connect());
    return Lease{std::move(c)};
  }

  // Gives the connection back (dropping it when broken) and passes `status` on.
  absl::Status Return(Lease lease, absl::Status status) {
    if (lease.connection->healthy()) {
      std::lock_guard<std::mutex> lock(pool_mu_);
      idle_.push_back(std::move(lease.connection));
    }
    return status;
  }

  // A read query on a pooled connection; retried once on a fresh connection
  // when the pooled one turns out to be broken (the server restarted).
  absl::StatusOr<SqlResult> Query(absl::string_view sql,
                                  absl::Span<const SqlParam> params) {
    for (int attempt = 0;; ++attempt) {
      ASSIGN_OR_RETURN(Lease lease, Acquire());
      absl::StatusOr<SqlResult> rows = lease.connection->Query(sql, params);
      const bool broken = !lease.connection->healthy();
      Return(std::move(lease), absl::OkStatus()).IgnoreError();
      if (broken && attempt == 0) continue;
      return rows;
    }
  }

  std::unique_ptr<SqlDatabase> db_;
  std::mutex write_mu_;
  std::unique_ptr<SqlConnection> writer_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqlStore(
    std::unique_ptr<SqlDatabase> database) {
  auto store = std::make_unique<SqlStoreImpl>(std::move(database));
  RETURN_IF_ERROR(store->Init());
  return store;
}

}  // namespace govreport::aggregator
