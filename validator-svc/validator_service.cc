#include "validator-svc/validator_service.h"

#include <utility>
#include <vector>

#include "common/log.h"
#include "common/server/grpc_status.h"
#include "common/server/reactors.h"

namespace govreport::validator {
namespace {

absl::Status ValidateInto(const Validator& validator,
                          const v1::ValidateRequest& request,
                          v1::ValidateResponse* response) {
  if (!request.has_report()) {
    return absl::InvalidArgumentError(
        "the request carries no report to validate");
  }
  response->set_report_id(request.report().id());
  std::vector<v1::Finding> findings = validator.Validate(request.report());
  logging::Debug("validate", {{"report_id", request.report().id()},
                              {"findings", findings.size()}});
  for (v1::Finding& finding : findings) {
    *response->add_findings() = std::move(finding);
  }
  return absl::OkStatus();
}

}  // namespace

v1::ValidateResponse ValidateReport(const Validator& validator,
                                    const v1::ValidateRequest& request) {
  v1::ValidateResponse response;
  if (absl::Status status = ValidateInto(validator, request, &response);
      !status.ok()) {
    response.clear_findings();
    response.set_error_code(server::ToRpcCode(status));
    response.set_error_message(std::string(status.message()));
  }
  return response;
}

grpc::ServerUnaryReactor* ValidatorService::Validate(
    grpc::CallbackServerContext* context, const v1::ValidateRequest* request,
    v1::ValidateResponse* response) {
  return server::ServeUnary(
      runner_, context, request, response,
      [validator = validator_](const v1::ValidateRequest& r,
                               v1::ValidateResponse* out) {
        return ValidateInto(*validator, r, out);
      });
}

grpc::ServerBidiReactor<v1::ValidateRequest, v1::ValidateResponse>*
ValidatorService::ValidateStream(grpc::CallbackServerContext* context) {
  return server::ServeStream<v1::ValidateRequest, v1::ValidateResponse>(
      runner_, context, [validator = validator_](const v1::ValidateRequest& r) {
        return ValidateReport(*validator, r);
      });
}

}  // namespace govreport::validator
