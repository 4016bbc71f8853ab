#ifndef GOVREPORT_TESTS_INTEGRATION_PROCESS_H_
#define GOVREPORT_TESTS_INTEGRATION_PROCESS_H_

// Test helpers for running the real service binaries: a child process with
// its stdout/stderr captured to files, a free loopback port, and an HTTP GET.

#include <sys/types.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace govreport::testing {

class ChildProcess {
 public:
  // Starts `binary` with `args`. The child's environment is this process's
  // minus every GOVREPORT_* variable, plus `env`.
  static absl::StatusOr<std::unique_ptr<ChildProcess>> Start(
      const std::string& binary, const std::vector<std::string>& args,
      const std::map<std::string, std::string>& env = {});

  // Kills (SIGKILL) and reaps the child if it still runs; removes the files.
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  void Signal(int signal) const;

  // Waits at most `limit` for the child to exit; its exit code, or -signal
  // when a signal killed it; nullopt while it still runs.
  std::optional<int> WaitForExit(absl::Duration limit);

  std::string Stdout() const;
  std::string Stderr() const;

  // Waits at most `limit` for a stdout line containing `needle`; returns the
  // line. Stops early (nullopt) if the child exits.
  std::optional<std::string> WaitForStdoutLine(const std::string& needle,
                                               absl::Duration limit);

 private:
  ChildProcess() = default;
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  std::string stdout_path_;
  std::string stderr_path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `binary` to completion (killing it after `limit`).
RunResult RunToCompletion(const std::string& binary,
                          const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env = {},
                          absl::Duration limit = absl::Seconds(60));

// A TCP port on 127.0.0.1 that was free a moment ago.
int FreeLoopbackPort();

// GET http://127.0.0.1:<port><path>; the raw response (status line, headers,
// body), or an error when nothing answers.
absl::StatusOr<std::string> HttpGet(int port, const std::string& path);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_INTEGRATION_PROCESS_H_
