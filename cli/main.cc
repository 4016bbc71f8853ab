// govreport: the annual-report pipeline in one process (parse, validate,
// analyze) and a client of the services (ingest, stats).

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace govreport::cli {

const std::vector<Command>& AllCommands() {
  static const std::vector<Command>* const commands = new std::vector<Command>{
      {"analyze",
       "check a folder of reports and summarise it by region (embedded, no "
       "servers)",
       RunAnalyze},
      {"parse", "print reports as structured data (JSON, CSV or text)",
       RunParse},
      {"validate", "print each report's findings", RunValidate},
      {"ingest", "send a folder of reports to aggregator-svc", RunIngest},
      {"stats", "print a region's metrics from aggregator-svc", RunStats},
  };
  return *commands;
}

namespace {

void PrintUsage(std::FILE* out) {
  std::fprintf(out,
               "Usage: govreport COMMAND [options] [args]\n"
               "\n"
               "Turns government information-disclosure annual reports "
               "(政府信息公开工作年度报告)\n"
               "into checked, structured data and regional statistics.\n"
               "\n"
               "Commands:\n");
  for (const auto& c : AllCommands())
    std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(
      out,
      "\n"
      "Examples:\n"
      "  govreport analyze data/samples --out out/samples\n"
      "  govreport validate report.pdf\n"
      "  govreport stats --server localhost:50053 --region 4103 --year 2023\n"
      "\n"
      "Run 'govreport COMMAND --help' for a command's options.\n");
}

}  // namespace
}  // namespace govreport::cli

int main(int argc, char** argv) {
  using govreport::cli::AllCommands;
  if (argc < 2) {
    govreport::cli::PrintUsage(stderr);
    return govreport::cli::kExitUsage;
  }
  const char* name = argv[1];
  if (std::strcmp(name, "--help") == 0 || std::strcmp(name, "-h") == 0 ||
      std::strcmp(name, "help") == 0) {
    govreport::cli::PrintUsage(stdout);
    return govreport::cli::kExitOk;
  }
  if (std::strcmp(name, "--version") == 0) {
    std::printf("govreport %s\n", GOVREPORT_VERSION);
    return govreport::cli::kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& command : AllCommands()) {
    if (std::strcmp(command.name, name) == 0) return command.run(args);
  }
  std::fprintf(stderr, "govreport: unknown command \"%s\"\n\n", name);
  govreport::cli::PrintUsage(stderr);
  return govreport::cli::kExitUsage;
}
