#ifndef GOVREPORT_TESTS_SECURITY_TEST_CERTIFICATES_H_
#define GOVREPORT_TESTS_SECURITY_TEST_CERTIFICATES_H_

// A throwaway PKI made with the openssl CLI in a temporary folder, for TLS
// tests: a CA, a server certificate for localhost / 127.0.0.1, client
// certificates from that CA, and a rogue CA with a client certificate of its
// own (same CN as a trusted one). EC P-256 keys: quick to make.
//
//   absl::StatusOr<TestPki> pki = MakeTestPki(dir);
//   server args: --tls_cert_file=pki->server.cert --tls_key_file=...
//
// Not thread-safe (runs processes); call once per test.

#include <string>

#include "absl/status/statusor.h"

namespace govreport::testing {

struct CertAndKey {
  std::string cert;  // PEM file paths.
  std::string key;
};

struct TestPki {
  std::string ca;         // The CA certificate (PEM path).
  std::string other_ca;   // An unrelated CA, also the rogue CA.
  CertAndKey server;      // CN=localhost, SAN DNS:localhost, IP:127.0.0.1.
  CertAndKey aggregator;  // CN=aggregator, from `ca`.
  CertAndKey intruder;    // CN=intruder, from `ca`, listed nowhere.
  CertAndKey rogue;       // CN=aggregator, from `other_ca`.
};

absl::StatusOr<TestPki> MakeTestPki(const std::string& dir);

// The contents of a file ("" when unreadable).
std::string ReadFileOrEmpty(const std::string& path);

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_SECURITY_TEST_CERTIFICATES_H_
