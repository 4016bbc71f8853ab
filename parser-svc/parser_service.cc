#include "parser-svc/parser_service.h"

#include <utility>

#include "absl/status/statusor.h"
#include "common/log.h"
#include "common/server/grpc_status.h"
#include "common/server/reactors.h"

namespace govreport::parser {
namespace {

// Parses one request; the response gets the name and, on success, the report.
absl::Status ParseInto(const Parser& parser, const v1::ParseRequest& request,
                       v1::ParseResponse* response) {
  response->set_name(request.name());
  absl::StatusOr<v1::Report> report =
      parser.Parse(request.name(), request.content());
  logging::Debug(
      "parse",
      {{"name", request.name()},
       {"bytes", request.content().size()},
       {"code", server::RpcCodeName(server::ToRpcCode(report.status()))}});
  if (!report.ok()) return report.status();
  *response->mutable_report() = *std::move(report);
  return absl::OkStatus();
}

}  // namespace

v1::ParseResponse ParseDocument(const Parser& parser,
                                const v1::ParseRequest& request) {
  v1::ParseResponse response;
  if (absl::Status status = ParseInto(parser, request, &response);
      !status.ok()) {
    response.clear_report();
    response.set_error_code(server::ToRpcCode(status));
    response.set_error_message(std::string(status.message()));
  }
  return response;
}

grpc::ServerUnaryReactor* ParserService::Parse(
    grpc::CallbackServerContext* context, const v1::ParseRequest* request,
    v1::ParseResponse* response) {
  return server::ServeUnary(
      runner_, context, request, response,
      [parser = parser_](const v1::ParseRequest& r, v1::ParseResponse* out) {
        return ParseInto(*parser, r, out);
      });
}

grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse>*
ParserService::ParseStream(grpc::CallbackServerContext* context) {
  return server::ServeStream<v1::ParseRequest, v1::ParseResponse>(
      runner_, context, [parser = parser_](const v1::ParseRequest& r) {
        return ParseDocument(*parser, r);
      });
}

}  // namespace govreport::parser
