#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints "N passed, N failed[, N skipped]" from Meson's testlog.json.

A TAP test counts each of its subtests; another test counts once. Exits 1 when anything
failed or when no test ran at all.
"""
import json
import re
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def count_tap(stdout):
    passed = failed = skipped = 0
    for line in stdout.splitlines():
        match = re.match(r"(not ok|ok)\b(.*)", line)
        if not match:
            continue
        if "# SKIP" in match.group(2).upper():
            skipped += 1
        elif match.group(1) == "ok":
            passed += 1
        else:
            failed += 1
    return passed, failed, skipped


def main(path):
    passed = failed = skipped = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            test = json.loads(line)
            result = test.get("result")
            stdout = test.get("stdout") or ""
            is_tap = re.search(r"^1\.\.\d+", stdout, re.MULTILINE) is not None
            tap = count_tap(stdout) if is_tap else None
            if tap and sum(tap) > 0 and result in PASSED | {"FAIL", "ERROR"}:
                passed += tap[0]
                failed += tap[1] + (1 if result not in PASSED and tap[1] == 0 else 0)
                skipped += tap[2]
            elif result in PASSED:
                passed += 1
            elif result in SKIPPED:
                skipped += 1
            else:
                failed += 1
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
