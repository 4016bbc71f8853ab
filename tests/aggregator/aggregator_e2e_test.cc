// End to end: the three real services on loopback ingest the sample corpus
// through IngestStream, and every metric of several regions and levels
// equals what this test computes itself from the .expected.json files.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "govreport/v1/aggregator.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "tests/aggregator/expected_metrics.h"
#include "tests/aggregator/sample_reports.h"
#include "tests/aggregator/service_processes.h"

namespace govreport::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class AggregatorEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/govreport-e2e-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    absl::StatusOr<ThreeServices> services =
        StartThreeServices("sqlite://" + dir_ + "/aggregator.db", dir_);
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = *std::move(services);
    stub_ = v1::Aggregator::NewStub(grpc::CreateChannel(
        services_.aggregator->address(), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    services_ = {};
    if (!HasFailure()) std::filesystem::remove_all(dir_);
  }

  v1::IngestStreamResponse IngestCorpus() {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(120));
    v1::IngestStreamResponse summary;
    auto writer = stub_->IngestStream(&context, &summary);
    for (const std::string& path : SampleDocumentPaths()) {
      v1::IngestRequest request;
      request.mutable_document()->set_name(
          std::filesystem::path(path).filename().string());
      request.mutable_document()->set_content(ReadFile(path));
      EXPECT_TRUE(writer->Write(request));
    }
    writer->WritesDone();
    grpc::Status status = writer->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return summary;
  }

  v1::GetRegionStatsResponse Stats(const std::string& region, int year,
                                   const std::string& kind) {
    v1::GetRegionStatsRequest request;
    request.set_region_code(region);
    request.set_year(year);
    request.set_agency_kind(kind);
    v1::GetRegionStatsResponse response;
    grpc::ClientContext context;
    grpc::Status status = stub_->GetRegionStats(&context, request, &response);
    EXPECT_TRUE(status.ok())
        << region << " " << year << ": " << status.error_message();
    return response;
  }

  std::string dir_;
  ThreeServices services_;
  std::unique_ptr<v1::Aggregator::Stub> stub_;
};

