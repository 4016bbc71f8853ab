#include "aggregator-svc/ingest.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "aggregator-svc/upstream_stream.h"
#include "common/sha256.h"
#include "common/status_macros.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "govreport/v1/parser.grpc.pb.h"
#include "govreport/v1/validator.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace govreport::aggregator {
namespace {

v1::IngestResponse FailedResponse(const std::string& name,
                                  const absl::Status& status) {
  v1::IngestResponse r;
  r.set_name(name);
  r.set_outcome(v1::INGEST_OUTCOME_FAILED);
  r.set_error_code(static_cast<int>(status.code()));
  r.set_error_message(std::string(status.message()));
  return r;
}

// parser-svc and validator-svc through their ordered streaming RPCs
// (upstream_stream.h): one message per document on a few open streams.
class RemoteProcessor : public ReportProcessor {
 public:
  RemoteProcessor(const RemoteProcessorOptions& options,
                  std::shared_ptr<grpc::Channel> parser_channel,
                  std::shared_ptr<grpc::Channel> validator_channel)
      : options_(options),
        parser_(v1::Parser::NewStub(parser_channel)),
        validator_(v1::Validator::NewStub(validator_channel)),
        parse_(
            [stub = parser_.get()](grpc::ClientContext* context,
                                   ParseStreams::Reactor* reactor) {
              stub->async()->ParseStream(context, reactor);
            },
            StreamsOptions(options, "parser-svc")),
        validate_(
            [stub = validator_.get()](grpc::ClientContext* context,
                                      ValidateStreams::Reactor* reactor) {
              stub->async()->ValidateStream(context, reactor);
            },
            StreamsOptions(options, "validator-svc")) {}

  absl::StatusOr<ParsedReport> ProcessDocument(
      const v1::Document& document) override {
    v1::ParseRequest request;
    request.set_name(document.name());
    request.set_content(document.content());
    ASSIGN_OR_RETURN(v1::ParseResponse response,
                     parse_.Call(request, absl::Now() + options_.parse_deadline,
                                 document.name()));
    if (response.error_code() != 0) {
      return absl::Status(static_cast<absl::StatusCode>(response.error_code()),
                          response.error_message());
    }
    return ProcessReport(std::move(*response.mutable_report()));
  }

  absl::StatusOr<ParsedReport> ProcessReport(v1::Report report) override {
    v1::ValidateRequest request;
    *request.mutable_report() = std::move(report);
    // The rules read the whole text, never the sections' copies of it: those
    // stay here, which halves the prose crossing the wire.
    std::vector<std::string> section_texts;
    section_texts.reserve(request.report().sections_size());
    for (v1::Section& section : *request.mutable_report()->mutable_sections())
      section_texts.push_back(std::move(*section.mutable_text()));
    const std::string name = request.report().source_name();
    ASSIGN_OR_RETURN(
        v1::ValidateResponse response,
        validate_.Call(request, absl::Now() + options_.validate_deadline,
                       name));
    if (response.error_code() != 0) {
      return absl::Status(static_cast<absl::StatusCode>(response.error_code()),
                          response.error_message());
    }
    ParsedReport out;
    out.report = std::move(*request.mutable_report());
    for (int i = 0; i < out.report.sections_size(); ++i)
      *out.report.mutable_sections(i)->mutable_text() =
          std::move(section_texts[i]);
    out.findings.assign(
        std::make_move_iterator(response.mutable_findings()->begin()),
        std::make_move_iterator(response.mutable_findings()->end()));
    return out;
  }

 private:
  using ParseStreams = UpstreamStreams<v1::ParseRequest, v1::ParseResponse>;
  using ValidateStreams =
      UpstreamStreams<v1::ValidateRequest, v1::ValidateResponse>;

  static UpstreamStreamsOptions StreamsOptions(
      const RemoteProcessorOptions& options, std::string service) {
    UpstreamStreamsOptions out;
    out.streams = options.streams_per_service;
    out.max_attempts = std::clamp(options.max_attempts, 1, 5);
    out.max_age = options.stream_max_age;
    out.service = std::move(service);
    return out;
  }

  RemoteProcessorOptions options_;
  std::unique_ptr<v1::Parser::Stub> parser_;
  std::unique_ptr<v1::Validator::Stub> validator_;
  // After the stubs: closed before them.
  ParseStreams parse_;
  ValidateStreams validate_;
};

}  // namespace

std::string ItemName(const v1::IngestRequest& request) {
  return request.has_document() ? request.document().name()
                                : request.report().source_name();
}

// ------------------------------------------------------------- processors

absl::StatusOr<ParsedReport> LocalProcessor::ProcessDocument(
    const v1::Document& document) {
  ASSIGN_OR_RETURN(v1::Report report,
                   parser_->Parse(document.name(), document.content()));
  return ProcessReport(std::move(report));
}

absl::StatusOr<ParsedReport> LocalProcessor::ProcessReport(v1::Report report) {
  ParsedReport out;
  out.findings = validator_->Validate(report);
  out.report = std::move(report);
  return out;
}

