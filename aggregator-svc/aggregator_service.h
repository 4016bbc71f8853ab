#ifndef GOVREPORT_AGGREGATOR_SVC_AGGREGATOR_SERVICE_H_
#define GOVREPORT_AGGREGATOR_SVC_AGGREGATOR_SERVICE_H_

// govreport.v1.Aggregator over gRPC (callback API) on the server scaffold:
// each method is a thin wrapper around the embedded Aggregator and the
// IngestPipeline; absl::Status maps to the gRPC status in one place
// (common/server/grpc_status.h).
//
// Ingest fails the call with the item's status (UNAVAILABLE when parser-svc
// is down after the retries, INVALID_ARGUMENT for an unreadable document).
// IngestStream never fails for one item: each has its result in the summary,
// and the stream reads on while earlier items are being parsed (at most
// PipelineOptions::max_in_flight_per_stream at once).

#include "aggregator-svc/aggregator.h"
#include "aggregator-svc/ingest.h"
#include "common/server/call_runner.h"
#include "govreport/v1/aggregator.grpc.pb.h"

namespace govreport::aggregator {

class AggregatorService final : public v1::Aggregator::CallbackService {
 public:
  // None is owned; all must outlive the service.
  AggregatorService(Aggregator* aggregator, IngestPipeline* pipeline,
                    server::CallRunner* runner)
      : aggregator_(aggregator), pipeline_(pipeline), runner_(runner) {}

  grpc::ServerUnaryReactor* Ingest(grpc::CallbackServerContext* context,
                                   const v1::IngestRequest* request,
                                   v1::IngestResponse* response) override;
  grpc::ServerReadReactor<v1::IngestRequest>* IngestStream(
      grpc::CallbackServerContext* context,
      v1::IngestStreamResponse* response) override;
  grpc::ServerUnaryReactor* GetReport(grpc::CallbackServerContext* context,
                                      const v1::GetReportRequest* request,
                                      v1::GetReportResponse* response) override;
  grpc::ServerUnaryReactor* ListReports(
      grpc::CallbackServerContext* context,
      const v1::ListReportsRequest* request,
      v1::ListReportsResponse* response) override;
  grpc::ServerUnaryReactor* GetRegionStats(
      grpc::CallbackServerContext* context,
      const v1::GetRegionStatsRequest* request,
      v1::GetRegionStatsResponse* response) override;
  grpc::ServerUnaryReactor* GetTimeSeries(
      grpc::CallbackServerContext* context,
      const v1::GetTimeSeriesRequest* request,
      v1::GetTimeSeriesResponse* response) override;
  grpc::ServerUnaryReactor* GetRanking(
      grpc::CallbackServerContext* context,
      const v1::GetRankingRequest* request,
      v1::GetRankingResponse* response) override;
  grpc::ServerUnaryReactor* ListChildren(
      grpc::CallbackServerContext* context,
      const v1::ListChildrenRequest* request,
      v1::ListChildrenResponse* response) override;

 private:
  Aggregator* aggregator_;
  IngestPipeline* pipeline_;
  server::CallRunner* runner_;
};

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_AGGREGATOR_SERVICE_H_
