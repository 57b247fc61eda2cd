#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that a Flatpak manifest is valid JSON, names the expected app id and
builds a module with the meson build system.

Usage: check-flatpak-manifest.py MANIFEST APP_ID
"""

import json
import sys


def fail(message):
    print(f"check-flatpak-manifest: {message}", file=sys.stderr)
    sys.exit(1)


def main(argv):
    if len(argv) != 3:
        fail("usage: check-flatpak-manifest.py MANIFEST APP_ID")
    path, app_id = argv[1], argv[2]

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror}")
    except json.JSONDecodeError as e:
        fail(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}")

    if not isinstance(manifest, dict):
        fail(f"{path}: the top level must be a JSON object")

    found_id = manifest.get("app-id", manifest.get("id"))
    if found_id != app_id:
        fail(f"{path}: app-id is {found_id!r}, expected {app_id!r}")

    for key in ("runtime", "sdk", "command"):
        if not manifest.get(key):
            fail(f"{path}: missing \"{key}\"")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg.startswith("--filesystem=home") or arg.startswith("--filesystem=host"):
            fail(f"{path}: {arg} is not allowed; files come through portals")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        fail(f"{path}: no \"modules\" list")
    meson_modules = [m for m in modules
                     if isinstance(m, dict) and m.get("buildsystem") == "meson"]
    if not meson_modules:
        fail(f"{path}: no module with \"buildsystem\": \"meson\"")

    print(f"{path}: OK ({app_id}, {len(modules)} module(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