std::string RetryServiceConfig(int max_attempts,
                               absl::string_view health_service) {
  std::string health;
  if (!health_service.empty()) {
    health = absl::StrCat(R"("healthCheckConfig":{"serviceName":")",
                          health_service, R"("},)");
  }
  return absl::StrCat(
      "{", health,
      R"("methodConfig":[{"name":[{"service":"govreport.v1.Parser"},)",
      R"({"service":"govreport.v1.Validator"}],"retryPolicy":{"maxAttempts":)",
      std::clamp(max_attempts, 2, 5),
      R"(,"initialBackoff":"0.1s","maxBackoff":"2s","backoffMultiplier":2,)",
      R"("retryableStatusCodes":["UNAVAILABLE","RESOURCE_EXHAUSTED"]}}]})");
}

absl::StatusOr<std::unique_ptr<ReportProcessor>> NewRemoteProcessor(
    const RemoteProcessorOptions& options) {
  if (options.parser_address.empty() || options.validator_address.empty()) {
    return absl::InvalidArgumentError(
        "--parser_address and --validator_address must be set");
  }
  auto channel = [&options](const std::string& address,
                            absl::string_view service)
      -> absl::StatusOr<std::shared_ptr<grpc::Channel>> {
    grpc::ChannelArguments args;
    args.SetServiceConfigJSON(
        RetryServiceConfig(options.max_attempts, service));
    args.SetLoadBalancingPolicyName(
        "round_robin");  // balance per call over headless DNS
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
    args.SetMaxReceiveMessageSize(static_cast<int>(options.max_message_bytes));
    args.SetMaxSendMessageSize(static_cast<int>(options.max_message_bytes));
    return net::NewClientChannel(address, options.security, args);
  };
  absl::StatusOr<std::shared_ptr<grpc::Channel>> parser =
      channel(options.parser_address, v1::Parser::service_full_name());
  if (!parser.ok()) return parser.status();
  absl::StatusOr<std::shared_ptr<grpc::Channel>> validator =
      channel(options.validator_address, v1::Validator::service_full_name());
  if (!validator.ok()) return validator.status();
  return std::make_unique<RemoteProcessor>(options, *std::move(parser),
                                           *std::move(validator));
}

// ------------------------------------------------------------- the pool

struct IngestPipeline::Pool {
  explicit Pool(int threads) {
    for (int i = 0; i < std::max(1, threads); ++i) {
      workers.emplace_back([this] { Run(); });
    }
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stopping = true;
    }
    cv.notify_all();
    for (std::thread& t : workers) t.join();
  }
  void Submit(std::function<void()> work) {
    {
      std::lock_guard<std::mutex> lock(mu);
      queue.push_back(std::move(work));
    }
    cv.notify_one();
  }
  void Run() {
    while (true) {
      std::function<void()> work;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stopping || !queue.empty(); });
        if (queue.empty()) return;
        work = std::move(queue.front());
        queue.pop_front();
      }
      work();
    }
  }

  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::function<void()>> queue;
  bool stopping = false;
  std::vector<std::thread> workers;
};

// ------------------------------------------------------------- streams

