#include "common/server/call_runner.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace govreport::server {

CallPermit::CallPermit(CallPermit&& other) noexcept
    : runner_(std::exchange(other.runner_, nullptr)) {}

CallPermit& CallPermit::operator=(CallPermit&& other) noexcept {
  if (this != &other) {
    if (runner_ != nullptr) runner_->Release();
    runner_ = std::exchange(other.runner_, nullptr);
  }
  return *this;
}

CallPermit::~CallPermit() { Release(); }

void CallPermit::Release() {
  if (runner_ != nullptr) std::exchange(runner_, nullptr)->Release();
}

CallRunner::CallRunner(CallRunnerOptions options) : options_(options) {
  int threads = options_.worker_threads;
  if (threads <= 0) {
    threads =
        std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
  }
  workers_.reserve(threads);
  for (int i = 0; i < threads; ++i) {
    workers_.emplace_back([this] { WorkerLoop(); });
  }
}

CallRunner::~CallRunner() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  for (std::thread& worker : workers_) worker.join();
}

grpc::Status Admission::Refuse(grpc::ServerContextBase* context) const {
  if (!retry_after_millis_.empty()) {
    context->AddTrailingMetadata(kRetryPushbackKey, retry_after_millis_);
  }
  return refusal_;
}

Admission CallRunner::Admit(const grpc::ServerContextBase* context) {
  Admission admission;
  absl::MutexLock lock(&mu_);
  auto it = access_.find(context);
  if (it == access_.end()) {
    admission.refusal_ = grpc::Status(
        grpc::StatusCode::INTERNAL,
        "the call was not seen by the access check (server misconfigured)");
  } else if (!it->second.ok()) {
    admission.refusal_ = it->second;
  } else if (in_flight_ >= options_.max_concurrent_calls) {
    admission.refusal_ = RejectionStatus();
    admission.retry_after_millis_ = RetryAfterMillis();
  } else {
    ++in_flight_;
    admission.permit_.emplace(CallPermit(this));
  }
  return admission;
}

void CallRunner::RecordAccess(const grpc::ServerContextBase* context,
                              grpc::Status decision) {
  absl::MutexLock lock(&mu_);
  access_.insert_or_assign(context, std::move(decision));
}

void CallRunner::ForgetCall(const grpc::ServerContextBase* context) {
  absl::MutexLock lock(&mu_);
  access_.erase(context);
}

void CallRunner::Release() {
  absl::MutexLock lock(&mu_);
  --in_flight_;
}

std::string CallRunner::RetryAfterMillis() const {
  return absl::StrCat(absl::ToInt64Milliseconds(options_.retry_after));
}

grpc::Status CallRunner::RejectionStatus() const {
  return grpc::Status(
      grpc::StatusCode::RESOURCE_EXHAUSTED,
      absl::StrCat("server busy: ", options_.max_concurrent_calls,
                   " calls already in progress (--max_concurrent_calls); "
                   "retry after ",
                   RetryAfterMillis(), " ms"));
}

void CallRunner::Schedule(absl::AnyInvocable<void() &&> work) {
  absl::MutexLock lock(&mu_);
  queue_.push_back(std::move(work));
}

void CallRunner::InjectLatency() const {
  if (options_.inject_latency > absl::ZeroDuration()) {
    absl::SleepFor(options_.inject_latency);
  }
}

int CallRunner::in_flight() const {
  absl::MutexLock lock(&mu_);
  return in_flight_;
}

bool CallRunner::WaitUntilIdle(absl::Time deadline) const {
  absl::MutexLock lock(&mu_);
  auto idle = [this]()
                  ABSL_SHARED_LOCKS_REQUIRED(mu_) { return in_flight_ == 0; };
  return mu_.AwaitWithDeadline(absl::Condition(&idle), deadline);
}

void CallRunner::WorkerLoop() {
  while (true) {
    absl::AnyInvocable<void() &&> work;
    {
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
        return stopping_ || !queue_.empty();
      };
      mu_.Await(absl::Condition(&ready));
      if (queue_.empty()) return;  // Stopping, and nothing left to run.
      work = std::move(queue_.front());
      queue_.pop_front();
    }
    std::move(work)();
  }
}

}  // namespace govreport::server
