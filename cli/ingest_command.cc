// govreport ingest: streams a folder of documents to aggregator-svc.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "cli/args.h"
#include "cli/client_options.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/input_files.h"
#include "cli/progress.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace govreport::cli {
namespace {

constexpr char kUsage[] =
    "Usage: govreport ingest --server HOST:PORT [--batch N] DIR|FILE...\n"
    "\n"
    "Streams every file to aggregator-svc (IngestStream), which has each one "
    "parsed\n"
    "by parser-svc, validated by validator-svc, and stored. The same bytes "
    "are\n"
    "never counted twice: re-ingesting a folder reports them as duplicates. A "
    "file\n"
    "that fails is reported with its reason and the others go on.\n"
    "\n"
    "A secured server: --tls-ca FILE (TLS), --tls-cert FILE --tls-key FILE "
    "(mutual\n"
    "TLS), --tls-server-name NAME, --token TOKEN (default $GOVREPORT_TOKEN).\n"
    "\n"
    "Examples:\n"
    "  govreport ingest --server localhost:50053 data/samples\n"
    "  GOVREPORT_SERVER=aggregator:50053 govreport ingest reports/2024\n"
    "\n"
    "Exit status: 0 when every file was stored or already present, 2 when a "
    "file\n"
    "failed, on a usage error, or when the server cannot be reached.\n\n";

const char* OutcomeName(v1::IngestOutcome outcome) {
  switch (outcome) {
    case v1::INGEST_OUTCOME_STORED:
      return "stored";
    case v1::INGEST_OUTCOME_DUPLICATE:
      return "duplicate";
    case v1::INGEST_OUTCOME_SUPERSEDED_PREVIOUS:
      return "stored (supersedes an earlier version)";
    case v1::INGEST_OUTCOME_FAILED:
      return "failed";
    default:
      return "unknown";
  }
}

}  // namespace

int RunIngest(const std::vector<std::string>& argv) {
  const char* env_server = std::getenv("GOVREPORT_SERVER");
  std::vector<OptionSpec> specs = {
      {"server", "HOST:PORT", env_server ? env_server : "localhost:50053",
       "aggregator-svc address"},
      {"batch", "N", "500", "documents per IngestStream call"},
      {"max_file_mb", "N", "32", "skip files larger than N MiB"},
      {"deadline_seconds", "N", "600", "deadline of each IngestStream call"},
  };
  AppendClientOptions(&specs);
  int exit_code = kExitOk;
  std::optional<ParsedArgs> args =
      StartCommand("ingest", kUsage, specs, argv, &exit_code);
  if (!args) return exit_code;
  int batch = 0, max_mb = 0, deadline = 0;
  if (!absl::SimpleAtoi(args->Get("batch"), &batch) || batch <= 0 ||
      !absl::SimpleAtoi(args->Get("max_file_mb"), &max_mb) || max_mb <= 0 ||
      !absl::SimpleAtoi(args->Get("deadline_seconds"), &deadline) ||
      deadline <= 0) {
    std::fprintf(
        stderr,
        "govreport ingest: --batch, --max_file_mb and --deadline_seconds take "
        "positive numbers\n");
    return kExitUsage;
  }
  if (args->positional.empty()) {
    std::fprintf(stderr, "govreport ingest: no input files\n%s", kUsage);
    return kExitUsage;
  }
  auto files = ExpandInputs(args->positional);
  if (!files.ok()) {
    return Fail("ingest", files.status());
  }

  grpc::ChannelArguments channel_args;
  channel_args.SetMaxSendMessageSize(64 << 20);
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      ClientChannel(*args, channel_args);
  if (!channel.ok()) return Fail("ingest", channel.status());
  auto stub = v1::Aggregator::NewStub(*channel);

  Progress progress(files->size(), stderr, isatty(STDERR_FILENO) != 0);
  int stored = 0, duplicates = 0, failed = 0;
  for (size_t start = 0; start < files->size();
       start += static_cast<size_t>(batch)) {
    size_t end = std::min(files->size(), start + static_cast<size_t>(batch));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(deadline));
    v1::IngestStreamResponse response;
    auto writer = stub->IngestStream(&context, &response);
    std::vector<std::string> sent;
    for (size_t i = start; i < end; ++i) {
      const std::string& file = (*files)[i];
      auto bytes = ReadInputFile(file, static_cast<size_t>(max_mb) << 20);
      progress.Advance();
      if (!bytes.ok()) {
        std::fprintf(stderr, "\ngovreport ingest: %s\n",
                     std::string(bytes.status().message()).c_str());
        ++failed;
        continue;
      }
      v1::IngestRequest request;
      request.mutable_document()->set_name(file);
      request.mutable_document()->set_content(*std::move(bytes));
      if (!writer->Write(request))
        break;  // The server ended the call; Finish says why.
      sent.push_back(file);
    }
    writer->WritesDone();
    grpc::Status status = writer->Finish();
    if (!status.ok()) {
      progress.Finish();
      std::fprintf(stderr,
                   "govreport ingest: %s: IngestStream failed: %s (%d)\n",
                   args->Get("server").c_str(), status.error_message().c_str(),
                   static_cast<int>(status.error_code()));
      return kExitUsage;
    }
    stored += response.stored();
    duplicates += response.duplicates();
    failed += response.failed();
    for (const auto& result : response.results()) {
      if (result.outcome() == v1::INGEST_OUTCOME_FAILED) {
        std::fprintf(stderr, "\n%s: %s: %s\n", result.name().c_str(),
                     OutcomeName(result.outcome()),
                     result.error_message().c_str());
      }
    }
  }
  progress.Finish();
  std::printf("ingested %zu files: %d stored, %d already present, %d failed\n",
              files->size(), stored, duplicates, failed);
  return failed > 0 ? kExitUsage : kExitOk;
}

}  // namespace govreport::cli
