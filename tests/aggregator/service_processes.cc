#include "tests/aggregator/service_processes.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace govreport::testing {

int FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

absl::StatusOr<std::unique_ptr<ServiceProcess>> ServiceProcess::Start(
    const std::string& binary, int port, std::vector<std::string> args,
    const std::string& log_dir) {
  const std::string path = absl::StrCat(GOVREPORT_BIN_DIR, "/", binary);
  if (access(path.c_str(), X_OK) != 0) {
    return absl::FailedPreconditionError(absl::StrCat(path, " is not built"));
  }
  args.insert(args.begin(), {path, absl::StrCat("--port=", port),
                             "--host=127.0.0.1", "--metrics_port=0"});
  const std::string log = absl::StrCat(log_dir, "/", binary, ".log");
  std::unique_ptr<ServiceProcess> p(new ServiceProcess());
  p->port_ = port;
  p->pid_ = fork();
  if (p->pid_ == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(path.c_str(), argv.data());
    _exit(127);
  }
  auto channel =
      grpc::CreateChannel(p->address(), grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                 std::chrono::seconds(60))) {
    return absl::UnavailableError(absl::StrCat(
        binary, " did not start listening on ", p->address(), "; see ", log));
  }
  return p;
}

std::string ServiceProcess::address() const {
  return absl::StrCat("127.0.0.1:", port_);
}

void ServiceProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

ServiceProcess::~ServiceProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  for (int i = 0; i < 100; ++i) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  Kill();
}

absl::StatusOr<ThreeServices> StartThreeServices(
    const std::string& dsn, const std::string& log_dir,
    std::vector<std::string> aggregator_args) {
  ThreeServices s;
  absl::StatusOr<std::unique_ptr<ServiceProcess>> parser =
      ServiceProcess::Start("parser-svc", FreeLoopbackPort(), {}, log_dir);
  if (!parser.ok()) return parser.status();
  s.parser = *std::move(parser);
  absl::StatusOr<std::unique_ptr<ServiceProcess>> validator =
      ServiceProcess::Start("validator-svc", FreeLoopbackPort(), {}, log_dir);
  if (!validator.ok()) return validator.status();
  s.validator = *std::move(validator);
  aggregator_args.push_back("--db=" + dsn);
  aggregator_args.push_back("--parser_address=" + s.parser->address());
  aggregator_args.push_back("--validator_address=" + s.validator->address());
  absl::StatusOr<std::unique_ptr<ServiceProcess>> aggregator =
      ServiceProcess::Start("aggregator-svc", FreeLoopbackPort(),
                            std::move(aggregator_args), log_dir);
  if (!aggregator.ok()) return aggregator.status();
  s.aggregator = *std::move(aggregator);
  return s;
}

}  // namespace govreport::testing
