#!/usr/bin/env bash
# Builds the three images with deploy/build-images.sh and checks each one:
#   - its config runs as a numeric non-root user;
#   - `buildah run --isolation chroot` of the binary answers --version with
#     "<service> <project version>" and --help listing --port and every
#     GOVREPORT_* setting that its ConfigMap (deploy/k8s/base/<service>/config.env)
#     and Deployment give it, so that the binary understands its configuration;
#   - the binary starts in the image (gazetteer loaded, listening on loopback
#     ports) and answers on /metrics;
#   - it carries the gazetteer, file for file.
# Exits 77 (ctest SKIP) when the binaries are not built or buildah is absent.
#
#   deploy/tools/check-images.sh BIN_DIR
#   Environment: IMAGE_PREFIX, IMAGE_TAG as for build-images.sh;
#   REMOVE_IMAGES=1 removes the images once checked (the ctest does, with
#   IMAGE_TAG=ctest, so that it neither keeps nor replaces real images).
set -uo pipefail
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
deploy=$(dirname "$tools")
repo=$(dirname "$deploy")
bin_dir=${1:?usage: check-images.sh BIN_DIR}
services=(parser-svc validator-svc aggregator-svc)

missing=()
for svc in "${services[@]}"; do [[ -x $bin_dir/$svc ]] || missing+=("$svc"); done
if ((${#missing[@]})); then
  echo "SKIP: ${missing[*]} not built in $bin_dir; build them in that tree first:"
  echo "  ninja -C $(dirname "$bin_dir") parser-svc validator-svc aggregator-svc"
  exit 77
fi
if ! command -v buildah >/dev/null; then
  echo "SKIP: buildah is not installed (scripts/setup.sh installs it)"
  exit 77
fi

version=$(sed -nE 's/^project\(govreport VERSION ([0-9.]+).*/\1/p' "$repo/CMakeLists.txt")
export IMAGE_PREFIX=${IMAGE_PREFIX:-govreport/} IMAGE_TAG=${IMAGE_TAG:-$version}
"$deploy/build-images.sh" "$bin_dir" || { echo "FAIL: build-images.sh"; exit 1; }

# A free TCP port on 127.0.0.1.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    ss -Htln "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}

# Starts the image's binary on loopback ports and waits up to 60 s for its
# "serving" log line and its /metrics; stops it (SIGTERM to the process group
# this function started) and prints what it saw. Returns 0 when both came.
serves() {
  local svc=$1 ctr=$2 port mport log pid i ok=1 extra=()
  port=$(free_port) mport=$(free_port)
  [[ $svc == aggregator-svc ]] && extra=(--db=sqlite:///tmp/check-images.db)
  log=$(mktemp)
  setsid buildah run --isolation chroot "$ctr" -- "/usr/local/bin/$svc" --host=127.0.0.1 \
    --port="$port" --metrics_port="$mport" --shutdown_deadline_seconds=2 "${extra[@]}" \
    >"$log" 2>&1 &
  pid=$!
  for ((i = 0; i < 120; i++)); do
    if grep -q '"message":"serving"' "$log" &&
       curl -fsS "http://127.0.0.1:$mport/metrics" 2>/dev/null |
         grep -qF "govreport_build_info{program=\"$svc\",version=\"$version\"} 1"; then
      ok=0
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -TERM -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if ((ok != 0)); then sed 's/^/    /' "$log" | head -20; fi
  rm -f "$log"
  return "$ok"
}

passed=0 failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

for svc in "${services[@]}"; do
  image="localhost/$IMAGE_PREFIX$svc:$IMAGE_TAG"
  user=$(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "$image")
  if [[ $user =~ ^([0-9]+)(:[0-9]+)?$ && ${BASH_REMATCH[1]} != 0 ]]; then
    ok "$svc: runs as $user"
  else
    fail "$svc: image user is '$user', want a numeric non-root uid"
  fi

  ctr=$(buildah from "$image") || { fail "$svc: buildah from $image"; continue; }

  out=$(buildah run --isolation chroot "$ctr" -- "/usr/local/bin/$svc" --version 2>&1)
  rc=$?
  if ((rc == 0)) && grep -qF "$svc $version" <<<"$out"; then
    ok "$svc --version: $(head -n1 <<<"$out")"
  else
    fail "$svc --version: exit $rc, want \"$svc $version\"; output:"
    sed 's/^/    /' <<<"$out" | head -20
  fi

  out=$(buildah run --isolation chroot "$ctr" -- "/usr/local/bin/$svc" --help 2>&1)
  rc=$?
  want=(--port $(grep -oE '^GOVREPORT_[A-Z_]+' "$deploy/k8s/base/$svc/config.env"))
  [[ $svc == aggregator-svc ]] && want+=(GOVREPORT_DB)
  absent=()
  for w in "${want[@]}"; do grep -qF -- "$w" <<<"$out" || absent+=("$w"); done
  if ((rc == 0)) && ((${#absent[@]} == 0)); then
    ok "$svc --help: lists ${#want[@]} settings the manifests use"
  else
    fail "$svc --help: exit $rc; missing from the help: ${absent[*]:-none}; output:"
    sed 's/^/    /' <<<"$out" | head -40
  fi

  if serves "$svc" "$ctr"; then
    ok "$svc: starts in the image, logs \"serving\", exports govreport_build_info on /metrics"
  else
    fail "$svc: did not start serving in the image within 60 s; its output:"
  fi

  mnt=$(buildah mount "$ctr")
  if diff -r "$repo/data/gazetteer" "$mnt/usr/share/govreport/gazetteer" >/dev/null; then
    ok "$svc: /usr/share/govreport/gazetteer matches data/gazetteer"
  else
    fail "$svc: /usr/share/govreport/gazetteer differs from data/gazetteer"
  fi
  buildah umount "$ctr" >/dev/null
  buildah rm "$ctr" >/dev/null
done

if [[ ${REMOVE_IMAGES:-0} == 1 ]]; then
  for svc in "${services[@]}"; do buildah rmi "localhost/$IMAGE_PREFIX$svc:$IMAGE_TAG" >/dev/null; done
fi
echo "$passed passed, $failed failed"
((failed == 0))
