#!/usr/bin/env bash
# npm test: the whole suite, the same locally and in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium for the browser tests"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "Browser tests need Debian's chromium at /usr/bin/chromium: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "== TEST_DATABASE_URL is not set: the PostgreSQL integration tests will be skipped"
fi

echo "== typecheck"; npm run -s typecheck
echo "== lint"; npm run -s lint
echo "== build"; npm run -s build
echo "== unit and integration tests"; npx vitest run
echo "== browser tests"; npx playwright test
