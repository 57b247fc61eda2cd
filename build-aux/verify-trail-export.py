#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Recompute the hash chain of a Paraat audit-trail CSV export, independently of Paraat.

Usage: verify-trail-export.py EXPORT.csv
Prints "OK: N entries, head hash H" (exit 0) or names the first broken entry (exit 1).
The algorithm is described in docs/audit-trail.md.
"""
import csv
import hashlib
import sys

GENESIS = "0" * 64


def unneutralise(cell):
    # The exporter prefixes one apostrophe to cells a spreadsheet would run as formulas.
    return cell[1:] if cell.startswith("'") else cell


def field(value):
    if value is None:
        return "-;"
    return "%d:%s;" % (len(value.encode("utf-8")), value)


def entry_hash(row, prev_hash):
    parts = ["paraat-trail-v1;", field(prev_hash), field(row["seq"]),
             field(row["timestamp_ms"]), field(row["actor_id"]), field(row["actor"]),
             field(row["object_type"]), field(row["object_id"]), field(row["object"]),
             field(row["action"]), field(row["details"]),
             field(row["reason"] if row["reason"] != "" else None)]
    canonical = "".join(parts)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def main(path):
    prev = GENESIS
    expected_seq = 1
    count = 0
    with open(path, newline="", encoding="utf-8") as handle:
        for raw in csv.DictReader(handle):
            row = {key: unneutralise(value) for key, value in raw.items()}
            seq = int(row["seq"])
            if seq != expected_seq:
                print("BROKEN at entry %d: entry missing, found %d" % (expected_seq, seq))
                return 1
            if row["prev_hash"] != prev:
                print("BROKEN at entry %d: does not follow the entry before it" % seq)
                return 1
            if entry_hash(row, prev) != row["hash"]:
                print("BROKEN at entry %d: content does not match its hash" % seq)
                return 1
            prev = row["hash"]
            expected_seq = seq + 1
            count += 1
    print("OK: %d entries, head hash %s" % (count, prev))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
