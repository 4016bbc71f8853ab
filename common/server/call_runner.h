#ifndef GOVREPORT_COMMON_SERVER_CALL_RUNNER_H_
#define GOVREPORT_COMMON_SERVER_CALL_RUNNER_H_

// Admission and execution of application calls, shared by every service of a
// process:
//   * admission (Admit): the call must have been allowed by the access check
//     (the server's AccessInterceptor records its decision for each call
//     before the handler runs; a call it never saw is refused), and at most
//     `max_concurrent_calls` calls hold a CallPermit at once; the next one is
//     refused (RESOURCE_EXHAUSTED with a retry hint) instead of queueing
//     without bound;
//   * execution: handlers run on a fixed pool of worker threads, never on
//     gRPC's callback threads, so a slow parse cannot stall health checks;
//   * draining: WaitUntilIdle lets graceful shutdown wait for admitted calls.
//
// Services normally use it through ServeUnary / ServeStream (reactors.h).
// A hand-written reactor must hold an Admission for its whole life:
//
//   MyReactor(CallRunner* runner, grpc::CallbackServerContext* context)
//       : admission_(runner->Admit(context)) {
//     if (!admission_.admitted()) {
//       Finish(admission_.Refuse(context));
//       return;
//     }
//     ...
//
// Thread-safe: all methods may be called concurrently. The destructor runs
// the work already scheduled, then joins the workers.

#include <deque>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/status.h"

namespace govreport::server {

class CallRunner;

// Proof of admission; releases its slot when destroyed. Movable.
class CallPermit {
 public:
  CallPermit(CallPermit&& other) noexcept;
  CallPermit& operator=(CallPermit&& other) noexcept;
  CallPermit(const CallPermit&) = delete;
  CallPermit& operator=(const CallPermit&) = delete;
  ~CallPermit();

  // Gives the slot back now instead of at destruction; idempotent.
  void Release();

 private:
  friend class CallRunner;
  explicit CallPermit(CallRunner* runner) : runner_(runner) {}
  CallRunner* runner_;
};

// The outcome of CallRunner::Admit: a permit, or why there is none.
class Admission {
 public:
  bool admitted() const { return permit_.has_value(); }
  // Gives the slot back before the Admission ends (a call whose work is done
  // but whose status is still to be sent); admitted() stays as it was.
  void Release() {
    if (permit_.has_value()) permit_->Release();
  }
  // The status to finish a refused call with; for a refusal for capacity it
  // also puts the retry hint in `context`'s trailing metadata.
  grpc::Status Refuse(grpc::ServerContextBase* context) const;

 private:
  friend class CallRunner;
  std::optional<CallPermit> permit_;
  grpc::Status refusal_;
  std::string retry_after_millis_;  // Set for capacity refusals only.
};

struct CallRunnerOptions {
  int max_concurrent_calls = 64;
  int worker_threads = 0;  // 0: the number of CPUs, at least 2.
  absl::Duration retry_after = absl::Milliseconds(250);
  absl::Duration inject_latency = absl::ZeroDuration();  // Fault injection.
};

// Trailing-metadata key of the retry hint; gRPC's client retry honours it.
inline constexpr char kRetryPushbackKey[] = "grpc-retry-pushback-ms";

class CallRunner {
 public:
  explicit CallRunner(CallRunnerOptions options);
  ~CallRunner();
  CallRunner(const CallRunner&) = delete;
  CallRunner& operator=(const CallRunner&) = delete;

  // Admits the call of `context`: refused with the access decision the
  // AccessInterceptor recorded when that was not OK (or INTERNAL when none was
  // recorded), else a permit unless max_concurrent_calls permits are out.
  Admission Admit(const grpc::ServerContextBase* context);

  // For the AccessInterceptor: the access decision for the call of
  // `context`, kept until ForgetCall (the end of the call).
  void RecordAccess(const grpc::ServerContextBase* context,
                    grpc::Status decision);
  void ForgetCall(const grpc::ServerContextBase* context);

  // RESOURCE_EXHAUSTED naming the limit and the retry hint in milliseconds
  // (the same number callers put under kRetryPushbackKey).
  grpc::Status RejectionStatus() const;
  std::string RetryAfterMillis() const;

  // Runs `work` on a worker thread, in FIFO order with other work.
  void Schedule(absl::AnyInvocable<void() &&> work);

  // Sleeps for the configured fault-injection latency (no-op when zero).
  void InjectLatency() const;

  // Permits currently out.
  int in_flight() const;

  // Blocks until no permit is out or `deadline` passes; true when idle.
  bool WaitUntilIdle(absl::Time deadline) const;

  const CallRunnerOptions& options() const { return options_; }

 private:
  friend class CallPermit;
  void Release();
  void WorkerLoop();

  const CallRunnerOptions options_;
  mutable absl::Mutex mu_;
  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::deque<absl::AnyInvocable<void() &&>> queue_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<const grpc::ServerContextBase*, grpc::Status> access_
      ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> workers_;
};

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_CALL_RUNNER_H_
