-- 0002: what TEXT-REUSE keeps of each counted report with prose (a MinHash
-- fingerprint), and band keys (single MinHash slots) that find the few
-- candidates worth comparing inside a county-level scope, so that ingest never
-- compares full texts or every report of a region.
CREATE TABLE text_fingerprints (
  report_id TEXT PRIMARY KEY,
  scope_region TEXT NOT NULL,
  year INTEGER NOT NULL,
  agency TEXT NOT NULL,
  shingle_count INTEGER NOT NULL,
  minhash BLOB NOT NULL
);
CREATE TABLE text_bands (
  scope_region TEXT NOT NULL,
  year INTEGER NOT NULL,
  band INTEGER NOT NULL,
  report_id TEXT NOT NULL,
  PRIMARY KEY (scope_region, year, band, report_id)
) WITHOUT ROWID;
-- Cross-report findings naming another report, to re-evaluate them when that
-- report is superseded.
CREATE INDEX findings_by_other_report ON findings (other_report_id) WHERE other_report_id <> '';
