#ifndef GOVREPORT_CLI_PROGRESS_H_
#define GOVREPORT_CLI_PROGRESS_H_

// Progress of a batch on stderr: a redrawn bar on a terminal (files done,
// files/s, ETA), plain lines at every tenth of the batch otherwise, so that
// logs and CI output stay readable.
//
// Thread-safe: Advance may be called from worker threads.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace govreport::cli {

class Progress {
 public:
  // `interactive`: redraw a bar in place (stderr is a terminal).
  Progress(size_t total, std::FILE* out, bool interactive);

  void Advance();
  // Prints the final state (a newline after the bar).
  void Finish();

  // "120/300 files  45.2 files/s  ETA 4s" for the given state.
  static std::string Describe(size_t done, size_t total, double seconds);

 private:
  void PrintLocked(bool final);

  const size_t total_;
  std::FILE* const out_;
  const bool interactive_;
  const std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  size_t done_ = 0;
  size_t last_decile_ = 0;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_PROGRESS_H_
