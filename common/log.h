#ifndef GOVREPORT_COMMON_LOG_H_
#define GOVREPORT_COMMON_LOG_H_

// Structured logging: one JSON object per line on stdout, the shape that log
// collectors (Kubernetes, Loki, Cloud Logging) ingest without parsing rules:
//
//   {"time":"2026-11-22T00:43:39.123Z","level":"info","message":"serving",
//    "fields":{"port":50051,"service":"parser-svc"}}
//
//   logging::Info("serving", {{"port", 50051}, {"service", "parser-svc"}});
//
// `time` is UTC RFC 3339 with milliseconds; `level` is debug|info|warning|
// error; `fields` is always an object (empty when there are none).
//
// Policy: document text, file contents and secrets (tokens, keys) go only into
// Debug lines. Lines above debug carry names, sizes, codes and counts.
//
// Thread-safe: every function may be called concurrently; each line is
// written whole and flushed.

#include <ostream>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"

namespace govreport::logging {

enum class Level { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3 };

// Key/value pairs attached to a line; must be a JSON object (or null).
using Fields = nlohmann::json;

// "debug", "info", "warning" (also "warn"), "error"; case-insensitive.
absl::StatusOr<Level> ParseLevel(absl::string_view text);
absl::string_view LevelName(Level level);

// Lines below the threshold are dropped. The default is kInfo.
void SetLevel(Level level);
Level GetLevel();
bool Enabled(Level level);

// Where lines go; std::cout by default. The stream must outlive its use.
// Meant for tests.
void SetOutput(std::ostream* out);

// The JSON text of one line, without the trailing newline. Non-object
// `fields` are wrapped as {"value": fields}. Invalid UTF-8 in the message or
// fields is replaced, never thrown on.
std::string FormatLine(absl::Time time, Level level, absl::string_view message,
                       const Fields& fields);

// Writes one line if `level` is enabled.
void Write(Level level, absl::string_view message, const Fields& fields = {});

inline void Debug(absl::string_view message, const Fields& fields = {}) {
  Write(Level::kDebug, message, fields);
}
inline void Info(absl::string_view message, const Fields& fields = {}) {
  Write(Level::kInfo, message, fields);
}
inline void Warning(absl::string_view message, const Fields& fields = {}) {
  Write(Level::kWarning, message, fields);
}
inline void Error(absl::string_view message, const Fields& fields = {}) {
  Write(Level::kError, message, fields);
}

}  // namespace govreport::logging

#endif  // GOVREPORT_COMMON_LOG_H_
