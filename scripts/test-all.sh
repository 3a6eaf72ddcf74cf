#!/usr/bin/env bash
# npm test: the whole suite, the same locally and in CI. Every stage runs even when an earlier
# one fails, so one red stage never hides the state of the others; a summary of all of them
# ends the output and the exit status is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

declare -a names=() results=() seconds=()
failed=0

# run_stage <name> <command...>: runs one stage and records its result and duration.
run_stage() {
  local name="$1"; shift
  local started=$SECONDS
  echo
  echo "== $name"
  if "$@"; then
    results+=("passed")
  else
    results+=("FAILED")
    failed=1
  fi
  names+=("$name")
  seconds+=($((SECONDS - started)))
}

# not_run <name> <reason>: a stage that could not start counts as failed, with its reason.
not_run() {
  echo
  echo "== $1: not run ($2)"
  names+=("$1"); results+=("FAILED: $2"); seconds+=(0)
  failed=1
}

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "== installing Debian's chromium for the browser tests"
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

# A PostgreSQL server on the default local port runs the PostgreSQL tests too, so the suite runs
# whole without any setting; TEST_DATABASE_URL names another server.
if [ -z "${TEST_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
  export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/postgres"
  echo "== PostgreSQL tests on $TEST_DATABASE_URL"
fi
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "== no PostgreSQL on 127.0.0.1:5432 and TEST_DATABASE_URL is not set: the PostgreSQL integration tests will be skipped"
fi

run_stage "typecheck" npm run -s typecheck
run_stage "lint" npm run -s lint
run_stage "build" npm run -s build
build_ok=${results[${#results[@]}-1]}
run_stage "unit and integration tests" npx vitest run
if [ "$build_ok" != "passed" ]; then
  not_run "browser tests" "the build failed"
elif [ ! -x "$chromium" ]; then
  not_run "browser tests" "no Chromium at $chromium: sudo apt-get install -y chromium"
else
  run_stage "browser tests" npx playwright test
fi

echo
echo "== summary"
for i in "${!names[@]}"; do
  printf '  %-28s %-8s %4ss\n' "${names[$i]}" "${results[$i]}" "${seconds[$i]}"
done
if [ "$failed" -ne 0 ]; then
  echo "npm test: FAILED"
  exit 1
fi
echo "npm test: all stages passed"