// Items are processed in any order on the pool; they are handed to the
// aggregator strictly in the order added (so a later version of an agency's
// year supersedes an earlier one of the same stream deterministically).
class IngestPipeline::StreamImpl
    : public IngestPipeline::Stream,
      public std::enable_shared_from_this<StreamImpl> {
 public:
  explicit StreamImpl(IngestPipeline* pipeline) : p_(pipeline) {}

  void Add(v1::IngestRequest request, std::function<void()> ready) override {
    size_t seq;
    bool room;
    {
      std::lock_guard<std::mutex> lock(mu_);
      seq = added_++;
      processed_.emplace_back();
      results_.emplace_back();
      results_[seq].set_name(ItemName(request));
      room = InFlight() <
             static_cast<size_t>(p_->options_.max_in_flight_per_stream);
      if (!room) pending_ready_ = std::move(ready);
    }
    std::shared_ptr<StreamImpl> self = shared_from_this();
    p_->pool_->Submit([self, seq, request = std::move(request)]() mutable {
      absl::StatusOr<ParsedReport> item = self->p_->Process(std::move(request));
      self->OnProcessed(seq, std::move(item));
    });
    if (room) ready();
  }

  void Finish(std::function<void(v1::IngestStreamResponse)> done) override {
    std::function<void()> fire;
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = std::move(done);
      finished_ = true;
      fire = TakeDoneIfComplete();
    }
    if (fire) fire();
  }

 private:
  size_t InFlight() const { return added_ - completed_; }

  void OnProcessed(size_t seq, absl::StatusOr<ParsedReport> item) {
    std::vector<std::function<void()>> callbacks;
    {
      std::lock_guard<std::mutex> lock(mu_);
      processed_[seq] = std::move(item);
      while (next_submit_ < added_ && processed_[next_submit_].has_value()) {
        const size_t i = next_submit_++;
        absl::StatusOr<ParsedReport> ready = std::move(*processed_[i]);
        processed_[i].reset();
        if (!ready.ok()) {
          results_[i] = FailedResponse(results_[i].name(), ready.status());
          Complete(callbacks);
          continue;
        }
        std::shared_ptr<StreamImpl> self = shared_from_this();
        p_->aggregator_->IngestAsync(*std::move(ready),
                                     [self, i](v1::IngestResponse r) {
                                       self->OnStored(i, std::move(r));
                                     });
      }
    }
    for (auto& cb : callbacks) cb();
  }

  void OnStored(size_t i, v1::IngestResponse response) {
    std::vector<std::function<void()>> callbacks;
    {
      std::lock_guard<std::mutex> lock(mu_);
      results_[i] = std::move(response);
      Complete(callbacks);
    }
    for (auto& cb : callbacks) cb();
  }

  // One more item has its result (mu_ held); collects what to call.
  void Complete(std::vector<std::function<void()>>& callbacks) {
    ++completed_;
    if (pending_ready_ &&
        InFlight() <
            static_cast<size_t>(p_->options_.max_in_flight_per_stream)) {
      callbacks.push_back(std::move(pending_ready_));
      pending_ready_ = nullptr;
    }
    if (std::function<void()> fire = TakeDoneIfComplete())
      callbacks.push_back(std::move(fire));
  }

  std::function<void()> TakeDoneIfComplete() {
    if (!finished_ || !done_ || completed_ != added_) return nullptr;
    v1::IngestStreamResponse summary;
    for (v1::IngestResponse& r : results_) {
      switch (r.outcome()) {
        case v1::INGEST_OUTCOME_STORED:
        case v1::INGEST_OUTCOME_SUPERSEDED_PREVIOUS:
          summary.set_stored(summary.stored() + 1);
          break;
        case v1::INGEST_OUTCOME_DUPLICATE:
          summary.set_duplicates(summary.duplicates() + 1);
          break;
        default:
          summary.set_failed(summary.failed() + 1);
      }
      *summary.add_results() = std::move(r);
    }
    results_.clear();
    auto done = std::move(done_);
    done_ = nullptr;
    return [done = std::move(done), summary = std::move(summary)]() mutable {
      done(std::move(summary));
    };
  }

  IngestPipeline* p_;
  std::mutex mu_;
  std::vector<std::optional<absl::StatusOr<ParsedReport>>> processed_;
  std::vector<v1::IngestResponse> results_;
  size_t added_ = 0;
  size_t completed_ = 0;
  size_t next_submit_ = 0;
  bool finished_ = false;
  std::function<void()> pending_ready_;
  std::function<void(v1::IngestStreamResponse)> done_;
};

void IngestPipeline::Stream::AddAndWait(v1::IngestRequest request) {
  std::promise<void> room;
  std::future<void> wait = room.get_future();
  Add(std::move(request), [&room] { room.set_value(); });
  wait.get();
}

v1::IngestStreamResponse IngestPipeline::Stream::FinishAndWait() {
  std::promise<v1::IngestStreamResponse> promise;
  std::future<v1::IngestStreamResponse> future = promise.get_future();
  Finish([&promise](v1::IngestStreamResponse r) {
    promise.set_value(std::move(r));
  });
  return future.get();
}

// ------------------------------------------------------------- pipeline

IngestPipeline::IngestPipeline(Aggregator* aggregator,
                               ReportProcessor* processor,
                               PipelineOptions options)
    : aggregator_(aggregator),
      processor_(processor),
      options_(options),
      pool_(std::make_unique<Pool>(options.workers)) {}

IngestPipeline::~IngestPipeline() = default;

absl::StatusOr<ParsedReport> IngestPipeline::Process(
    v1::IngestRequest request) {
  absl::StatusOr<ParsedReport> item;
  switch (request.payload_case()) {
    case v1::IngestRequest::kDocument:
      item = processor_->ProcessDocument(request.document());
      break;
    case v1::IngestRequest::kReport: {
      v1::Report report = std::move(*request.mutable_report());
      if (report.id().empty()) {
        // A report sent without its document's hash is identified by its
        // own content, so sending it twice still stores it once.
        std::string bytes;
        google::protobuf::io::StringOutputStream out(&bytes);
        google::protobuf::io::CodedOutputStream coded(&out);
        coded.SetSerializationDeterministic(true);
        report.SerializeToCodedStream(&coded);
        coded.Trim();
        report.set_id(Sha256Hex(bytes));
      }
      item = processor_->ProcessReport(std::move(report));
      break;
    }
    default:
      return absl::InvalidArgumentError(
          "the ingest request holds neither a document nor a report");
  }
  if (item.ok()) aggregator_->Prepare(*item);
  return item;
}

v1::IngestResponse IngestPipeline::Ingest(v1::IngestRequest request) {
  const std::string name = ItemName(request);
  absl::StatusOr<ParsedReport> item = Process(std::move(request));
  if (!item.ok()) return FailedResponse(name, item.status());
  return aggregator_->Ingest(*std::move(item));
}

std::shared_ptr<IngestPipeline::Stream> IngestPipeline::NewStream() {
  return std::make_shared<StreamImpl>(this);
}

}  // namespace govreport::aggregator
