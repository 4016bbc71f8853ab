#ifndef GOVREPORT_COMMON_SERVER_REACTORS_H_
#define GOVREPORT_COMMON_SERVER_REACTORS_H_

// Callback-API plumbing so that a service method is one line around a plain
// function:
//
//   grpc::ServerUnaryReactor* ParserService::Parse(
//       grpc::CallbackServerContext* context, const v1::ParseRequest* request,
//       v1::ParseResponse* response) {
//     return server::ServeUnary(runner_, context, request, response,
//         [this](const v1::ParseRequest& r, v1::ParseResponse* out) {
//           return ParseOne(r, out);  // absl::Status
//         });
//   }
//
// Both helpers first ask the CallRunner for admission (refusing with the
// access check's UNAUTHENTICATED / PERMISSION_DENIED, or with
// RESOURCE_EXHAUSTED and the retry hint in trailing metadata when the process
// is at its limit), then run the handler on a worker thread after the
// fault-injection latency.
//
// ServeUnary: the handler's absl::Status becomes the call's status
// (ToGrpcStatus); the response is sent only when it is OK.
//
// ServeStream (bidirectional): requests are handled one at a time, in order,
// and each produces exactly one response written before the next request is
// read. The handler reports a per-item failure inside its response (the
// error_code / error_message fields), so one bad item never ends the stream.
// The call ends OK when the client half-closes.

#include <memory>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "common/server/call_runner.h"
#include "common/server/grpc_status.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"

namespace govreport::server {

template <typename Request, typename Response, typename Handler>
grpc::ServerUnaryReactor* ServeUnary(CallRunner* runner,
                                     grpc::CallbackServerContext* context,
                                     const Request* request, Response* response,
                                     Handler handler) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Admission admission = runner->Admit(context);
  if (!admission.admitted()) {
    reactor->Finish(admission.Refuse(context));
    return reactor;
  }
  runner->Schedule([runner, context, request, response, reactor,
                    handler = std::move(handler),
                    admission = std::move(admission)]() mutable {
    runner->InjectLatency();
    absl::Status status =
        context->IsCancelled()
            ? absl::CancelledError("the call was cancelled before it ran")
            : handler(*request, response);
    // The work is done: free the slot before the client can see the status,
    // so that its next call is not refused for a slot still held here.
    admission.Release();
    reactor->Finish(ToGrpcStatus(status));
  });
  return reactor;
}

namespace internal {

// Reads, handles and writes one item at a time; deletes itself in OnDone.
template <typename Request, typename Response, typename Handler>
class StreamReactor : public grpc::ServerBidiReactor<Request, Response> {
 public:
  StreamReactor(CallRunner* runner, grpc::CallbackServerContext* context,
                Handler handler)
      : runner_(runner),
        admission_(runner->Admit(context)),
        handler_(std::move(handler)) {
    if (!admission_.admitted()) {
      this->Finish(admission_.Refuse(context));
      return;
    }
    this->StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {               // Half-close by the client, or cancellation.
      admission_.Release();  // As in ServeUnary: before the status is sent.
      this->Finish(grpc::Status::OK);
      return;
    }
    runner_->Schedule([this]() {
      runner_->InjectLatency();
      response_ = handler_(request_);
      this->StartWrite(&response_);
    });
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      admission_.Release();
      this->Finish(grpc::Status(grpc::StatusCode::CANCELLED,
                                "the stream broke while writing a response"));
      return;
    }
    this->StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  CallRunner* runner_;
  Admission admission_;
  Handler handler_;
  Request request_;
  Response response_;
};

}  // namespace internal

// `handler`: Response(const Request&), called on worker threads, one item at
// a time per stream.
template <typename Request, typename Response, typename Handler>
grpc::ServerBidiReactor<Request, Response>* ServeStream(
    CallRunner* runner, grpc::CallbackServerContext* context, Handler handler) {
  return new internal::StreamReactor<Request, Response, Handler>(
      runner, context, std::move(handler));
}

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_REACTORS_H_
