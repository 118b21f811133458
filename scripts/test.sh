#!/usr/bin/env bash
# `npm test`: every test. Unit and integration tests (vitest), then the browser tests in Debian's Chromium
# against a production build (next build --webpack), which proves the settlement Web Worker is bundled.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the browser tests need from Debian, installed when missing (a fresh machine has neither): Chromium, and
# poppler-utils (pdftoppm, pdftotext, pdffonts) to read back the printed report and notice. The pages carry the
# app's own CJK font, so the tests see the same glyphs and row heights on every machine; the notice's tests also
# open its DOCX and XLSX in LibreOffice headless (libreoffice-calc, libreoffice-writer), which needs a CJK font of
# the system's (fonts-noto-cjk) — these three without their recommended packages.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
lean=()
for package in fonts-noto-cjk libreoffice-calc libreoffice-writer; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || lean+=("$package")
done
if [ ${#missing[@]} -gt 0 ] || [ ${#lean[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} ${lean[*]} for the browser tests …"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  [ ${#missing[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  [ ${#lean[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
fi

npx tsc --noEmit
npx vitest run
npx next build --webpack
npx vitest run --config vitest.e2e.config.ts
