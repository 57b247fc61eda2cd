#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs everything Paraat needs to build, run and test on Debian 12.
# Works as root on a bare system (no sudo there) and as a user with sudo.
set -eu

PACKAGES="
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxml2-dev
  libcairo2-dev libpango1.0-dev poppler-utils
  desktop-file-utils appstream shared-mime-info python3
  xvfb xauth dbus dbus-x11 at-spi2-core
  fonts-cantarell fonts-dejavu-core adwaita-icon-theme hicolor-icon-theme
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "setup: all build and test dependencies are installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "setup: these packages are missing:$missing" >&2
  echo "setup: run this script as root, or install sudo, then try again." >&2
  exit 1
fi

echo "setup: installing$missing"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