TEST_F(AggregatorEndToEnd,
       CorpusMetricsEqualIndependentComputationAndReingestChangesNothing) {
  std::vector<SampleReport> samples;
  for (const std::string& path : SampleDocumentPaths()) {
    absl::StatusOr<SampleReport> s = LoadSample(path);
    ASSERT_TRUE(s.ok()) << s.status();
    samples.push_back(*std::move(s));
  }
  ASSERT_EQ(samples.size(), 16u);

  v1::IngestStreamResponse first = IngestCorpus();
  EXPECT_EQ(first.stored(), 16);
  EXPECT_EQ(first.duplicates(), 0);
  EXPECT_EQ(first.failed(), 0);
  ASSERT_EQ(first.results_size(), 16);
  for (int i = 0; i < first.results_size(); ++i) {
    // The id is the SHA-256 of the bytes, whoever computes it.
    EXPECT_EQ(first.results(i).report_id(), samples[i].report.id())
        << first.results(i).name() << ": " << first.results(i).error_message();
  }

  struct Query {
    std::string region;
    int year;
    std::string kind;
  };
  const std::vector<Query> queries = {
      {"41", 2023, ""},
      {"4103", 2023, ""},
      {"410303", 2023, ""},
      {"410303003", 2023, ""},
      {"410303", 2023, "DEPARTMENT"},
      {"41", 2024, ""},
      {"4107", 2024, "TOWNSHIP"},
      {"32", 2024, ""},
      {"3208", 2024, ""},
      {"320813", 2024, ""},
      {"31", 2019, ""},
      {"310000", 2024, ""},
      {"35", 2023, ""},
      {"350128", 2019, ""},
      {"350128", 2025, ""},
      {"61", 2023, ""},
      {"610115020", 2023, ""},
      {"unresolved", 2023, ""},
      {"unresolved", 2025, ""},
  };
  std::map<std::string, std::string> before;
  for (const Query& q : queries) {
    SCOPED_TRACE(absl::StrCat(q.region, " ", q.year, " ", q.kind));
    const std::string region = q.region == "310000" ? "31" : q.region;
    std::vector<const nlohmann::json*> in_scope;
    for (const SampleReport& s : samples) {
      if (CountedIn(s.expected, region, q.year, q.kind))
        in_scope.push_back(&s.expected);
    }
    ASSERT_FALSE(in_scope.empty());
    // A parser may read an ambiguous run of digits as null or, when the
    // report's own text settles it, as the true value: accept either.
    const std::map<std::string, double> want_null =
        ExpectedMetrics(in_scope, Ambiguous::kNull);
    const std::map<std::string, double> want_true =
        ExpectedMetrics(in_scope, Ambiguous::kTrueValue);
    v1::GetRegionStatsResponse got = Stats(q.region, q.year, q.kind);
    EXPECT_EQ(got.region().code(), region);
    std::map<std::string, v1::MetricValue> by_metric;
    for (const v1::MetricValue& m : got.metrics()) by_metric[m.metric()] = m;
    EXPECT_EQ(by_metric.size(), want_null.size());
    for (const auto& [id, value] : want_null) {
      ASSERT_TRUE(by_metric.count(id)) << id;
      const double actual = by_metric[id].value();
      const double alternative = want_true.at(id);
      if (value == alternative) {
        EXPECT_DOUBLE_EQ(actual, value) << id;
      } else {
        EXPECT_TRUE(actual == value || actual == alternative)
            << id << ": " << actual << " is neither " << value << " nor "
            << alternative;
      }
      EXPECT_EQ(by_metric[id].reports(), static_cast<int64_t>(in_scope.size()))
          << id;
    }
    before[absl::StrCat(q.region, q.year, q.kind)] = got.SerializeAsString();
  }

  v1::IngestStreamResponse second = IngestCorpus();
  EXPECT_EQ(second.stored(), 0);
  EXPECT_EQ(second.duplicates(), 16);
  EXPECT_EQ(second.failed(), 0);
  for (const Query& q : queries) {
    EXPECT_EQ(Stats(q.region, q.year, q.kind).SerializeAsString(),
              before[absl::StrCat(q.region, q.year, q.kind)])
        << q.region << " " << q.year;
  }

  v1::ListReportsRequest list;
  list.set_include_superseded(true);
  v1::ListReportsResponse reports;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->ListReports(&context, list, &reports).ok());
  EXPECT_EQ(reports.total(), 16);
}

TEST_F(AggregatorEndToEnd, UnreadableDocumentFailsAloneInAStream) {
  grpc::ClientContext context;
  v1::IngestStreamResponse summary;
  auto writer = stub_->IngestStream(&context, &summary);
  v1::IngestRequest bad;
  bad.mutable_document()->set_name("empty.txt");
  ASSERT_TRUE(writer->Write(bad));
  v1::IngestRequest good;
  const std::string path = std::string(GOVREPORT_DATA_DIR) +
                           "/samples/seeds/001_49a36d82f9765fca.txt";
  good.mutable_document()->set_name("001.txt");
  good.mutable_document()->set_content(ReadFile(path));
  ASSERT_TRUE(writer->Write(good));
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  ASSERT_EQ(summary.results_size(), 2);
  EXPECT_EQ(summary.results(0).outcome(), v1::INGEST_OUTCOME_FAILED);
  EXPECT_EQ(summary.results(0).name(), "empty.txt");
  EXPECT_NE(summary.results(0).error_code(), 0);
  EXPECT_EQ(summary.results(1).outcome(), v1::INGEST_OUTCOME_STORED);
  EXPECT_EQ(summary.stored(), 1);
  EXPECT_EQ(summary.failed(), 1);

  // The unary form fails the call with the item's status.
  grpc::ClientContext unary;
  v1::IngestResponse response;
  grpc::Status status = stub_->Ingest(&unary, bad, &response);
  EXPECT_FALSE(status.ok());
}

}  // namespace
}  // namespace govreport::testing
