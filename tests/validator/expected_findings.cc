#include "tests/validator/expected_findings.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/report/enum_names.h"
#include "nlohmann/json.hpp"

namespace govreport::validator::testing {

std::vector<std::string> SampleFiles() {
  std::vector<std::string> out;
  for (const char* dir : {GOVREPORT_DATA_DIR "/samples/seeds",
                          GOVREPORT_DATA_DIR "/samples/real"}) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      std::string path = entry.path().string();
      if (!absl::EndsWith(path, ".expected.json")) out.push_back(path);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string DiffWithExpected(const std::string& sample_path,
                             const std::vector<v1::Finding>& findings,
                             const std::vector<std::string>& ignore_rules) {
  std::ifstream in(sample_path + ".expected.json");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded())
    return "cannot read " + sample_path + ".expected.json";
  auto ignored = [&](const std::string& rule) {
    return std::find(ignore_rules.begin(), ignore_rules.end(), rule) !=
           ignore_rules.end();
  };
  std::set<std::string> required, optional;
  for (const auto& e : doc["findings_expected"]) {
    std::string key = absl::StrCat(e["rule"].get<std::string>(), "/",
                                   e["severity"].get<std::string>());
    if (ignored(e["rule"].get<std::string>())) continue;
    (e.value("optional", false) ? optional : required).insert(key);
  }
  std::set<std::string> produced;
  for (const v1::Finding& f : findings) {
    if (!ignored(f.rule()))
      produced.insert(absl::StrCat(f.rule(), "/", SeverityName(f.severity())));
  }
  std::vector<std::string> missing, extra;
  for (const std::string& r : required) {
    if (!produced.contains(r)) missing.push_back(r);
  }
  for (const std::string& p : produced) {
    if (!required.contains(p) && !optional.contains(p)) extra.push_back(p);
  }
  if (missing.empty() && extra.empty()) return "";
  std::string messages;
  for (const v1::Finding& f : findings)
    absl::StrAppend(&messages, "\n  ", f.rule(), ": ", f.message());
  return absl::StrCat(sample_path, ": missing {", absl::StrJoin(missing, ", "),
                      "} extra {", absl::StrJoin(extra, ", "), "}", messages);
}

}  // namespace govreport::validator::testing
