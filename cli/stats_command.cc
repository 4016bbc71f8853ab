// govreport stats: a region's metrics from aggregator-svc.

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "cli/analyze/report_html.h"
#include "cli/args.h"
#include "cli/client_options.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "common/report/enum_names.h"
#include "common/report/report_export.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace govreport::cli {
namespace {

constexpr char kUsage[] =
    "Usage: govreport stats --server HOST:PORT --region CODE --year YEAR\n"
    "                       [--kind KIND] [--format json|csv|text]\n"
    "\n"
    "Prints every metric of CONTRACT.md section 5 for a region (any level; "
    "2/4/6/9\n"
    "digit gazetteer codes, the 6-digit GB/T 2260 form of a province or "
    "prefecture,\n"
    "or \"unresolved\"), a year and optionally an agency kind (GOVERNMENT,\n"
    "GOVERNMENT_OFFICE, DEPARTMENT, TOWNSHIP, ZONE_COMMITTEE, OTHER). JSON and "
    "CSV\n"
    "use the metrics shape of CONTRACT.md section 3; text adds findings per "
    "rule.\n"
    "\n"
    "A secured server: --tls-ca FILE (TLS), --tls-cert FILE --tls-key FILE "
    "(mutual\n"
    "TLS), --tls-server-name NAME, --token TOKEN (default $GOVREPORT_TOKEN).\n"
    "\n"
    "Examples:\n"
    "  govreport stats --server localhost:50053 --region 4103 --year 2023\n"
    "  govreport stats --server localhost:50053 --region 410000 --year 2023 "
    "--kind TOWNSHIP\n"
    "  govreport stats --server localhost:50053 --region 31 --year 2024 "
    "--format csv\n"
    "\n"
    "Exit status: 0 on success, 2 on a usage error or when the server answers "
    "with\n"
    "an error (its message is printed).\n\n";

}  // namespace

int RunStats(const std::vector<std::string>& argv) {
  const char* env_server = std::getenv("GOVREPORT_SERVER");
  std::vector<OptionSpec> specs = {
      {"server", "HOST:PORT", env_server ? env_server : "localhost:50053",
       "aggregator-svc address"},
      {"region", "CODE", "", "region code"},
      {"year", "YEAR", "", "reporting year"},
      {"kind", "KIND", "", "agency kind (all kinds when empty)"},
      {"format", "json|csv|text", "text", "output format"},
  };
  AppendClientOptions(&specs);
  int exit_code = kExitOk;
  std::optional<ParsedArgs> args =
      StartCommand("stats", kUsage, specs, argv, &exit_code);
  if (!args) return exit_code;
  int year = 0;
  if (args->Get("region").empty() ||
      !absl::SimpleAtoi(args->Get("year"), &year)) {
    std::fprintf(stderr,
                 "govreport stats: --region and --year are required\n%s",
                 kUsage);
    return kExitUsage;
  }
  const std::string& format = args->Get("format");
  if (format != "json" && format != "csv" && format != "text") {
    std::fprintf(
        stderr,
        "govreport stats: --format must be json, csv or text, got \"%s\"\n",
        format.c_str());
    return kExitUsage;
  }
  if (!args->Get("kind").empty() && !ParseAgencyKind(args->Get("kind"))) {
    std::fprintf(stderr, "govreport stats: unknown agency kind \"%s\"\n",
                 args->Get("kind").c_str());
    return kExitUsage;
  }

  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      ClientChannel(*args, grpc::ChannelArguments());
  if (!channel.ok()) return Fail("stats", channel.status());
  auto stub = v1::Aggregator::NewStub(*channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  v1::GetRegionStatsRequest request;
  request.set_region_code(args->Get("region"));
  request.set_year(year);
  request.set_agency_kind(args->Get("kind"));
  v1::GetRegionStatsResponse response;
  grpc::Status status = stub->GetRegionStats(&context, request, &response);
  if (!status.ok()) {
    std::fprintf(stderr, "govreport stats: %s: %s\n",
                 args->Get("server").c_str(), status.error_message().c_str());
    return kExitUsage;
  }
  std::vector<v1::MetricValue> metrics(response.metrics().begin(),
                                       response.metrics().end());
  if (format == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& m : metrics) rows.push_back(MetricToJson(m));
    std::printf("%s\n", rows.dump(1).c_str());
  } else if (format == "csv") {
    std::fputs(MetricsToCsv(metrics).c_str(), stdout);
  } else {
    const auto& region = response.region();
    std::printf(
        "%s %s (%s), %d%s%s\n", region.name().c_str(), region.code().c_str(),
        std::string(RegionLevelName(region.level())).c_str(), year,
        args->Get("kind").empty() ? "" : ", ", args->Get("kind").c_str());
    for (const auto& m : metrics) {
      std::printf("  %-28s %14s   (%lld reports)\n", m.metric().c_str(),
                  FormatMetricForDisplay(m.metric(), m.value()).c_str(),
                  static_cast<long long>(m.reports()));
    }
    if (response.findings_size() > 0) {
      std::printf("findings:\n");
      for (const auto& f : response.findings()) {
        std::printf("  %-7s %-18s %6lld findings in %lld reports\n",
                    f.severity().c_str(), f.rule().c_str(),
                    static_cast<long long>(f.findings()),
                    static_cast<long long>(f.reports()));
      }
    }
  }
  return kExitOk;
}

}  // namespace govreport::cli
