#include "tests/aggregator/expected_metrics.h"

#include <set>

namespace govreport::testing {
namespace {

double Cell(const nlohmann::json& e, const std::string& key,
            Ambiguous ambiguous) {
  const nlohmann::json& v = e["cells"][key];
  if (!v.is_null()) return v.get<double>();
  if (ambiguous == Ambiguous::kTrueValue && e.contains("cells_ambiguous") &&
      e["cells_ambiguous"].contains(key)) {
    return e["cells_ambiguous"][key].get<double>();
  }
  return 0;
}

bool HasFinding(const nlohmann::json& e, const std::set<std::string>& rules) {
  for (const auto& f : e["findings_expected"]) {
    if (!f.value("optional", false) &&
        rules.count(f["rule"].get<std::string>()))
      return true;
  }
  return false;
}

}  // namespace

bool CountedIn(const nlohmann::json& e, const std::string& region, int year,
               const std::string& kind) {
  if (!e["is_annual_report"].get<bool>() || e["year"].is_null()) return false;
  if (e["year"].get<int>() != year) return false;
  if (!kind.empty() && e["agency_kind"].get<std::string>() != kind)
    return false;
  if (e["region_code"].get<std::string>().empty())
    return region == "unresolved";
  for (const auto& code : e["region_path"]) {
    if (code.get<std::string>() == region) return true;
  }
  return false;
}

std::map<std::string, double> ExpectedMetrics(
    const std::vector<const nlohmann::json*>& reports, Ambiguous ambiguous) {
  std::map<std::string, double> sum;  // Named sums over the reports.
  const char* columns[] = {"natural", "commercial", "research",
                           "social",  "legal_svc",  "other_org"};
  std::set<std::string> agencies;
  double zero_application = 0, zero_report = 0, error_free = 0;
  for (const nlohmann::json* r : reports) {
    const nlohmann::json& e = *r;
    auto c = [&](const std::string& key) { return Cell(e, key, ambiguous); };
    if (!e["agency"].get<std::string>().empty()) {
      agencies.insert(e["agency"].get<std::string>() + "|" +
                      e["region_code"].get<std::string>());
    }
    sum["new"] += c("t3.new.total");
    for (const char* col : columns)
      sum[std::string("new.") + col] += c(std::string("t3.new.") + col);
    sum["carried_in"] += c("t3.carried_in.total");
    sum["done"] += c("t3.total_done.total");
    sum["carry_out"] += c("t3.carry_out.total");
    sum["granted"] += c("t3.granted.total");
    sum["partial"] += c("t3.partial.total");
    for (const char* row : {"state_secret", "law_forbidden", "three_security",
                            "third_party", "internal_affairs", "process_info",
                            "enforcement_file", "admin_query"}) {
      sum["deny"] += c(std::string("t3.deny.") + row + ".total");
    }
    for (const char* row : {"not_held", "needs_creation", "unclear"}) {
      sum["unable"] += c(std::string("t3.unable.") + row + ".total");
    }
    for (const char* row : {"petition", "repeat", "publication", "mass_repeat",
                            "confirm_reissue"}) {
      sum["noproc"] += c(std::string("t3.noproc.") + row + ".total");
    }
    for (const char* row : {"no_correction", "unpaid_fee", "other"}) {
      sum["other"] += c(std::string("t3.other.") + row + ".total");
    }
    sum["not_held"] += c("t3.unable.not_held.total");
    sum["review"] += c("t4.review.total");
    sum["review.corrected"] += c("t4.review.corrected");
    sum["review.pending"] += c("t4.review.pending");
    for (const char* g : {"lit_direct", "lit_after_review"}) {
      sum["lit"] += c(std::string("t4.") + g + ".total");
      sum["lit.corrected"] += c(std::string("t4.") + g + ".corrected");
      sum["lit.pending"] += c(std::string("t4.") + g + ".pending");
    }
    for (const char* key : {"t2.rules.issued", "t2.normative.issued",
                            "t2.licensing.decisions", "t2.penalty.decisions",
                            "t2.coercion.decisions", "t2.fees.amount_wan"}) {
      sum[key] += c(key);
    }
    const nlohmann::json& new_total = e["cells"]["t3.new.total"];
    if (!new_total.is_null() && new_total.get<double>() == 0)
      ++zero_application;
    if (HasFinding(e, {"ZERO-REPORT"})) ++zero_report;
    if (!HasFinding(e, {"T3-ROW", "T3-COL", "T3-SUM", "T4-SUM", "CELL-INVALID",
                        "TABLE-MISSING"})) {
      ++error_free;
    }
  }
  const double n = static_cast<double>(reports.size());
  std::map<std::string, double> m;
  auto ratio = [&m](const std::string& id, double num, double den) {
    if (den != 0) m[id] = num / den;
  };
  m["reports"] = n;
  m["agencies"] = static_cast<double>(agencies.size());
  m["applications_new"] = sum["new"];
  m["applications_accepted"] = sum["new"] + sum["carried_in"];
  m["applications_done"] = sum["done"];
  m["carry_out"] = sum["carry_out"];
  ratio("granted_rate", sum["granted"], sum["done"]);
  ratio("disclosed_rate", sum["granted"] + sum["partial"], sum["done"]);
  ratio("denied_rate", sum["deny"], sum["done"]);
  ratio("unable_rate", sum["unable"], sum["done"]);
  ratio("noproc_rate", sum["noproc"], sum["done"]);
  ratio("other_rate", sum["other"], sum["done"]);
  ratio("not_held_share", sum["not_held"], sum["done"]);
  for (const char* col : columns) {
    ratio(std::string("applicant_mix.") + col, sum[std::string("new.") + col],
          sum["new"]);
  }
  m["reviews"] = sum["review"];
  ratio("review_correction_rate", sum["review.corrected"],
        sum["review"] - sum["review.pending"]);
  m["lawsuits"] = sum["lit"];
  ratio("lawsuit_correction_rate", sum["lit.corrected"],
        sum["lit"] - sum["lit.pending"]);
  m["rules_issued"] = sum["t2.rules.issued"];
  m["normative_issued"] = sum["t2.normative.issued"];
  m["licensing_decisions"] = sum["t2.licensing.decisions"];
  m["penalty_decisions"] = sum["t2.penalty.decisions"];
  m["coercion_decisions"] = sum["t2.coercion.decisions"];
  m["fees_wan"] = sum["t2.fees.amount_wan"];
  ratio("zero_application_share", zero_application, n);
  ratio("zero_report_share", zero_report, n);
  ratio("consistency_pass_rate", error_free, n);
  return m;
}

}  // namespace govreport::testing
