#ifndef GOVREPORT_AGGREGATOR_SVC_INGEST_H_
#define GOVREPORT_AGGREGATOR_SVC_INGEST_H_

// The ingest pipeline for raw documents and parsed reports: a ReportProcessor
// parses (raw documents) and validates each item on a pool of workers, then
// the Aggregator stores it. A failure of one item is that item's result
// (FAILED with the code and message); the others go on.
//
// Two processors:
//   - NewRemoteProcessor: parser-svc and validator-svc over gRPC, with a
//     deadline on every call and retries (UNAVAILABLE, RESOURCE_EXHAUSTED)
//     through the channels' service config;
//   - LocalProcessor: the govreport_parser and govreport_validator libraries
//     in-process (`govreport analyze`, on all cores).
//
//   IngestPipeline pipeline(aggregator.get(), &processor, {.workers = 8});
//   auto stream = pipeline.NewStream();
//   for (auto& request : requests) stream->AddAndWait(std::move(request));
//   v1::IngestStreamResponse summary = stream->FinishAndWait();
//
// Thread-safe.

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "aggregator-svc/aggregator.h"
#include "common/net/client_channel.h"
#include "govreport/v1/aggregator.pb.h"
#include "parser-svc/parser.h"
#include "validator-svc/validator.h"

namespace govreport::aggregator {

class ReportProcessor {
 public:
  virtual ~ReportProcessor() = default;
  // Parses and validates a raw document. Thread-safe.
  virtual absl::StatusOr<ParsedReport> ProcessDocument(
      const v1::Document& document) = 0;
  // Validates an already parsed report. Thread-safe.
  virtual absl::StatusOr<ParsedReport> ProcessReport(v1::Report report) = 0;
};

// The libraries in-process. Both must outlive the processor.
class LocalProcessor : public ReportProcessor {
 public:
  LocalProcessor(const parser::Parser* parser,
                 const validator::Validator* validator)
      : parser_(parser), validator_(validator) {}
  absl::StatusOr<ParsedReport> ProcessDocument(
      const v1::Document& document) override;
  absl::StatusOr<ParsedReport> ProcessReport(v1::Report report) override;

 private:
  const parser::Parser* parser_;
  const validator::Validator* validator_;
};

struct RemoteProcessorOptions {
  std::string parser_address = "localhost:50051";
  std::string validator_address = "localhost:50052";
  // Deadline of each call (all its retries included).
  absl::Duration parse_deadline = absl::Seconds(60);
  absl::Duration validate_deadline = absl::Seconds(20);
  // Sends per document for UNAVAILABLE / RESOURCE_EXHAUSTED or a broken
  // stream (1..5).
  int max_attempts = 4;
  // Long-lived ParseStream / ValidateStream calls open to each service; a
  // stream takes documents for stream_max_age, then is replaced, so that the
  // channel's load balancing spreads streams over new backends.
  int streams_per_service = 4;
  absl::Duration stream_max_age = absl::Seconds(60);
  int64_t max_message_bytes = int64_t{64} << 20;
  // TLS / mutual TLS and bearer token of both channels; plaintext by default.
  // Errors reading its files name the flag and file.
  net::ClientSecurity security;
};

// parser-svc and validator-svc over gRPC (plaintext, TLS or mTLS channels on
// the addresses given, per `security`). Channels connect lazily and check
// each backend's health (a draining pod stops getting calls). Documents go
// over a few long-lived ParseStream / ValidateStream calls, one message each,
// with a deadline per document (upstream_stream.h); validator-svc gets the
// report without its sections' text (its rules read the whole text only).
absl::StatusOr<std::unique_ptr<ReportProcessor>> NewRemoteProcessor(
    const RemoteProcessorOptions& options);

// The service config the remote processor's channels use: the retry policy,
// and client-side health checking of `health_service` when not empty.
std::string RetryServiceConfig(int max_attempts,
                               absl::string_view health_service = "");

struct PipelineOptions {
  // Items processed at once (parse + validate); the pool's threads.
  int workers = 8;
  // Items of one stream received but not yet stored before Add waits.
  int max_in_flight_per_stream = 256;
};

class IngestPipeline {
 public:
  // `aggregator` and `processor` must outlive the pipeline.
  IngestPipeline(Aggregator* aggregator, ReportProcessor* processor,
                 PipelineOptions options);
  ~IngestPipeline();

  // Processes and stores one item; blocks.
  v1::IngestResponse Ingest(v1::IngestRequest request);

  // A stream of items processed in parallel and stored in the order added;
  // results in the same order.
  class Stream {
   public:
    virtual ~Stream() = default;
    // Takes the item; `ready` runs (now or later, on some thread) once the
    // stream has room for the next one.
    virtual void Add(v1::IngestRequest request,
                     std::function<void()> ready) = 0;
    // No more items; `done` runs once every item has its result.
    virtual void Finish(std::function<void(v1::IngestStreamResponse)> done) = 0;
    // Blocking forms.
    void AddAndWait(v1::IngestRequest request);
    v1::IngestStreamResponse FinishAndWait();
  };
  std::shared_ptr<Stream> NewStream();

 private:
  class StreamImpl;
  struct Pool;
  absl::StatusOr<ParsedReport> Process(v1::IngestRequest request);

  Aggregator* aggregator_;
  ReportProcessor* processor_;
  PipelineOptions options_;
  std::unique_ptr<Pool> pool_;
};

// The name of an item for messages: the document name or the report's
// source_name.
std::string ItemName(const v1::IngestRequest& request);

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_INGEST_H_
