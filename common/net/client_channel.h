#ifndef GOVREPORT_COMMON_NET_CLIENT_CHANNEL_H_
#define GOVREPORT_COMMON_NET_CLIENT_CHANNEL_H_

// Client channels to govreport services, plaintext or TLS / mutual TLS with
// certificates and keys read from files, optionally carrying a bearer token
// ("authorization: Bearer <token>" on every call). Used by aggregator-svc
// for its upstreams and by the CLI's client commands.
//
//   ClientSecurity security{.ca_file = "ca.pem", .cert_file = "client.pem",
//                           .key_file = "client.key", .bearer_token = token};
//   ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel,
//                    NewClientChannel("parser:50051", security, args));
//
// TLS is on when ca_file or cert_file is set: the server's certificate must
// chain to ca_file (the system roots when empty) and name the target's host
// (or server_name). cert_file and key_file (both or neither) are presented
// for mTLS. Nothing set: plaintext, as before. A token over plaintext is
// allowed (loopback, a mesh that encrypts) but goes in clear.
//
// Errors name the flag and the file (pem_file.h). Thread-safe: stateless.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace govreport::net {

struct ClientSecurity {
  std::string ca_file;
  std::string cert_file;
  std::string key_file;
  // The name the server's certificate must carry, when not the target's host.
  std::string server_name;
  std::string bearer_token;
  // The flags these came from, for error messages.
  std::string ca_flag = "--tls-ca";
  std::string cert_flag = "--tls-cert";
  std::string key_flag = "--tls-key";

  bool tls() const { return !ca_file.empty() || !cert_file.empty(); }
};

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> ChannelCredentialsFor(
    const ClientSecurity& security);

// A channel to `target` with ChannelCredentialsFor(security), `args`, and
// the bearer token when one is given. Connects lazily.
absl::StatusOr<std::shared_ptr<grpc::Channel>> NewClientChannel(
    const std::string& target, const ClientSecurity& security,
    grpc::ChannelArguments args);

}  // namespace govreport::net

#endif  // GOVREPORT_COMMON_NET_CLIENT_CHANNEL_H_
