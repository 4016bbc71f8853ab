#!/usr/bin/env bash
# Installs every Debian package govreport needs to build, test and run.
# Idempotent; run as root on Debian bookworm. The only set-up step on a fresh machine.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache clang libclang-rt-14-dev libfuzzer-14-dev
  # rpc and core libraries
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto libabsl-dev
  libicu-dev nlohmann-json3-dev prometheus-cpp-dev libssl-dev
  # storage
  libsqlite3-dev sqlite3 libpq-dev postgresql-15
  # document formats
  libgumbo-dev libpoppler-cpp-dev poppler-utils libpugixml-dev libzip-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev openssl curl python3 chromium fonts-wqy-microhei
  # deploy checks
  buildah kubectl nodejs
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing packages: ${missing[*]}; run this script as root" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: all ${#PACKAGES[@]} packages present"
