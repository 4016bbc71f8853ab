#!/usr/bin/env bash
# Builds every libFuzzer target under fuzz/ with clang and runs each for the
# given number of seconds (default 60), its corpus seeded from data/samples.
# Exits non-zero when a target does not build or a run finds a crash.
#
#   scripts/run_fuzzers.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${2:-$root/build-fuzz}
jobs=${FUZZ_BUILD_JOBS:-2}

CXX=clang++ CC=clang cmake -S "$root" -B "$build" -G Ninja -DGOVREPORT_FUZZ=ON \
  -DGOVREPORT_BUILD_TESTS=OFF -DGOVREPORT_BUILD_BENCH=OFF >/dev/null
# Every executable a fuzz/*/CMakeLists.txt declares with govreport_fuzzer().
mapfile -t targets < <(grep -rhoE 'govreport_fuzzer\([A-Za-z0-9_]+' "$root"/fuzz/*/CMakeLists.txt |
  sed 's/govreport_fuzzer(//' | sort -u)
if ((${#targets[@]} == 0)); then
  echo "run_fuzzers: no fuzz targets under fuzz/" >&2
  exit 1
fi
ninja -C "$build" -j"$jobs" "${targets[@]}"

status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus" "$build/artifacts/$t"
  # Seeds: every sample document (not the expected outputs).
  find "$root/data/samples" -type f ! -name '*.json' ! -name '*.md.txt' -size -1M \
    -exec cp -n {} "$corpus/" \;
  echo "run_fuzzers: $t for ${seconds}s"
  if ! "$build/bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=262144 -artifact_prefix="$build/artifacts/$t/" "$corpus" \
      >"$build/$t.log" 2>&1; then
    echo "run_fuzzers: $t FAILED; see $build/$t.log and $build/artifacts/$t/" >&2
    tail -40 "$build/$t.log" >&2
    status=1
  else
    tail -3 "$build/$t.log"
  fi
done
exit $status
