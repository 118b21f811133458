#!/usr/bin/env bash
# `npm test`: every test. Unit and integration tests (vitest), then the browser tests in Debian's Chromium
# against a production build (next build --webpack), which proves the settlement Web Worker is bundled.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the browser tests need from Debian, installed when missing (a fresh machine has neither): Chromium, and
# poppler-utils (pdftoppm, pdftotext) to read back the printed report. Fonts are not among them: the app ships its
# own CJK font, so the tests see the same glyphs and row heights on every machine.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the browser tests …"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npx tsc --noEmit
npx vitest run
npx next build --webpack
npx vitest run --config vitest.e2e.config.ts
