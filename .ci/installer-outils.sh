#!/usr/bin/env bash
# Installs the machine's tools the build and the tests drive, from Debian packages, when missing: headless Chromium
# (browser check of the statistics report, Playwright tests of the web pages), node and npm (front-end packages), curl, jq and pdftotext (the replay of the manual's shell sessions, ManuelIT).
# Run by .ci/run before the test command (the Maven build never installs anything: its tests only say what is
# missing); needs root (or sudo) and the Debian package mirror.
set -euo pipefail
paquets=()
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
    && ! command -v google-chrome >/dev/null 2>&1; then
  paquets+=(chromium)
fi
command -v curl >/dev/null 2>&1 || paquets+=(curl)
# node and npm: the front-end packages of the web pages and the browser tests (Playwright), from the npm registry
command -v npm >/dev/null 2>&1 || paquets+=(nodejs npm)
command -v jq >/dev/null 2>&1 || paquets+=(jq)
command -v pdftotext >/dev/null 2>&1 || paquets+=(poppler-utils)
if [ ${#paquets[@]} -eq 0 ]; then
  echo "Outils des tests présents : chromium, node, npm, curl, jq, pdftotext"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
  echo "Paquets absents et pas de droits root : installez ${paquets[*]} (apt-get install ${paquets[*]})." >&2
  exit 1
fi
echo "Installation des paquets Debian : ${paquets[*]}…"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends "${paquets[@]}"; then
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${paquets[@]}"
fi
