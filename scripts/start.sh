#!/usr/bin/env bash
# One command from a fresh clone to a running Recado:
#   bash scripts/start.sh          the desktop app (Electron)
#   bash scripts/start.sh --web    the same app in your browser (prints the address to open)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
npm ci
if [ "${1:-}" = "--web" ]; then
  shift
  npm run web -- "$@"
else
  npm start
fi
