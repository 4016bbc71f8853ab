#!/usr/bin/env bash
# Installs what is missing, builds the govreport CLI, and runs the main job:
# `govreport analyze` on the bundled sample reports (data/samples), embedded
# (no servers), stored in SQLite. Prints the summary and where report.html is.
#
#   bash scripts/main_job.sh            # as root on a fresh machine
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

BUILD=${GOVREPORT_BUILD:-build/release}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DGOVREPORT_BUILD_TESTS=OFF -DGOVREPORT_BUILD_BENCH=OFF >/dev/null
ninja -C "$BUILD" -j "$(nproc)" govreport parser-svc validator-svc aggregator-svc

OUT=${GOVREPORT_OUT:-out/samples}
rm -f "$OUT/govreport.db"
"$BUILD/bin/govreport" analyze data/samples --out "$OUT" --db "sqlite://$PWD/$OUT/govreport.db"
