#!/usr/bin/env python3
"""Builds data/esco/ (the ESCO copy shipped with techdiv) from the official
ESCO v1.1.1 CSV export: keeps the columns the product uses, gzip -9 with a
zero timestamp so the output is reproducible.

Usage: scripts/esco-pack.py ESCO_EXPORT_DIR [OUT_DIR]   (default OUT_DIR: data/esco)
"""
import csv
import gzip
import io
import os
import sys

FILES = [
    ("skills_en.csv", ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel",
                       "altLabels", "hiddenLabels", "description"]),
    ("occupations_en.csv", ["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels",
                            "hiddenLabels", "description", "code"]),
    ("occupationSkillRelations.csv", ["occupationUri", "relationType", "skillType", "skillUri"]),
    ("digitalSkillsCollection_en.csv", ["conceptUri", "preferredLabel"]),
]


def pack(src, name, cols, out_dir):
    with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for row in rows:
        w.writerow([row[c] for c in cols])
    data = buf.getvalue().encode("utf-8")
    out = os.path.join(out_dir, name + ".gz")
    with open(out, "wb") as f:
        f.write(gzip.compress(data, 9, mtime=0))
    print(f"{out}: {len(rows)} rows, {len(data)} -> {os.path.getsize(out)} bytes")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "data", "esco")
    os.makedirs(out_dir, exist_ok=True)
    for name, cols in FILES:
        pack(src, name, cols, out_dir)


if __name__ == "__main__":
    main()
