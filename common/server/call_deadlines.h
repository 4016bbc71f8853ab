#ifndef GOVREPORT_COMMON_SERVER_CALL_DEADLINES_H_
#define GOVREPORT_COMMON_SERVER_CALL_DEADLINES_H_

// Server-side deadlines: one thread that cancels each armed call whose
// deadline passes with DEADLINE_EXCEEDED (grpc_call_cancel_with_status, so
// the client gets that status and message even when it set no deadline of
// its own), then runs the call's `on_expiry`. The handler of a cancelled call
// sees context->IsCancelled() and still finishes its reactor as usual.
//
//   CallDeadlines deadlines;
//   CallDeadlines::Id id = deadlines.Arm(context->c_call(), absl::Now() +
//   limit,
//                                        "server deadline of 120 s", [] {});
//   deadlines.Rearm(id, absl::Now() + limit);  // progress was made
//   deadlines.Disarm(id);                      // the call is ending
//
// An armed call holds a reference on its grpc_call until it is disarmed or
// has expired. Thread-safe: all methods may be called concurrently; the
// destructor disarms everything still armed.

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

struct grpc_call;

namespace govreport::server {

class CallDeadlines {
 public:
  using Id = uint64_t;

  CallDeadlines();
  ~CallDeadlines();
  CallDeadlines(const CallDeadlines&) = delete;
  CallDeadlines& operator=(const CallDeadlines&) = delete;

  // `message` becomes the status message the client sees. `on_expiry` runs on
  // the timer thread after the cancellation, only if the deadline passed.
  Id Arm(grpc_call* call, absl::Time deadline, std::string message,
         std::function<void()> on_expiry);
  // No-ops for an Id already disarmed or expired.
  void Rearm(Id id, absl::Time deadline);
  void Disarm(Id id);

  // Calls armed now.
  int armed() const;

 private:
  struct Entry {
    grpc_call* call = nullptr;
    absl::Time deadline;
    std::string message;
    std::function<void()> on_expiry;
  };
  void Loop();

  mutable absl::Mutex mu_;
  Id next_id_ ABSL_GUARDED_BY(mu_) = 1;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Bumped to wake the timer when a deadline comes before the time it sleeps
  // until (so most calls, armed later than an earlier one, wake nothing).
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time sleeping_until_ ABSL_GUARDED_BY(mu_) = absl::InfiniteFuture();
  absl::flat_hash_map<Id, Entry> entries_ ABSL_GUARDED_BY(mu_);
  std::set<std::pair<absl::Time, Id>> order_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_CALL_DEADLINES_H_
