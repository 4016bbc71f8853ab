#include "aggregator-svc/cross_report.h"

#include <algorithm>
#include <utility>

#include "common/status_macros.h"

namespace govreport::aggregator {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::string TextReuseScope(const ReportHeader& header) {
  for (const std::string& code : header.region_path) {
    if (code.size() >= 6) return code;
  }
  if (!header.region_path.empty()) return header.region_path.back();
  return std::string(kUnresolvedRegion);
}

BandKeys FingerprintBands(const validator::TextFingerprint& fp) {
  // Slots spread over the signature; two texts with Jaccard similarity J
  // share at least one with probability 1 - (1 - J)^8 (0.99 at J = 0.45).
  // The salt names the fingerprint scheme (one-permutation MinHash): band
  // keys of fingerprints stored by the former k-mins scheme never match new
  // ones, so the two kinds are never compared with each other.
  constexpr uint64_t kSchemeSalt = 0x4F50482D31ULL;  // "OPH-1"
  BandKeys keys{};
  for (int i = 0; i < kFingerprintBands; ++i) {
    const int slot = i * (validator::kMinHashSize / kFingerprintBands);
    keys[i] = static_cast<int64_t>(
        Mix(fp.minhash[slot] + (kSchemeSalt << 8) + static_cast<uint64_t>(slot)));
  }
  return keys;
}

StoredFingerprint ToStored(const validator::TextFingerprint& fp) {
  StoredFingerprint s{fp.report_id, fp.agency, fp.year, fp.shingle_count, {}};
  s.minhash.resize(fp.minhash.size() * 8);
  for (size_t i = 0; i < fp.minhash.size(); ++i) {
    for (int b = 0; b < 8; ++b) {
      s.minhash[i * 8 + b] =
          static_cast<char>((fp.minhash[i] >> (8 * b)) & 0xff);
    }
  }
  return s;
}

validator::TextFingerprint FromStored(const StoredFingerprint& s) {
  validator::TextFingerprint fp;
  fp.report_id = s.report_id;
  fp.agency = s.agency;
  fp.year = s.year;
  fp.shingle_count = static_cast<uint32_t>(s.shingle_count);
  for (size_t i = 0; i < fp.minhash.size() && (i + 1) * 8 <= s.minhash.size();
       ++i) {
    uint64_t v = 0;
    for (int b = 0; b < 8; ++b) {
      v |= static_cast<uint64_t>(
               static_cast<unsigned char>(s.minhash[i * 8 + b]))
           << (8 * b);
    }
    fp.minhash[i] = v;
  }
  return fp;
}

CrossReportChecker::CrossReportChecker(validator::ValidatorConfig config)
    : config_(std::move(config)) {}

absl::StatusOr<CrossReportResult> CrossReportChecker::Evaluate(
    StoreTransaction& txn, const ReportHeader& header, const v1::Report& report,
    const std::optional<validator::TextFingerprint>& fingerprint,
    bool find_affected) const {
  CrossReportResult result;
  if (!header.counted) return result;
  if (!header.agency.empty()) {
    ASSIGN_OR_RETURN(std::optional<ReportHeader> previous,
                     txn.FindCurrentVersion(header.agency, header.stat_region,
                                            header.year - 1));
    if (previous.has_value()) {
      ASSIGN_OR_RETURN(v1::Report previous_report,
                       txn.LoadReport(previous->id));
      for (v1::Finding& f :
           validator::CheckCarryContinuity(report, previous_report, config_)) {
        result.findings.push_back(std::move(f));
      }
      for (v1::Finding& f :
           validator::CheckStockContinuity(report, previous_report, config_)) {
        result.findings.push_back(std::move(f));
      }
    }
    if (find_affected) {
      ASSIGN_OR_RETURN(std::optional<ReportHeader> next,
                       txn.FindCurrentVersion(header.agency, header.stat_region,
                                              header.year + 1));
      if (next.has_value()) result.affected.push_back(next->id);
    }
  }
  if (fingerprint.has_value() && fingerprint->shingle_count > 0) {
    ASSIGN_OR_RETURN(
        std::vector<StoredFingerprint> candidates,
        txn.SimilarFingerprints(TextReuseScope(header), header.year,
                                FingerprintBands(*fingerprint), header.id,
                                kMaxCandidates));
    std::vector<validator::TextFingerprint> others;
    others.reserve(candidates.size());
    for (const StoredFingerprint& c : candidates)
      others.push_back(FromStored(c));
    for (v1::Finding& f :
         validator::CheckTextReuse(*fingerprint, others, config_)) {
      result.findings.push_back(std::move(f));
    }
    if (find_affected) {
      std::vector<std::pair<double, std::string>> flagged;
      for (size_t i = 0; i < others.size(); ++i) {
        const validator::TextFingerprint& other = others[i];
        if (candidates[i].text_reuse_flagged) continue;
        if (!validator::CheckTextReuse(other, {&*fingerprint, 1}, config_)
                 .empty()) {
          flagged.push_back(
              {-validator::EstimatedContainment(other, *fingerprint),
               other.report_id});
        }
      }
      std::sort(flagged.begin(), flagged.end());
      for (size_t i = 0; i < flagged.size() && i < kMaxReevaluations; ++i) {
        result.affected.push_back(flagged[i].second);
      }
    }
  }
  std::sort(result.affected.begin(), result.affected.end());
  result.affected.erase(
      std::unique(result.affected.begin(), result.affected.end()),
      result.affected.end());
  return result;
}

}  // namespace govreport::aggregator
