#!/usr/bin/env python3
"""Builds common/world_first_faker.txt and common/world_surnames_faker.txt:
the given names and surnames of every locale of @faker-js/faker (MIT),
one word each, without the words that are also common words of English,
Portuguese or Romanian ("Job", "Server", "Honor", "Line", "Alice" stays in
en/first_names.tsv), nor the words of common/keep.txt.

Usage (from the repository root):
    node data/anonymize/export-faker-names.mjs OUTDIR   # needs @faker-js/faker 10.6.0
    unmunch /usr/share/hunspell/en_US.dic /usr/share/hunspell/en_US.aff > en.txt  # same for pt_PT, ro_RO
    python3 data/anonymize/build-world-faker.py OUTDIR/first.txt OUTDIR/last.txt en.txt pt.txt ro.txt

The word lists (hunspell-en-us, hunspell-pt-pt, hunspell-ro; unmunch is in
hunspell-tools) are only read here, to filter; nothing of them is shipped.
"""
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
# names that a CV almost always uses as a place or a word ("Washington State
# University", "Dev team"): left out of the world lists
EXCLUDE = {"Washington", "Dev", "Lincoln", "Pacific", "Grand", "Orlando", "Florida", "Georgia",
           "Virginia", "Carolina", "Dakota", "Indiana", "Nevada", "Montana", "Houston", "Dallas",
           "Austin", "Phoenix", "Denver", "Chester", "Jersey", "Sydney", "Victoria", "Paris", "London"}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.casefold())
                   if unicodedata.category(c) != "Mn")


def main(first, last, *dicts):
    common = set()
    for d in dicts:
        with open(d, encoding="utf-8", errors="replace") as f:
            for w in f:
                w = w.split("\t")[0].split("/")[0].strip()
                if w and w[0].islower():
                    common.add(w)
    with open(os.path.join(HERE, "common", "keep.txt"), encoding="utf-8") as f:
        keep = {fold(l.split("\t")[0].strip()) for l in f if l.strip() and not l.startswith("#")}
    for src, dst, what in ((first, "world_first_faker.txt", "Given names"),
                           (last, "world_surnames_faker.txt", "Surnames")):
        with open(src, encoding="utf-8") as f:
            words = {w.strip() for w in f}
        words = sorted(w for w in words
                       if len(w) >= 2 and " " not in w and "." not in w
                       and not any(c.isdigit() for c in w)
                       and w.lower() not in common and fold(w) not in keep and w not in EXCLUDE)
        with open(os.path.join(HERE, "common", dst), "w", encoding="utf-8") as f:
            f.write(f"# {what} of every locale of @faker-js/faker 10.6.0 (MIT, LICENSE.faker-js), one word\n"
                    "# each, without common words of en/pt/ro nor keep.txt; built by build-world-faker.py\n")
            f.write("\n".join(words) + "\n")
        print(dst, len(words))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
