// Runs the fuzz target (fuzz/validator/validator_fuzzer.cc) without
// libFuzzer: serialized sample-like reports, their random mutations and
// random bytes. A crash or sanitizer report fails the test.

#include <cstdint>
#include <random>
#include <string>

#include "gtest/gtest.h"
#include "tests/validator/report_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace govreport::validator {
namespace {

void RunTarget(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()),
                         bytes.size());
}

TEST(FuzzSmoke, MutatedReportsAndRandomBytesNeverCrash) {
  std::mt19937_64 rng(99);
  std::vector<std::string> seeds;
  for (const v1::Report& r :
       {testing::BalancedReport(), testing::ZeroReport()}) {
    seeds.push_back(std::string(1, '\0') + r.SerializeAsString());
    seeds.push_back(std::string(1, '\1') + r.text());
  }
  for (int i = 0; i < 600; ++i) {
    std::string bytes = seeds[rng() % seeds.size()];
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && bytes.size() > 1; ++e) {
      size_t at = 1 + rng() % (bytes.size() - 1);
      switch (rng() % 3) {
        case 0:
          bytes[at] = static_cast<char>(rng());
          break;
        case 1:
          bytes.erase(at, 1 + rng() % 16);
          break;
        default:
          bytes.insert(at,
                       std::string(1 + rng() % 4, static_cast<char>(rng())));
      }
    }
    RunTarget(bytes);
  }
  for (int i = 0; i < 200; ++i) {
    std::string bytes(rng() % 512, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    RunTarget(bytes);
  }
  RunTarget("");
  SUCCEED();
}

}  // namespace
}  // namespace govreport::validator
