#!/usr/bin/env bash
# The CI check of the Kubernetes manifests, for each kustomization directory
# given (default: every overlay in deploy/k8s/overlays):
#   1. `kubectl kustomize` builds it;
#   2. every object validates against the Kubernetes schemas (validate-schemas.mjs);
#   3. the project lint passes (lint.mjs).
# Exit 0 when every directory passes all three, 1 otherwise.
#
#   deploy/tools/check-manifests.sh [kustomization-dir ...]
set -uo pipefail
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
deploy=$(dirname "$tools")

command -v kubectl >/dev/null || { echo "check-manifests: kubectl is not installed" >&2; exit 1; }
"$tools/install.sh" || exit 1

dirs=("$@")
if ((${#dirs[@]} == 0)); then
  dirs=("$deploy"/k8s/overlays/*/)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
for dir in "${dirs[@]}"; do
  dir=${dir%/}
  name=$(basename "$dir")
  out="$work/$name.yaml"
  echo "== $dir"
  if ! kubectl kustomize "$dir" >"$out" 2>"$work/$name.err"; then
    echo "kustomize: FAILED"
    sed 's/^/  /' "$work/$name.err"
    failed=1
    continue
  fi
  echo "kustomize: ok ($(grep -c '^kind:' "$out") objects)"
  # Problems name "<name>.yaml#<document>": the rendered output, document by document.
  (cd "$work" && node "$tools/validate-schemas.mjs" "$name.yaml") || failed=1
  (cd "$work" && node "$tools/lint.mjs" "$name.yaml") || failed=1
done
if ((failed)); then
  echo "check-manifests: FAILED"
else
  echo "check-manifests: all ${#dirs[@]} kustomizations pass"
fi
exit "$failed"
