#ifndef GOVREPORT_COMMON_SERVER_SERVER_CREDENTIALS_H_
#define GOVREPORT_COMMON_SERVER_SERVER_CREDENTIALS_H_

// The listening port's credentials from ServerConfig: plaintext when no
// tls_cert_file is set; TLS with the certificate chain and key; mutual TLS
// (client certificate required and verified against tls_client_ca_file) when
// that is set too. Errors name the flag and the file (common/net/pem_file.h).
//
//   ASSIGN_OR_RETURN(auto credentials, ServerCredentialsFor(config));
//
// Thread-safe: stateless.

#include <memory>

#include "absl/status/statusor.h"
#include "common/server/server_config.h"
#include "grpcpp/security/server_credentials.h"

namespace govreport::server {

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const ServerConfig& config);

}  // namespace govreport::server

#endif  // GOVREPORT_COMMON_SERVER_SERVER_CREDENTIALS_H_
