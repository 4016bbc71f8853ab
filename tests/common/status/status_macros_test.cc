#include "common/status_macros.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"

namespace govreport {
namespace {

absl::Status Fails() {
  return absl::NotFoundError("no such cell t3.new.total");
}
absl::Status Succeeds() { return absl::OkStatus(); }

absl::Status RunsBoth(int* steps) {
  RETURN_IF_ERROR(Succeeds());
  ++*steps;
  RETURN_IF_ERROR(Fails());
  ++*steps;
  return absl::OkStatus();
}

TEST(ReturnIfError, ReturnsTheFirstErrorAndSkipsTheRest) {
  int steps = 0;
  absl::Status status = RunsBoth(&steps);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "no such cell t3.new.total");
  EXPECT_EQ(steps, 1);
}

absl::Status EvaluatesOnce(int* calls) {
  RETURN_IF_ERROR([&] {
    ++*calls;
    return absl::OkStatus();
  }());
  return absl::OkStatus();
}

TEST(ReturnIfError, EvaluatesTheExpressionOnce) {
  int calls = 0;
  EXPECT_TRUE(EvaluatesOnce(&calls).ok());
  EXPECT_EQ(calls, 1);
}

absl::StatusOr<int> Half(int n) {
  if (n % 2 != 0)
    return absl::InvalidArgumentError("odd: " + std::to_string(n));
  return n / 2;
}

absl::StatusOr<int> Quarter(int n) {
  ASSIGN_OR_RETURN(int half, Half(n));
  ASSIGN_OR_RETURN(int quarter, Half(half));  // Two on separate lines.
  return quarter;
}

TEST(AssignOrReturn, AssignsTheValue) {
  absl::StatusOr<int> result = Quarter(12);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, 3);
}

TEST(AssignOrReturn, ReturnsTheErrorOfTheFailingStep) {
  absl::StatusOr<int> first = Quarter(7);
  EXPECT_EQ(first.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(first.status().message(), "odd: 7");
  absl::StatusOr<int> second = Quarter(6);
  EXPECT_EQ(second.status().message(), "odd: 3");
}

absl::StatusOr<std::unique_ptr<std::string>> MakeName() {
  return std::make_unique<std::string>("西工区统计局");
}

absl::Status MovesOnlyValues(std::string* out) {
  ASSIGN_OR_RETURN(std::unique_ptr<std::string> name, MakeName());
  *out = *name;
  return absl::OkStatus();
}

TEST(AssignOrReturn, WorksWithMoveOnlyTypes) {
  std::string name;
  ASSERT_TRUE(MovesOnlyValues(&name).ok());
  EXPECT_EQ(name, "西工区统计局");
}

absl::Status AssignsToExisting(int* out) {
  int value = 0;
  ASSIGN_OR_RETURN(value, Half(10));
  *out = value;
  return absl::OkStatus();
}

TEST(AssignOrReturn, AssignsToAnExistingVariable) {
  int out = 0;
  ASSERT_TRUE(AssignsToExisting(&out).ok());
  EXPECT_EQ(out, 5);
}

}  // namespace
}  // namespace govreport
