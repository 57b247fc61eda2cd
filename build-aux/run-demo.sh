#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a Debian 12 machine, builds Paraat and starts it on the demo workspace.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/setup.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

# Run from the build tree: settings schema and translations come from there.
export GSETTINGS_SCHEMA_DIR="$top/_build/resources"
export PARAAT_LOCALEDIR="$top/_build/po"
exec "$top/_build/src/app/paraat" --demo "$@"
