#include "common/server/server_credentials.h"

#include <string>
#include <utility>

#include "common/net/pem_file.h"
#include "common/status_macros.h"

namespace govreport::server {

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const ServerConfig& config) {
  if (config.tls_cert_file.empty()) {
    if (!config.tls_key_file.empty() || !config.tls_client_ca_file.empty()) {
      return absl::InvalidArgumentError(
          "--tls_key_file and --tls_client_ca_file need --tls_cert_file");
    }
    return grpc::InsecureServerCredentials();
  }
  if (config.tls_key_file.empty()) {
    return absl::InvalidArgumentError(
        "--tls_cert_file needs --tls_key_file (the certificate's private key)");
  }
  ASSIGN_OR_RETURN(std::string cert,
                   net::ReadPemFile(config.tls_cert_file, "--tls_cert_file"));
  ASSIGN_OR_RETURN(std::string key,
                   net::ReadPemFile(config.tls_key_file, "--tls_key_file"));

  grpc::SslServerCredentialsOptions options(
      GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  options.pem_key_cert_pairs.push_back({std::move(key), std::move(cert)});
  if (!config.tls_client_ca_file.empty()) {
    ASSIGN_OR_RETURN(
        options.pem_root_certs,
        net::ReadPemFile(config.tls_client_ca_file, "--tls_client_ca_file"));
    options.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(options);
}

}  // namespace govreport::server
