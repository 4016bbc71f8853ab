#ifndef GOVREPORT_VALIDATOR_SVC_VALIDATOR_SERVICE_H_
#define GOVREPORT_VALIDATOR_SVC_VALIDATOR_SERVICE_H_

// govreport.v1.Validator over gRPC, on top of validator::Validator.
//
// Validate (unary): OK with the findings and the report's id echoed;
// INVALID_ARGUMENT when the request carries no report.
//
// ValidateStream: one response per request, in request order; a request
// without a report gets error_code / error_message and the stream goes on.
//
// Both go through the process's CallRunner: admission limit, worker threads.
//
// Thread-safe: calls may run concurrently (Validator::Validate is const).

#include "common/server/call_runner.h"
#include "govreport/v1/validator.grpc.pb.h"
#include "validator-svc/validator.h"

namespace govreport::validator {

// The result for one request, as ValidateStream sends it.
v1::ValidateResponse ValidateReport(const Validator& validator,
                                    const v1::ValidateRequest& request);

class ValidatorService final : public v1::Validator::CallbackService {
 public:
  // `validator` and `runner` must outlive the service.
  ValidatorService(const Validator* validator, server::CallRunner* runner)
      : validator_(validator), runner_(runner) {}

  grpc::ServerUnaryReactor* Validate(grpc::CallbackServerContext* context,
                                     const v1::ValidateRequest* request,
                                     v1::ValidateResponse* response) override;

  grpc::ServerBidiReactor<v1::ValidateRequest, v1::ValidateResponse>*
  ValidateStream(grpc::CallbackServerContext* context) override;

 private:
  const Validator* validator_;
  server::CallRunner* runner_;
};

}  // namespace govreport::validator

#endif  // GOVREPORT_VALIDATOR_SVC_VALIDATOR_SERVICE_H_
