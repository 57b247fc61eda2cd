#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that a shared-mime-info XML file parses and declares the workspace
MIME type with its glob, its SQLite magic and its Dutch comment.

Usage: check-mime-xml.py MIME_XML [MIME_TYPE [GLOB]]
"""

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def fail(message):
    print(f"check-mime-xml: {message}", file=sys.stderr)
    sys.exit(1)


def main(argv):
    if len(argv) < 2:
        fail("usage: check-mime-xml.py MIME_XML [MIME_TYPE [GLOB]]")
    path = argv[1]
    mime_type = argv[2] if len(argv) > 2 else "application/x-paraat-workspace"
    glob = argv[3] if len(argv) > 3 else "*.paraat"

    try:
        root = ET.parse(path).getroot()
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror}")
    except ET.ParseError as e:
        fail(f"{path}: not well-formed XML: {e}")

    if root.tag != NS + "mime-info":
        fail(f"{path}: root element is {root.tag}, expected {NS}mime-info")

    types = [t for t in root.findall(NS + "mime-type") if t.get("type") == mime_type]
    if len(types) != 1:
        fail(f"{path}: expected exactly one mime-type {mime_type!r}, found {len(types)}")
    mt = types[0]

    globs = [g.get("pattern") for g in mt.findall(NS + "glob")]
    if glob not in globs:
        fail(f"{path}: {mime_type} has no glob {glob!r} (globs: {globs})")

    comments = {c.get(XML_LANG): (c.text or "").strip() for c in mt.findall(NS + "comment")}
    if not comments.get(None):
        fail(f"{path}: {mime_type} has no untranslated <comment>")
    if not comments.get("nl"):
        fail(f"{path}: {mime_type} has no Dutch (xml:lang=\"nl\") <comment>")

    parents = [s.get("type") for s in mt.findall(NS + "sub-class-of")]
    if "application/vnd.sqlite3" not in parents:
        fail(f"{path}: {mime_type} is not a sub-class-of application/vnd.sqlite3")

    # The SQLite header match must contain the application id match, so a
    # plain SQLite database is never taken for a workspace.
    ok = False
    for outer in mt.iter(NS + "match"):
        if outer.get("offset") == "0" and (outer.get("value") or "").startswith("SQLite format 3"):
            for inner in outer.findall(NS + "match"):
                if inner.get("offset") == "68":
                    ok = True
    if not ok:
        fail(f"{path}: {mime_type} has no nested magic for the SQLite header "
             "and the application id at offset 68")

    # update-mime-database is the real consumer; it reports bad magic or
    # glob syntax that a plain XML parse cannot see.
    umd = shutil.which("update-mime-database")
    if umd:
        with tempfile.TemporaryDirectory() as tmp:
            mime_dir = os.path.join(tmp, "mime")
            os.makedirs(os.path.join(mime_dir, "packages"))
            shutil.copy(path, os.path.join(mime_dir, "packages", "paraat.xml"))
            # XDG_DATA_HOME points at tmp only to silence the "not in the
            # search path" note; anything else on stderr is a real complaint.
            env = dict(os.environ, XDG_DATA_HOME=tmp)
            proc = subprocess.run([umd, mime_dir], capture_output=True,
                                  text=True, env=env)
            if proc.returncode != 0 or proc.stderr.strip():
                fail(f"{path}: update-mime-database rejected it:\n{proc.stderr}")
            with open(os.path.join(mime_dir, "globs2"), encoding="utf-8") as f:
                if f"{mime_type}:{glob}" not in f.read():
                    fail(f"{path}: update-mime-database did not register {glob}")
            with open(os.path.join(mime_dir, "magic"), "rb") as f:
                magic = f.read()
            if (f"[60:{mime_type}]".encode() not in magic
                    or b"SQLite format 3\0" not in magic or b"PRAT" not in magic):
                fail(f"{path}: update-mime-database did not register the magic")

    print(f"{path}: OK ({mime_type}, {glob})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
