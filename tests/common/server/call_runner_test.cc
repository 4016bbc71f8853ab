#include "common/server/call_runner.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace govreport::server {
namespace {

CallRunnerOptions Options(int max_calls, int workers) {
  return {.max_concurrent_calls = max_calls,
          .worker_threads = workers,
          .retry_after = absl::Milliseconds(250),
          .inject_latency = absl::ZeroDuration()};
}

TEST(CallRunner, AdmitsUpToTheLimitThenRefuses) {
  CallRunner runner(Options(2, 1));
  std::optional<CallPermit> a = runner.TryAdmit();
  std::optional<CallPermit> b = runner.TryAdmit();
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(runner.in_flight(), 2);
  EXPECT_FALSE(runner.TryAdmit().has_value());
  a.reset();
  EXPECT_EQ(runner.in_flight(), 1);
  EXPECT_TRUE(runner.TryAdmit().has_value());  // Released again at once.
  EXPECT_EQ(runner.in_flight(), 1);
}

TEST(CallRunner, MovingAPermitKeepsOneSlot) {
  CallRunner runner(Options(1, 1));
  std::optional<CallPermit> a = runner.TryAdmit();
  ASSERT_TRUE(a.has_value());
  CallPermit moved = std::move(*a);
  a.reset();
  EXPECT_EQ(runner.in_flight(), 1);
  CallPermit assigned = std::move(moved);
  EXPECT_EQ(runner.in_flight(), 1);
}

TEST(CallRunner, RejectionIsResourceExhaustedWithARetryHint) {
  CallRunner runner(Options(3, 1));
  grpc::Status status = runner.RejectionStatus();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "server busy: 3 calls already in progress "
            "(--max_concurrent_calls); retry after 250 ms");
  EXPECT_EQ(runner.RetryAfterMillis(), "250");
}

TEST(CallRunner, RunsWorkInOrderOnOneWorker) {
  std::vector<int> order;
  absl::Mutex mu;
  {
    CallRunner runner(Options(1, 1));
    for (int i = 0; i < 5; ++i) {
      runner.Schedule([i, &order, &mu] {
        absl::MutexLock lock(&mu);
        order.push_back(i);
      });
    }
  }  // The destructor runs what was scheduled, then joins.
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(CallRunner, WaitUntilIdleReportsWhetherPermitsAreOut) {
  CallRunner runner(Options(2, 2));
  EXPECT_TRUE(runner.WaitUntilIdle(absl::InfinitePast()));
  std::optional<CallPermit> permit = runner.TryAdmit();
  EXPECT_FALSE(runner.WaitUntilIdle(absl::InfinitePast()));
  absl::Notification released;
  runner.Schedule([&permit, &released] {
    permit.reset();
    released.Notify();
  });
  EXPECT_TRUE(runner.WaitUntilIdle(absl::InfiniteFuture()));
  released.WaitForNotification();
  EXPECT_EQ(runner.in_flight(), 0);
}

}  // namespace
}  // namespace govreport::server
