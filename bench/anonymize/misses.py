#!/usr/bin/env python3
"""Why names are missed: each missed name entity of a dev split, sorted by
what could have found it. Never looks at a test split.

    BUILD=build-release python3 bench/anonymize/misses.py ronec [WORDS.txt]

Kinds: "propagate" (a word of it was removed as a name elsewhere in the same
document, or an inflected form of one), "langlist" (a word is in a language's
name list), "worldlist" (only in the world lists), "dict" (every word is in
WORDS.txt, a lower-case word list such as hunspell's unmunched forms: a common
word or a well-known name), "unknown" (in no list), "nocap" (no capitalised
word). With no WORDS.txt there is no "dict" kind.
"""
import os
import re
import sys
import unicodedata
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval as E  # noqa: E402

DATA = os.path.join(E.ROOT, "data", "anonymize")
WORD = re.compile(r"[^\W\d_][\w'’-]*")


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.casefold())
                   if unicodedata.category(c) != "Mn")


def names(paths):
    out = set()
    for p in paths:
        if not os.path.exists(p):
            continue
        for line in open(p, encoding="utf-8"):
            if not line.startswith("#") and line.strip():
                out.add(fold(line.split("\t")[0].strip()))
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    corpus = sys.argv[1]
    words = set()
    if len(sys.argv) > 2:
        for w in open(sys.argv[2], encoding="utf-8", errors="replace"):
            w = w.split("\t")[0].split("/")[0].strip()
            if w:
                words.add(w.casefold())
    langs = ("en", "it", "pt", "pl", "ro", "el", "sl")
    lang_names = names([os.path.join(DATA, l, f"{k}.tsv") for l in langs
                        for k in ("first_names", "surnames")])
    world = names([os.path.join(DATA, "common", f) for f in
                   ("world_first.txt", "world_surnames.txt",
                    "world_first_faker.txt", "world_surnames_faker.txt",
                    "world_first_npm.txt", "world_surnames_npm.txt")])
    loaders = {"presidio": E.presidio, "dotin": E.dotin, "ronec": E.ronec, "uner-pt": E.uner}
    kinds, examples = Counter(), {}
    for name, split, _, docs in loaders[corpus]():
        if split == "test":
            continue  # test splits stay unseen
        res, _, _ = E.run_ours(docs)
        for d, r in zip(docs, res):
            t = d["text"]
            mask = E.mask_from_findings(t, r["cfind"])
            found = {fold(w) for a, b, c in r["cfind"] if c == "name" for w in WORD.findall(t[a:b])}
            for a, b, ty in d["spans"]:
                if E.GROUPS.get(ty) != "names" or E.protected(t, mask, a, b):
                    continue
                ws = [w for w in WORD.findall(t[a:b]) if w[0].isupper()]
                fw = [fold(w) for w in ws]
                if not ws:
                    k = "nocap"
                elif any(f in found or any(len(g) >= 4 and f.startswith(g) and len(f) - len(g) <= 4
                                           for g in found) for f in fw):
                    k = "propagate"
                elif any(f in lang_names for f in fw):
                    k = "langlist"
                elif any(f in world for f in fw):
                    k = "worldlist"
                elif words and all(w.casefold() in words for w in ws):
                    k = "dict"
                else:
                    k = "unknown"
                kinds[k] += 1
                examples.setdefault(k, []).append(t[a:b])
    print(corpus, "(dev splits)", dict(kinds.most_common()))
    for k, v in examples.items():
        print(f"  {k}: {v[:20]}")


if __name__ == "__main__":
    main()
