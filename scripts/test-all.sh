#!/usr/bin/env bash
# `npm test`: every check CI runs, in order, ending with one line "N passed, N failed" that sums
# the unit, smoke and end-to-end tests. Exits non-zero if any step fails or no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results e2e-artifacts
rm -f test-results/unit.json test-results/smoke.json test-results/e2e-results.json

failures=()
run() {
  local name=$1
  shift
  echo
  echo "== ${name}"
  local started=$SECONDS
  if "$@"; then
    echo "-- ${name}: ok ($((SECONDS - started)) s)"
  else
    echo "-- ${name}: FAILED"
    failures+=("${name}")
  fi
}

run "type-check (shared, electron, renderer, tools)" npm run --silent typecheck
run "lint (runtime boundaries)" npx eslint .
run "migrations are current" node scripts/check-migrations.mjs
run "build renderer, main, preload, web host" npm run --silent build
if [[ " ${failures[*]} " == *" build "* ]]; then
  echo "Build failed: skipping the steps that need it."
else
  run "smoke: bundled main process under Node" npx vitest run --config vitest.smoke.config.mts \
    --reporter=default --reporter=json --outputFile.json=test-results/smoke.json
fi
run "unit tests" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
if [[ " ${failures[*]} " != *" build "* ]]; then
  run "end-to-end tests (Chromium against the web host)" npx playwright test
  run "package with electron-builder (dummy Electron)" node scripts/pack-check.mjs
fi

echo
if ((${#failures[@]} > 0)); then echo "Failed steps: ${failures[*]}"; fi
# The summary is the last line printed: CI reads "N passed, N failed" there.
node scripts/summarize-tests.mjs test-results/unit.json test-results/smoke.json test-results/e2e-results.json
summary=$?
if ((${#failures[@]} > 0)); then exit 1; fi
exit "${summary}"
