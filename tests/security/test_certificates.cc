#include "tests/security/test_certificates.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tests/integration/process.h"

namespace govreport::testing {
namespace {

absl::Status Openssl(const std::vector<std::string>& args) {
  RunResult result =
      RunToCompletion("/usr/bin/openssl", args, {}, absl::Seconds(60));
  if (result.exit_code != 0) {
    return absl::InternalError(absl::StrCat(
        "openssl ", absl::StrJoin(args, " "), " failed: ", result.err));
  }
  return absl::OkStatus();
}

absl::Status MakeCa(const std::string& dir, const std::string& name) {
  return Openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt",
                  "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                  absl::StrCat(dir, "/", name, ".key"), "-out",
                  absl::StrCat(dir, "/", name, ".pem"), "-days", "2", "-subj",
                  absl::StrCat("/CN=", name)});
}

absl::StatusOr<CertAndKey> MakeLeaf(const std::string& dir,
                                    const std::string& file,
                                    const std::string& common_name,
                                    const std::string& san,
                                    const std::string& ca) {
  CertAndKey out{absl::StrCat(dir, "/", file, ".pem"),
                 absl::StrCat(dir, "/", file, ".key")};
  const std::string csr = absl::StrCat(dir, "/", file, ".csr");
  const std::string ext = absl::StrCat(dir, "/", file, ".ext");
  std::ofstream(ext) << "subjectAltName=" << san << "\n";
  if (absl::Status s =
          Openssl({"req", "-newkey", "ec", "-pkeyopt",
                   "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", out.key,
                   "-out", csr, "-subj", absl::StrCat("/CN=", common_name)});
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          Openssl({"x509", "-req", "-in", csr, "-CA",
                   absl::StrCat(dir, "/", ca, ".pem"), "-CAkey",
                   absl::StrCat(dir, "/", ca, ".key"), "-CAcreateserial",
                   "-out", out.cert, "-days", "2", "-extfile", ext});
      !s.ok()) {
    return s;
  }
  return out;
}

}  // namespace

absl::StatusOr<TestPki> MakeTestPki(const std::string& dir) {
  TestPki pki;
  if (absl::Status s = MakeCa(dir, "ca"); !s.ok()) return s;
  if (absl::Status s = MakeCa(dir, "other-ca"); !s.ok()) return s;
  pki.ca = dir + "/ca.pem";
  pki.other_ca = dir + "/other-ca.pem";
  auto server =
      MakeLeaf(dir, "server", "localhost", "DNS:localhost,IP:127.0.0.1", "ca");
  if (!server.ok()) return server.status();
  pki.server = *server;
  auto aggregator =
      MakeLeaf(dir, "aggregator", "aggregator", "DNS:aggregator", "ca");
  if (!aggregator.ok()) return aggregator.status();
  pki.aggregator = *aggregator;
  auto intruder = MakeLeaf(dir, "intruder", "intruder", "DNS:intruder", "ca");
  if (!intruder.ok()) return intruder.status();
  pki.intruder = *intruder;
  auto rogue =
      MakeLeaf(dir, "rogue", "aggregator", "DNS:aggregator", "other-ca");
  if (!rogue.ok()) return rogue.status();
  pki.rogue = *rogue;
  return pki;
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace govreport::testing
