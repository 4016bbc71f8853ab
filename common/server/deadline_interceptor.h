#ifndef GOVREPORT_COMMON_SERVER_DEADLINE_INTERCEPTOR_H_
#define GOVREPORT_COMMON_SERVER_DEADLINE_INTERCEPTOR_H_

// The server-side deadline (--max_call_seconds) of every application call,
// whatever deadline the client set (or none): the call is cancelled with
// DEADLINE_EXCEEDED when the server has owed progress for `limit`. The clock
// starts when a request message arrives, restarts with each further one, and
// stops when the server sends a message (or the status). So a unary call is
// limited from its request to its answer; a bidirectional stream per item
// (an idle stream waiting for its client is never cut); a client stream from
// its last message to its answer, and between messages. Health and
// reflection (long Watch streams) are exempt.
//
// An expiry is logged at warning and counted in
// govreport_server_deadline_exceeded_total.
//
// Thread-safe: one interceptor per call; the factory is shared.

#include "absl/time/time.h"
#include "common/server/call_deadlines.h"
#include "common/server/metrics.h"
#include "grpcpp/support/server_interceptor.h"

namespace govreport::server {

class DeadlineInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `deadlines` and `metrics` must outlive every call of the server.
  DeadlineInterceptorFactory(CallDeadlines* deadlines, absl::Duration limit,
                             ServerMetrics* metrics)
      : deadlines_(deadlines), limit_(limit), metrics_(metrics) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  CallDeadlines* deadlines_;
  absl::Duration limit_;
  ServerMetrics* metrics_;
};

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_DEADLINE_INTERCEPTOR_H_
