#include "common/server/call_deadlines.h"

#include <vector>

#include "absl/time/clock.h"
#include "grpc/grpc.h"

namespace govreport::server {

CallDeadlines::CallDeadlines() : thread_([this] { Loop(); }) {}

CallDeadlines::~CallDeadlines() {
  std::vector<grpc_call*> calls;
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    for (auto& [id, entry] : entries_) calls.push_back(entry.call);
    entries_.clear();
    order_.clear();
  }
  thread_.join();
  for (grpc_call* call : calls) grpc_call_unref(call);
}

CallDeadlines::Id CallDeadlines::Arm(grpc_call* call, absl::Time deadline,
                                     std::string message,
                                     std::function<void()> on_expiry) {
  grpc_call_ref(call);
  absl::MutexLock lock(&mu_);
  const Id id = next_id_++;
  entries_.emplace(
      id, Entry{call, deadline, std::move(message), std::move(on_expiry)});
  order_.emplace(deadline, id);
  if (deadline < sleeping_until_) ++generation_;
  return id;
}

void CallDeadlines::Rearm(Id id, absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  order_.erase({it->second.deadline, id});
  it->second.deadline = deadline;
  order_.emplace(deadline, id);
  if (deadline < sleeping_until_) ++generation_;
}

void CallDeadlines::Disarm(Id id) {
  grpc_call* call = nullptr;
  {
    absl::MutexLock lock(&mu_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    call = it->second.call;
    order_.erase({it->second.deadline, id});
    entries_.erase(it);
  }
  grpc_call_unref(call);
}

int CallDeadlines::armed() const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(entries_.size());
}

void CallDeadlines::Loop() {
  while (true) {
    Entry expired;
    {
      absl::MutexLock lock(&mu_);
      while (true) {
        if (stopping_) return;
        if (!order_.empty() && order_.begin()->first <= absl::Now()) break;
        const uint64_t seen = generation_;
        const absl::Time wake =
            order_.empty() ? absl::InfiniteFuture() : order_.begin()->first;
        sleeping_until_ = wake;
        auto changed = [this, seen]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
          return stopping_ || generation_ != seen;
        };
        mu_.AwaitWithDeadline(absl::Condition(&changed), wake);
      }
      const Id id = order_.begin()->second;
      order_.erase(order_.begin());
      auto it = entries_.find(id);
      expired = std::move(it->second);
      entries_.erase(it);
    }
    // Outside the lock: cancelling may run the call's callbacks on this
    // thread, and they may disarm other calls.
    grpc_call_cancel_with_status(expired.call, GRPC_STATUS_DEADLINE_EXCEEDED,
                                 expired.message.c_str(), nullptr);
    grpc_call_unref(expired.call);
    if (expired.on_expiry) expired.on_expiry();
  }
}

}  // namespace govreport::server
