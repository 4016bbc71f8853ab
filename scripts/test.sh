#!/usr/bin/env bash
# Installs what is missing, builds everything with AddressSanitizer +
# UndefinedBehaviorSanitizer, and runs the whole test suite: unit, golden,
# property, integration (real processes on loopback, a real PostgreSQL),
# deploy checks, then every libFuzzer target for a bounded time.
#
#   bash scripts/test.sh            # as root on a fresh machine
#   FUZZ_SECONDS=10 bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

BUILD=${GOVREPORT_TEST_BUILD:-build/test}
JOBS=${JOBS:-$(nproc)}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}

# ccache (when installed) reuses objects across clones of the repository.
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1

echo "== configure and build (ASan+UBSan) in $BUILD"
# -O1 -g1: sanitizer builds compile markedly faster than at -O2 -g and still
# give readable stack traces.
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DGOVREPORT_SANITIZE=ON -DGOVREPORT_BUILD_BENCH=OFF >/dev/null
ninja -C "$BUILD" -j "$JOBS"

echo "== tests"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Leaks inside third-party libraries we cannot fix (each explained there).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp}
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS" --timeout 900

if [[ -x scripts/run_fuzzers.sh && "$FUZZ_SECONDS" != 0 ]]; then
  echo "== fuzzing (${FUZZ_SECONDS}s per target)"
  bash scripts/run_fuzzers.sh "$FUZZ_SECONDS"
fi
echo "== all tests passed"
