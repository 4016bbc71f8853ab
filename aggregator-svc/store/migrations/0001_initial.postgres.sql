-- 0001: reports with their findings, region links and the per-(region, year,
-- agency kind) rollups that GetRegionStats reads.

-- One row per distinct document (id = SHA-256 of its bytes). `current` turns 0
-- when a newer version of the same agency and year supersedes it; `counted` is
-- 0 for documents that are not annual reports or have no year. `payload` is the
-- zlib-compressed v1.Report (cells with raw text and provenance), and
-- `contribution` what the report added to the rollups of `region_path`.
CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  source_name TEXT NOT NULL,
  year BIGINT NOT NULL,
  agency TEXT NOT NULL,
  agency_kind TEXT NOT NULL,
  region_code TEXT NOT NULL,
  stat_region TEXT NOT NULL,
  region_path TEXT NOT NULL,
  template TEXT NOT NULL,
  is_annual_report BIGINT NOT NULL,
  counted BIGINT NOT NULL,
  current BIGINT NOT NULL,
  superseded_by TEXT,
  errors BIGINT NOT NULL,
  warnings BIGINT NOT NULL,
  max_severity BIGINT NOT NULL,
  ingested_at TEXT NOT NULL,
  contribution BYTEA NOT NULL,
  payload BYTEA NOT NULL
);
-- At most one version of an agency's year counts in statistics.
CREATE UNIQUE INDEX reports_current_version ON reports (agency, stat_region, year)
  WHERE current = 1 AND counted = 1 AND agency <> '';

-- Every level of each report's region path ('unresolved' for unknown regions).
CREATE TABLE report_regions (
  region_code TEXT NOT NULL,
  report_id TEXT NOT NULL,
  PRIMARY KEY (region_code, report_id)
);

-- origin 0: single-report rules (validator); 1: cross-report rules.
CREATE TABLE findings (
  report_id TEXT NOT NULL,
  origin BIGINT NOT NULL,
  ordinal BIGINT NOT NULL,
  rule TEXT NOT NULL,
  severity BIGINT NOT NULL,
  other_report_id TEXT NOT NULL,
  payload BYTEA NOT NULL,
  PRIMARY KEY (report_id, origin, ordinal)
);
CREATE INDEX findings_by_rule ON findings (rule, report_id);

-- Sums of the current counted reports per region (every level), year and kind.
CREATE TABLE rollups (
  region_code TEXT NOT NULL,
  year BIGINT NOT NULL,
  agency_kind TEXT NOT NULL,
  parent_code TEXT NOT NULL,
  level BIGINT NOT NULL,
  reports BIGINT NOT NULL DEFAULT 0,
  agencies BIGINT NOT NULL DEFAULT 0,
  new_natural BIGINT NOT NULL DEFAULT 0,
  new_commercial BIGINT NOT NULL DEFAULT 0,
  new_research BIGINT NOT NULL DEFAULT 0,
  new_social BIGINT NOT NULL DEFAULT 0,
  new_legal_svc BIGINT NOT NULL DEFAULT 0,
  new_other_org BIGINT NOT NULL DEFAULT 0,
  new_total BIGINT NOT NULL DEFAULT 0,
  carried_in_total BIGINT NOT NULL DEFAULT 0,
  total_done_total BIGINT NOT NULL DEFAULT 0,
  carry_out_total BIGINT NOT NULL DEFAULT 0,
  granted_total BIGINT NOT NULL DEFAULT 0,
  partial_total BIGINT NOT NULL DEFAULT 0,
  deny_total BIGINT NOT NULL DEFAULT 0,
  unable_total BIGINT NOT NULL DEFAULT 0,
  noproc_total BIGINT NOT NULL DEFAULT 0,
  other_total BIGINT NOT NULL DEFAULT 0,
  not_held_total BIGINT NOT NULL DEFAULT 0,
  review_total BIGINT NOT NULL DEFAULT 0,
  review_corrected BIGINT NOT NULL DEFAULT 0,
  review_pending BIGINT NOT NULL DEFAULT 0,
  lawsuit_total BIGINT NOT NULL DEFAULT 0,
  lawsuit_corrected BIGINT NOT NULL DEFAULT 0,
  lawsuit_pending BIGINT NOT NULL DEFAULT 0,
  rules_issued BIGINT NOT NULL DEFAULT 0,
  normative_issued BIGINT NOT NULL DEFAULT 0,
  licensing_decisions BIGINT NOT NULL DEFAULT 0,
  penalty_decisions BIGINT NOT NULL DEFAULT 0,
  coercion_decisions BIGINT NOT NULL DEFAULT 0,
  fees_micro_wan BIGINT NOT NULL DEFAULT 0,
  zero_application_reports BIGINT NOT NULL DEFAULT 0,
  zero_report_reports BIGINT NOT NULL DEFAULT 0,
  error_free_reports BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (region_code, year, agency_kind)
);
CREATE INDEX rollups_by_parent ON rollups (parent_code, year);

-- Findings per rule and severity over the same keys.
CREATE TABLE rule_rollups (
  region_code TEXT NOT NULL,
  year BIGINT NOT NULL,
  agency_kind TEXT NOT NULL,
  rule TEXT NOT NULL,
  severity BIGINT NOT NULL,
  findings BIGINT NOT NULL DEFAULT 0,
  reports BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (region_code, year, agency_kind, rule, severity)
);

-- The gazetteer divisions reports have been attached to, for SQL readers.
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level BIGINT NOT NULL,
  parent_code TEXT NOT NULL
);
