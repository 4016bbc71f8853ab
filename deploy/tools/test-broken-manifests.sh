#!/usr/bin/env bash
# Proves that check-manifests.sh fails on broken manifests, for the right
# reason. Each folder of CASES_DIR (default tests/deploy/broken) is a
# kustomization that breaks a real overlay in one way, with expect.txt: lines
# that must each appear in the check's output. A case passes when the check
# exits non-zero and prints every expected line.
#
#   deploy/tools/test-broken-manifests.sh [CASES_DIR]
set -uo pipefail
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cases=${1:-$(dirname "$(dirname "$tools")")/tests/deploy/broken}

"$tools/install.sh" || exit 1

passed=0 failed=0
for dir in "$cases"/*/; do
  name=$(basename "$dir")
  out=$("$tools/check-manifests.sh" "$dir" 2>&1)
  rc=$?
  missing=()
  while IFS= read -r want; do
    [[ -z $want ]] && continue
    grep -qF -- "$want" <<<"$out" || missing+=("$want")
  done <"$dir/expect.txt"
  if ((rc == 0)); then
    echo "FAIL $name: the check passed a broken manifest"
    failed=$((failed + 1))
  elif ((${#missing[@]})); then
    echo "FAIL $name: the check failed (exit $rc) but did not say:"
    printf '    %s\n' "${missing[@]}"
    echo "  its output was:"
    sed 's/^/    /' <<<"$out"
    failed=$((failed + 1))
  else
    echo "ok   $name: $(head -n1 "$dir/expect.txt")"
    passed=$((passed + 1))
  fi
done
if ((passed + failed == 0)); then
  echo "no cases in $cases"
  exit 1
fi
echo "$passed passed, $failed failed"
((failed == 0))
