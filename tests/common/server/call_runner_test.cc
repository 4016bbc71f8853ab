#include "common/server/call_runner.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "grpcpp/server_context.h"
#include "gtest/gtest.h"

namespace govreport::server {
namespace {

CallRunnerOptions Options(int max_calls, int workers) {
  return {.max_concurrent_calls = max_calls,
          .worker_threads = workers,
          .retry_after = absl::Milliseconds(250),
          .inject_latency = absl::ZeroDuration()};
}

// A call that the access check allowed (as the server's AccessInterceptor
// records it before the handler runs).
struct AllowedCall {
  explicit AllowedCall(CallRunner* runner) {
    runner->RecordAccess(&context, {});
  }
  grpc::ServerContext context;
};

TEST(CallRunner, AdmitsUpToTheLimitThenRefuses) {
  CallRunner runner(Options(2, 1));
  AllowedCall c1(&runner), c2(&runner), c3(&runner), c4(&runner);
  std::optional<Admission> a = runner.Admit(&c1.context);
  Admission b = runner.Admit(&c2.context);
  ASSERT_TRUE(a->admitted());
  ASSERT_TRUE(b.admitted());
  EXPECT_EQ(runner.in_flight(), 2);
  Admission refused = runner.Admit(&c3.context);
  EXPECT_FALSE(refused.admitted());
  grpc::Status status = refused.Refuse(&c3.context);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "server busy: 2 calls already in progress "
            "(--max_concurrent_calls); retry after 250 ms");
  a.reset();
  EXPECT_EQ(runner.in_flight(), 1);
  EXPECT_TRUE(runner.Admit(&c4.context).admitted());  // Released at once.
  EXPECT_EQ(runner.in_flight(), 1);
}

TEST(CallRunner, RefusesACallWithTheAccessDecisionRecordedForIt) {
  CallRunner runner(Options(5, 1));
  grpc::ServerContext denied;
  runner.RecordAccess(&denied,
                      grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                   "token:reader lacks the role \"ingest\""));
  Admission admission = runner.Admit(&denied);
  EXPECT_FALSE(admission.admitted());
  grpc::Status status = admission.Refuse(&denied);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(), "token:reader lacks the role \"ingest\"");
  EXPECT_EQ(runner.in_flight(), 0);
}

TEST(CallRunner, RefusesACallTheAccessCheckNeverSaw) {
  CallRunner runner(Options(5, 1));
  grpc::ServerContext unseen;
  Admission admission = runner.Admit(&unseen);
  EXPECT_FALSE(admission.admitted());
  EXPECT_EQ(admission.Refuse(&unseen).error_code(), grpc::StatusCode::INTERNAL);
  AllowedCall forgotten(&runner);
  runner.ForgetCall(&forgotten.context);
  EXPECT_FALSE(runner.Admit(&forgotten.context).admitted());
}

TEST(CallRunner, MovingAnAdmissionKeepsOneSlot) {
  CallRunner runner(Options(1, 1));
  AllowedCall call(&runner);
  std::optional<Admission> a = runner.Admit(&call.context);
  ASSERT_TRUE(a->admitted());
  Admission moved = std::move(*a);
  a.reset();
  EXPECT_EQ(runner.in_flight(), 1);
  Admission assigned = std::move(moved);
  EXPECT_EQ(runner.in_flight(), 1);
}

// A finished call gives its slot back before its status is sent, and only
// once: its Admission ending later frees nothing more.
TEST(CallRunner, ReleasedAdmissionFreesItsSlotOnce) {
  CallRunner runner(Options(1, 1));
  AllowedCall first(&runner), second(&runner), third(&runner);
  std::optional<Admission> a = runner.Admit(&first.context);
  ASSERT_TRUE(a->admitted());
  a->Release();
  EXPECT_EQ(runner.in_flight(), 0);
  a->Release();
  EXPECT_EQ(runner.in_flight(), 0);
  Admission b = runner.Admit(&second.context);
  EXPECT_TRUE(b.admitted());
  a.reset();
  EXPECT_EQ(runner.in_flight(), 1);
  EXPECT_FALSE(runner.Admit(&third.context).admitted());
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
  AllowedCall call(&runner);
  std::optional<Admission> permit = runner.Admit(&call.context);
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
