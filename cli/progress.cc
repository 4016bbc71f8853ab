#include "cli/progress.h"

#include "absl/strings/str_format.h"

namespace govreport::cli {

Progress::Progress(size_t total, std::FILE* out, bool interactive)
    : total_(total),
      out_(out),
      interactive_(interactive),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

std::string Progress::Describe(size_t done, size_t total, double seconds) {
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  const std::string eta =
      done >= total ? std::string("0s")
      : rate > 0
          ? absl::StrFormat("%.0fs", static_cast<double>(total - done) / rate)
          : std::string("-");
  return absl::StrFormat("%d/%d files  %.1f files/s  ETA %s", done, total, rate,
                         eta);
}

void Progress::Advance() {
  std::lock_guard<std::mutex> lock(mu_);
  ++done_;
  if (interactive_) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ >= std::chrono::milliseconds(100) || done_ == total_) {
      last_draw_ = now;
      PrintLocked(false);
    }
    return;
  }
  size_t decile = total_ == 0 ? 10 : done_ * 10 / total_;
  if (decile > last_decile_) {
    last_decile_ = decile;
    PrintLocked(false);
  }
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (interactive_) {
    PrintLocked(true);
  } else if (last_decile_ < 10) {
    PrintLocked(true);
  }
}

void Progress::PrintLocked(bool final) {
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
          .count();
  std::string text = Describe(done_, total_, seconds);
  if (interactive_) {
    constexpr int kWidth = 30;
    int filled =
        total_ == 0 ? kWidth : static_cast<int>(done_ * kWidth / total_);
    std::string bar(filled, '=');
    if (filled < kWidth) bar += '>';
    bar.resize(kWidth, ' ');
    std::fprintf(out_, "\r[%s] %s\033[K%s", bar.c_str(), text.c_str(),
                 final ? "\n" : "");
  } else {
    std::fprintf(out_, "progress: %s\n", text.c_str());
  }
  std::fflush(out_);
}

}  // namespace govreport::cli
