#include "tests/faults/fault_fixture.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/regions/gazetteer.h"
#include "common/sha256.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "tests/generator/report_generator.h"

namespace govreport::testing {
namespace {

const regions::Gazetteer* TestGazetteer() {
  static const regions::Gazetteer* gazetteer = [] {
    absl::StatusOr<std::unique_ptr<regions::Gazetteer>> loaded =
        regions::Gazetteer::Load(std::string(GOVREPORT_DATA_DIR) +
                                 "/gazetteer");
    if (!loaded.ok()) return static_cast<regions::Gazetteer*>(nullptr);
    return loaded->release();
  }();
  return gazetteer;
}

std::string DeterministicBytes(const google::protobuf::Message& message) {
  std::string bytes;
  google::protobuf::io::StringOutputStream out(&bytes);
  google::protobuf::io::CodedOutputStream coded(&out);
  coded.SetSerializationDeterministic(true);
  message.SerializeToCodedStream(&coded);
  coded.Trim();
  return bytes;
}

}  // namespace

std::vector<std::string> Corpus::SortedIds() const {
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

Corpus GenerateCorpus(const CorpusOptions& options) {
  Corpus corpus;
  const regions::Gazetteer* gazetteer = TestGazetteer();
  if (gazetteer == nullptr) {
    ADD_FAILURE() << "cannot load the gazetteer from " << GOVREPORT_DATA_DIR;
    return corpus;
  }
  ReportGenerator generator(options.seed, gazetteer);
  GeneratorOptions layout;
  layout.layout = Layout::kTabs;
  for (int i = 0; i < options.reports; ++i) {
    v1::IngestRequest& item = corpus.items.emplace_back();
    const std::string name = absl::StrFormat("fault-%05d.txt", i);
    v1::Report truth = generator.RandomTruth(layout);
    const bool document = i % std::max(1, options.document_every) == 0;
    if (document) {
      v1::Document* d = item.mutable_document();
      d->set_name(name);
      d->set_content(generator.Render(truth, layout));
      corpus.ids.push_back(Sha256Hex(d->content()));
    } else {
      truth.set_source_name(name);
      truth.set_id(Sha256Hex(DeterministicBytes(truth)));
      corpus.ids.push_back(truth.id());
      *item.mutable_report() = truth;
    }
    const std::vector<std::string> path =
        gazetteer->PathOf(truth.region_code());
    if (!path.empty()) corpus.provinces.emplace_back(path[0], truth.year());
    for (const std::string& code : path) {
      if (code.size() == 4) corpus.prefectures.emplace_back(code, truth.year());
      if (code.size() == 6) corpus.counties.emplace_back(code, truth.year());
    }
  }
  return corpus;
}

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  int parsed = 0;
  if (value == nullptr || !absl::SimpleAtoi(value, &parsed) || parsed <= 0)
    return fallback;
  return parsed;
}

std::string MakeTempDir(const std::string& prefix) {
  std::string pattern = absl::StrCat("/tmp/govreport-", prefix, "-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp " << pattern;
    return "/tmp";
  }
  return pattern;
}

std::unique_ptr<v1::Aggregator::Stub> AggregatorStub(
    const std::string& address) {
  return v1::Aggregator::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
}

absl::StatusOr<std::unique_ptr<ServiceProcess>> StartAggregator(
    const std::string& dsn, const std::string& parser_address,
    const std::string& validator_address, const std::string& log_dir,
    std::vector<std::string> extra_args) {
  extra_args.push_back("--db=" + dsn);
  extra_args.push_back("--parser_address=" + parser_address);
  extra_args.push_back("--validator_address=" + validator_address);
  return ServiceProcess::Start("aggregator-svc", FreeLoopbackPort(),
                               std::move(extra_args), log_dir);
}

StreamOutcome StreamIngest(v1::Aggregator::Stub& stub,
                           const std::vector<v1::IngestRequest>& items,
                           const std::function<void(size_t)>& after_write) {
  StreamOutcome outcome;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::minutes(30));
  auto writer = stub.IngestStream(&context, &outcome.summary);
  for (size_t i = 0; i < items.size(); ++i) {
    if (!writer->Write(items[i])) break;
    outcome.written = i + 1;
    if (after_write) after_write(i);
  }
  writer->WritesDone();
  outcome.status = writer->Finish();
  return outcome;
}

bool IsStored(const v1::IngestResponse& response) {
  return response.outcome() == v1::INGEST_OUTCOME_STORED ||
         response.outcome() == v1::INGEST_OUTCOME_SUPERSEDED_PREVIOUS;
}

int64_t StoredReportCount(v1::Aggregator::Stub& stub) {
  v1::ListReportsRequest request;
  request.set_include_superseded(true);
  request.set_page_size(1);
  v1::ListReportsResponse response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  if (!stub.ListReports(&context, request, &response).ok()) return -1;
  return response.total();
}

std::vector<std::string> ListAllIds(v1::Aggregator::Stub& stub) {
  std::vector<std::string> ids;
  v1::ListReportsRequest request;
  request.set_include_superseded(true);
  request.set_page_size(1000);
  while (true) {
    v1::ListReportsResponse response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(60));
    grpc::Status status = stub.ListReports(&context, request, &response);
    if (!status.ok()) {
      ADD_FAILURE() << "ListReports: " << status.error_message();
      return ids;
    }
    for (const v1::ReportSummary& r : response.reports()) ids.push_back(r.id());
    if (response.next_page_token().empty()) return ids;
    request.set_page_token(response.next_page_token());
  }
}

std::string StatsBytes(v1::Aggregator::Stub& stub, const std::string& region,
                       int year) {
  v1::GetRegionStatsRequest request;
  request.set_region_code(region);
  request.set_year(year);
  v1::GetRegionStatsResponse response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  grpc::Status status = stub.GetRegionStats(&context, request, &response);
  if (!status.ok()) {
    return absl::StrCat("error ", status.error_code(), ": ",
                        status.error_message());
  }
  return DeterministicBytes(response);
}

}  // namespace govreport::testing
