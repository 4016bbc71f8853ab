// Replays every input in tests/data/fuzz-regressions/<FUZZ_TARGET>/ through
// the fuzz target's own entry point (LLVMFuzzerTestOneInput, compiled from
// fuzz/) in the ordinary build, under the suite's sanitizers. A crash, a
// sanitizer finding or a hang found by scripts/run_fuzzers.sh becomes a
// regression test by adding the input to that folder.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#ifndef FUZZ_TARGET
#error "FUZZ_TARGET (the fuzz target's name) must be defined by the build"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> RegressionInputs() {
  fs::path dir =
      fs::path(GOVREPORT_TEST_DATA) / "fuzz-regressions" / FUZZ_TARGET;
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != "README.md") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FuzzRegressions, EveryRecordedInputRunsCleanly) {
  std::vector<fs::path> inputs = RegressionInputs();
  ASSERT_FALSE(inputs.empty())
      << "no inputs in tests/data/fuzz-regressions/" << FUZZ_TARGET;
  for (const fs::path& path : inputs) {
    SCOPED_TRACE(path.filename().string());
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string input = bytes.str();
    EXPECT_EQ(LLVMFuzzerTestOneInput(
                  reinterpret_cast<const uint8_t*>(input.data()), input.size()),
              0);
  }
}

}  // namespace
