#!/usr/bin/env bash
# Builds every libFuzzer target under fuzz/ with clang and runs each for the
# given number of seconds (default 60; two targets at a time, so the total is
# about SECONDS x targets / 2 plus the build), its corpus seeded from the
# data/samples files of the formats it reads and from its regression inputs
# (tests/data/fuzz-regressions/<target>/, replayed by ctest as
# fuzz_replay_<target>). Exits non-zero when a target does not build or a run
# finds a crash; the finding is left in BUILD_DIR/artifacts/<target>/: fix
# it and copy it into tests/data/fuzz-regressions/<target>/.
#
#   scripts/run_fuzzers.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${2:-$root/build-fuzz}
jobs=${FUZZ_BUILD_JOBS:-2}

export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1
CXX=clang++ CC=clang cmake -S "$root" -B "$build" -G Ninja -DGOVREPORT_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DGOVREPORT_BUILD_TESTS=OFF -DGOVREPORT_BUILD_BENCH=OFF >/dev/null
# Every executable a fuzz/*/CMakeLists.txt declares with govreport_fuzzer().
mapfile -t targets < <(grep -rhoE 'govreport_fuzzer\([A-Za-z0-9_]+' "$root"/fuzz/*/CMakeLists.txt |
  sed 's/govreport_fuzzer(//' | sort -u)
if ((${#targets[@]} == 0)); then
  echo "run_fuzzers: no fuzz targets under fuzz/" >&2
  exit 1
fi
ninja -C "$build" -j"$jobs" "${targets[@]}"

# The sample formats that seed each target (the expected outputs never do).
seed_patterns() {
  case $1 in
    pdf_*) echo '*.pdf' ;;
    docx_*) echo '*.docx' ;;
    html_*) echo '*.html *.htm' ;;
    text_*) echo '*.txt *.md' ;;
    validator_*) echo '*.txt *.md' ;;
    *) echo '*' ;;
  esac
}

# Longest input per target: the sample PDFs are up to 400 KB.
max_len() {
  case $1 in
    pdf_*) echo 524288 ;;
    *) echo 262144 ;;
  esac
}

# Runs one target; returns non-zero on a finding.
run_one() {
  local t=$1 corpus="$build/corpus/$1" pattern
  mkdir -p "$corpus" "$build/artifacts/$t"
  for pattern in $(seed_patterns "$t"); do
    find "$root/data/samples" -type f -name "$pattern" ! -name '*.json' -size -1M \
      -exec cp -n {} "$corpus/" \;
  done
  if [[ -d "$root/tests/data/fuzz-regressions/$t" ]]; then
    find "$root/tests/data/fuzz-regressions/$t" -type f ! -name README.md \
      -exec cp -n {} "$corpus/" \;
  fi
  # -timeout flags a hang, not a slow input on a loaded CI machine (a
  # 200 KB page takes ~1 s under ASan when idle, over 10 s at load 10).
  if ! "$build/bin/$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
      -max_len="$(max_len "$t")" -artifact_prefix="$build/artifacts/$t/" "$corpus" \
      >"$build/$t.log" 2>&1; then
    echo "run_fuzzers: $t FAILED; see $build/$t.log and $build/artifacts/$t/" >&2
    tail -40 "$build/$t.log" >&2
    return 1
  fi
  echo "run_fuzzers: $t ran ${seconds}s without a finding: $(grep -E '^Done|#[0-9]+ *DONE' "$build/$t.log" | tail -1)"
}

# Two targets at a time (the machine has two cores).
parallel=${FUZZ_PARALLEL:-2}
status=0
pids=()
for t in "${targets[@]}"; do
  echo "run_fuzzers: $t for ${seconds}s"
  run_one "$t" &
  pids+=($!)
  if ((${#pids[@]} >= parallel)); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
