#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a Debian 12 machine, builds Paraat and runs the whole test suite under Xvfb,
# then prints "N passed, N failed" from Meson's test log.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/setup.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

status=0
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C _build --print-errorlogs --num-processes 2 || status=$?

python3 build-aux/test-summary.py _build/meson-logs/testlog.json || status=1
exit $status
