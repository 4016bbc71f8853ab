#!/usr/bin/env bash
# Installs deploy/tools' npm packages (kubernetes-models, yaml) exactly as
# package-lock.json pins them, with `npm ci`. Idempotent and quick: does
# nothing when node_modules was installed from the same lock file. Safe to
# run from parallel tests (one install at a time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

command -v node >/dev/null && command -v npm >/dev/null || {
  echo "install: node and npm are needed (Debian: apt-get install nodejs npm)" >&2
  exit 1
}

stamp=node_modules/.govreport-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)

exec 9>.install.lock
flock 9
if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
  exit 0
fi
echo "install: npm ci in deploy/tools" >&2
npm ci --no-audit --no-fund --loglevel=error >&2
echo "$want" >"$stamp"
