#!/usr/bin/env bash
# Installs everything the kiosk and its tests need on a Debian/Ubuntu machine:
# the system packages (fonts, X libraries for Qt, Xvfb, poppler-utils, PostgreSQL for the
# multi-station tests, faketime for the tests at other hours), then the project and its
# Python dependencies in a virtual environment, .venv, at the project's root. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"

packages=(
  xvfb xauth poppler-utils fonts-noto-core espeak-ng cups cups-bsd cups-client printer-driver-cups-pdf
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
  libdbus-1-3 postgresql faketime
)
if ! "$PYTHON" -c "import ensurepip, venv" 2>/dev/null; then packages+=(python3-venv); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
echo "setup: ready (.venv/bin/kiosk)"
