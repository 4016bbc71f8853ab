#include "common/log.h"

#include <atomic>
#include <iostream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/synchronization/mutex.h"

namespace govreport::logging {
namespace {

std::atomic<int> g_level{static_cast<int>(Level::kInfo)};

absl::Mutex g_output_mu;
std::ostream* g_output ABSL_GUARDED_BY(g_output_mu) = &std::cout;

}  // namespace

absl::StatusOr<Level> ParseLevel(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text);
  if (lower == "debug") return Level::kDebug;
  if (lower == "info") return Level::kInfo;
  if (lower == "warning" || lower == "warn") return Level::kWarning;
  if (lower == "error") return Level::kError;
  return absl::InvalidArgumentError(
      "log level '" + std::string(text) +
      "' is not one of debug, info, warning, error");
}

absl::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarning:
      return "warning";
    case Level::kError:
      return "error";
  }
  return "info";
}

void SetLevel(Level level) {
  g_level.store(static_cast<int>(level), std::memory_order_relaxed);
}

Level GetLevel() {
  return static_cast<Level>(g_level.load(std::memory_order_relaxed));
}

bool Enabled(Level level) {
  return static_cast<int>(level) >= g_level.load(std::memory_order_relaxed);
}

void SetOutput(std::ostream* out) {
  absl::MutexLock lock(&g_output_mu);
  g_output = out;
}

std::string FormatLine(absl::Time time, Level level, absl::string_view message,
                       const Fields& fields) {
  nlohmann::ordered_json line;
  line["time"] =
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone());
  line["level"] = std::string(LevelName(level));
  line["message"] = std::string(message);
  if (fields.is_object()) {
    line["fields"] = fields;
  } else if (fields.is_null()) {
    line["fields"] = nlohmann::json::object();
  } else {
    line["fields"] = nlohmann::json{{"value", fields}};
  }
  // Replace invalid UTF-8 rather than throw: a log line must never fail.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Write(Level level, absl::string_view message, const Fields& fields) {
  if (!Enabled(level)) return;
  std::string text = FormatLine(absl::Now(), level, message, fields);
  text.push_back('\n');
  absl::MutexLock lock(&g_output_mu);
  g_output->write(text.data(), static_cast<std::streamsize>(text.size()));
  g_output->flush();
}

}  // namespace govreport::logging
