#ifndef GOVREPORT_TESTS_AGGREGATOR_SERVICE_PROCESSES_H_
#define GOVREPORT_TESTS_AGGREGATOR_SERVICE_PROCESSES_H_

// The three real service binaries (GOVREPORT_BIN_DIR) as child processes on
// loopback ports, for end-to-end tests and benchmarks. Each logs to a file in
// the working folder; all are stopped (SIGTERM, then SIGKILL) on destruction.

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace govreport::testing {

class ServiceProcess {
 public:
  // Starts `binary` (a file name in GOVREPORT_BIN_DIR) with `args` and waits
  // until its gRPC port accepts connections.
  static absl::StatusOr<std::unique_ptr<ServiceProcess>> Start(
      const std::string& binary, int port, std::vector<std::string> args,
      const std::string& log_dir);
  ~ServiceProcess();

  std::string address() const;
  pid_t pid() const { return pid_; }
  // SIGKILL and reap (fault tests).
  void Kill();

 private:
  ServiceProcess() = default;
  pid_t pid_ = -1;
  int port_ = 0;
};

// A free TCP port on 127.0.0.1.
int FreeLoopbackPort();

struct ThreeServices {
  std::unique_ptr<ServiceProcess> parser;
  std::unique_ptr<ServiceProcess> validator;
  std::unique_ptr<ServiceProcess> aggregator;
};

// parser-svc, validator-svc and aggregator-svc (with --db=`dsn` and any
// `aggregator_args`), wired together on loopback.
absl::StatusOr<ThreeServices> StartThreeServices(
    const std::string& dsn, const std::string& log_dir,
    std::vector<std::string> aggregator_args = {});

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_AGGREGATOR_SERVICE_PROCESSES_H_
