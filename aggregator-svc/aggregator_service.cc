#include "aggregator-svc/aggregator_service.h"

#include <memory>
#include <optional>
#include <utility>

#include "common/server/reactors.h"

namespace govreport::aggregator {
namespace {

// Reads the stream into an IngestPipeline stream; finishes with the summary
// once every item has its result. Holds its admission throughout.
class IngestStreamReactor : public grpc::ServerReadReactor<v1::IngestRequest> {
 public:
  IngestStreamReactor(server::CallRunner* runner, IngestPipeline* pipeline,
                      grpc::CallbackServerContext* context,
                      v1::IngestStreamResponse* response)
      : response_(response), admission_(runner->Admit(context)) {
    if (!admission_.admitted()) {
      Finish(admission_.Refuse(context));
      return;
    }
    stream_ = pipeline->NewStream();
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // Half-close, or the client went away: finish what was read.
      stream_->Finish([this](v1::IngestStreamResponse summary) {
        *response_ = std::move(summary);
        Finish(grpc::Status::OK);
      });
      return;
    }
    stream_->Add(std::move(request_), [this] {
      request_.Clear();
      StartRead(&request_);
    });
  }

  void OnDone() override { delete this; }

 private:
  v1::IngestStreamResponse* response_;
  server::Admission admission_;
  std::shared_ptr<IngestPipeline::Stream> stream_;
  v1::IngestRequest request_;
};

}  // namespace

grpc::ServerUnaryReactor* AggregatorService::Ingest(
    grpc::CallbackServerContext* context, const v1::IngestRequest* request,
    v1::IngestResponse* response) {
  return server::ServeUnary(
      runner_, context, request, response,
      [this](const v1::IngestRequest& r,
             v1::IngestResponse* out) -> absl::Status {
        *out = pipeline_->Ingest(r);
        if (out->outcome() == v1::INGEST_OUTCOME_FAILED) {
          return absl::Status(static_cast<absl::StatusCode>(out->error_code()),
                              out->error_message());
        }
        return absl::OkStatus();
      });
}

grpc::ServerReadReactor<v1::IngestRequest>* AggregatorService::IngestStream(
    grpc::CallbackServerContext* context, v1::IngestStreamResponse* response) {
  return new IngestStreamReactor(runner_, pipeline_, context, response);
}

// The query methods: the embedded API's answer, or its status.
#define GOVREPORT_QUERY_METHOD(Method)                                      \
  grpc::ServerUnaryReactor* AggregatorService::Method(                      \
      grpc::CallbackServerContext* context,                                 \
      const v1::Method##Request* request, v1::Method##Response* response) { \
    return server::ServeUnary(                                              \
        runner_, context, request, response,                                \
        [this](const v1::Method##Request& r,                                \
               v1::Method##Response* out) -> absl::Status {                 \
          absl::StatusOr<v1::Method##Response> answer =                     \
              aggregator_->Method(r);                                       \
          if (!answer.ok()) return answer.status();                         \
          *out = *std::move(answer);                                        \
          return absl::OkStatus();                                          \
        });                                                                 \
  }

GOVREPORT_QUERY_METHOD(GetReport)
GOVREPORT_QUERY_METHOD(ListReports)
GOVREPORT_QUERY_METHOD(GetRegionStats)
GOVREPORT_QUERY_METHOD(GetTimeSeries)
GOVREPORT_QUERY_METHOD(GetRanking)
GOVREPORT_QUERY_METHOD(ListChildren)

#undef GOVREPORT_QUERY_METHOD

}  // namespace govreport::aggregator
