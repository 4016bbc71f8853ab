#include "cli/client_options.h"

#include <cstdlib>
#include <string>
#include <utility>

#include "common/net/client_channel.h"

namespace govreport::cli {

void AppendClientOptions(std::vector<OptionSpec>* specs) {
  specs->push_back({"tls-ca", "FILE", "",
                    "PEM CA of the server's certificate; turns on TLS"});
  specs->push_back(
      {"tls-cert", "FILE", "", "PEM client certificate (mutual TLS)"});
  specs->push_back({"tls-key", "FILE", "", "PEM key of --tls-cert"});
  specs->push_back({"tls-server-name", "NAME", "",
                    "name expected in the server's certificate, when not "
                    "the host of --server"});
  // The environment's token is read when the channel is made, never shown
  // as a default in --help.
  specs->push_back({"token", "TOKEN", "",
                    "bearer token sent with every call (default: "
                    "$GOVREPORT_TOKEN)"});
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> ClientChannel(
    const ParsedArgs& args, grpc::ChannelArguments channel_args) {
  net::ClientSecurity security;
  security.ca_file = args.Get("tls-ca");
  security.cert_file = args.Get("tls-cert");
  security.key_file = args.Get("tls-key");
  security.server_name = args.Get("tls-server-name");
  security.bearer_token = args.Get("token");
  if (const char* env_token = std::getenv("GOVREPORT_TOKEN");
      security.bearer_token.empty() && env_token != nullptr) {
    security.bearer_token = env_token;
  }
  return net::NewClientChannel(args.Get("server"), security,
                               std::move(channel_args));
}

}  // namespace govreport::cli
