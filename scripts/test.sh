#!/usr/bin/env bash
# `npm test`: every test. Unit and integration tests (vitest), then the browser tests in Debian's Chromium
# against a production build (next build --webpack), which proves the settlement Web Worker is bundled.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests …"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

npx tsc --noEmit
npx vitest run
npx next build --webpack
npx vitest run --config vitest.e2e.config.ts
