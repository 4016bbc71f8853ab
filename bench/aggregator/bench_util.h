#ifndef GOVREPORT_BENCH_AGGREGATOR_BENCH_UTIL_H_
#define GOVREPORT_BENCH_AGGREGATOR_BENCH_UTIL_H_

// Small helpers the aggregator benchmarks share.

#include <sys/types.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace govreport::bench {

// VmRSS / VmHWM of a process in KiB (0 when unreadable).
inline int64_t ProcStatusKib(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0)
      return std::stoll(line.substr(field.size() + 1));
  }
  return 0;
}

// The q-quantile (0..1) of `values` (sorted in place).
inline double Quantile(std::vector<double>& values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t i = static_cast<size_t>(q * (values.size() - 1) + 0.5);
  return values[std::min(i, values.size() - 1)];
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace govreport::bench

#endif  // GOVREPORT_BENCH_AGGREGATOR_BENCH_UTIL_H_
