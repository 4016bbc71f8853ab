#ifndef GOVREPORT_CLI_CLIENT_OPTIONS_H_
#define GOVREPORT_CLI_CLIENT_OPTIONS_H_

// The options the client subcommands (ingest, stats) share to reach a
// secured aggregator-svc:
//
//   --tls-ca FILE           PEM CA of the server's certificate (turns on TLS)
//   --tls-cert FILE         client certificate for mutual TLS
//   --tls-key FILE          its key
//   --tls-server-name NAME  name expected in the server's certificate
//   --token TOKEN           bearer token (default: $GOVREPORT_TOKEN)
//
//   std::vector<OptionSpec> specs = {...};
//   AppendClientOptions(&specs);
//   ... ParseArgs ...
//   absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
//       ClientChannel(*args, channel_args);
//
// None given: a plaintext channel without a token, as before.

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/args.h"
#include "grpcpp/channel.h"
#include "grpcpp/support/channel_arguments.h"

namespace govreport::cli {

void AppendClientOptions(std::vector<OptionSpec>* specs);

// A channel to --server with the options above; errors name the option and
// the file.
absl::StatusOr<std::shared_ptr<grpc::Channel>> ClientChannel(
    const ParsedArgs& args, grpc::ChannelArguments channel_args);

}  // namespace govreport::cli

#endif  // GOVREPORT_CLI_CLIENT_OPTIONS_H_
