#!/usr/bin/env bash
# Installs headless Chromium (Debian package) for the browser check of the statistics report, when it is missing.
# Run by .ci/run before the test command (the Maven build never installs anything: its test only says what is
# missing); needs root (or sudo) and the Debian package mirror.
set -euo pipefail
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then
    echo "Chromium présent : $(command -v "$c")"
    exit 0
  fi
done
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
  echo "Chromium absent et pas de droits root : installez le paquet Debian chromium (apt-get install chromium)." >&2
  exit 1
fi
echo "Installation de Chromium (paquet Debian chromium)…"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends chromium; then
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends chromium
fi
command -v chromium
