#!/usr/bin/env bash
# Proves that check-manifests.sh fails on broken manifests, for the right
# reason. Each folder of CASES_DIR (default tests/deploy/broken) is a
# kustomization that breaks a real overlay in one way, with expect.txt: lines
# that must each appear in the check's output. A case passes when the check
# exits non-zero and prints every expected line. Cases run JOBS (default 2)
# at a time.
#
#   deploy/tools/test-broken-manifests.sh [CASES_DIR]
set -uo pipefail
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cases=${1:-$(dirname "$(dirname "$tools")")/tests/deploy/broken}
jobs=${JOBS:-2}

"$tools/install.sh" || exit 1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs one case; its verdict goes to $work/<case>.verdict.
run_case() {
  local dir=${1%/} name out rc want missing=()
  name=$(basename "$dir")
  out=$("$tools/check-manifests.sh" "$dir" 2>&1)
  rc=$?
  while IFS= read -r want; do
    [[ -z $want ]] && continue
    grep -qF -- "$want" <<<"$out" || missing+=("$want")
  done <"$dir/expect.txt"
  {
    if ((rc == 0)); then
      echo "FAIL $name: the check passed a broken manifest"
    elif ((${#missing[@]})); then
      echo "FAIL $name: the check failed (exit $rc) but did not say:"
      printf '    %s\n' "${missing[@]}"
      echo "  its output was:"
      sed 's/^/    /' <<<"$out"
    else
      echo "ok   $name: $(head -n1 "$dir/expect.txt")"
    fi
  } >"$work/$name.verdict"
}

names=()
running=0
for dir in "$cases"/*/; do
  [[ -f $dir/expect.txt ]] || { echo "FAIL $(basename "$dir"): no expect.txt"; exit 1; }
  names+=("$(basename "$dir")")
  run_case "$dir" &
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n
    running=$((running - 1))
  fi
done
wait

if ((${#names[@]} == 0)); then
  echo "no cases in $cases"
  exit 1
fi
passed=0 failed=0
for name in "${names[@]}"; do
  cat "$work/$name.verdict"
  if grep -q '^ok ' "$work/$name.verdict"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
((failed == 0))
