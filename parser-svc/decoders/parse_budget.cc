#include "parser-svc/decoders/parse_budget.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace govreport::parser {
namespace {

std::string Mebibytes(size_t bytes) {
  if (bytes % (size_t{1} << 20) == 0) {
    return absl::StrCat(bytes >> 20, " MiB");
  }
  return absl::StrCat(bytes, " bytes");
}

std::string Approximate(size_t bytes) {
  if (bytes < (size_t{1} << 20)) {
    return absl::StrFormat("%.1f KiB", static_cast<double>(bytes) / 1024);
  }
  return absl::StrFormat("%.1f MiB", static_cast<double>(bytes) / (1 << 20));
}

}  // namespace

ParseBudget::ParseBudget(absl::string_view name, ParseLimits limits)
    : name_(name), limits_(std::move(limits)) {
  start_ = Now();
  deadline_ = limits_.max_time == absl::InfiniteDuration()
                  ? absl::InfiniteFuture()
                  : start_ + limits_.max_time;
}

absl::Time ParseBudget::Now() const {
  return limits_.clock ? limits_.clock() : absl::Now();
}

bool ParseBudget::Expired() const {
  return deadline_ != absl::InfiniteFuture() && Now() > deadline_;
}

absl::Status ParseBudget::CheckTime(absl::string_view stage,
                                    size_t index) const {
  if (deadline_ == absl::InfiniteFuture()) return absl::OkStatus();
  const absl::Time now = Now();
  if (now <= deadline_) return absl::OkStatus();
  return absl::DeadlineExceededError(absl::StrCat(
      name_, ": parsing took longer than the limit of ",
      absl::FormatDuration(limits_.max_time),
      " per document (--max_parse_seconds); stopped at ", stage,
      index != 0 ? absl::StrCat(" ", index) : std::string(), " after ",
      absl::FormatDuration(absl::Trunc(now - start_, absl::Milliseconds(1)))));
}

absl::Status ParseBudget::Charge(size_t bytes, absl::string_view what) {
  if (limits_.max_memory_bytes == 0) {
    charged_ += bytes;
    peak_ = std::max(peak_, charged_);
    return absl::OkStatus();
  }
  if (bytes > limits_.max_memory_bytes ||
      charged_ > limits_.max_memory_bytes - bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        name_, ": parsing would hold about ", Approximate(charged_ + bytes),
        " (", what, ": ", Approximate(bytes), "), over the limit of ", Mebibytes(limits_.max_memory_bytes),
        " per document (--max_parse_memory_bytes)"));
  }
  charged_ += bytes;
  peak_ = std::max(peak_, charged_);
  return absl::OkStatus();
}

}  // namespace govreport::parser
