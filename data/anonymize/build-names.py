#!/usr/bin/env python3
"""Builds data/anonymize/<lang>/{first_names,surnames}.tsv from the shared
name lexicons (MIT / CC0) and adds derived inflected forms.

Usage (from the repository root):
    python3 data/anonymize/build-names.py [SHARED_NAMES_DIR] [EN_FIRST EN_LAST]

SHARED_NAMES_DIR defaults to ../shared/data/names. The English lists come
from the @faker-js/faker npm package (MIT), exported once to two plain text
files (see README.md); when they are not given, the existing en/ files are
kept.

Each output line is "form<TAB>base": the form as written (inflected or not)
and the base form it belongs to, so that "Kowalskiego" and "Kowalski" get
the same pseudonym. Lines are sorted and unique so diffs stay readable.
"""
import csv
import os
import sys

LANGS = ["it", "pt", "pl", "ro", "el", "sl"]


def read_list(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return repair([l.strip() for l in f if l.strip() and not l.startswith("#")])


def repair(names):
    """The faker-js Italian surnames were extracted with the apostrophe of
    "D'Agostino" taken for a quote: each such name became a line 'Agostino",'
    and a line '"D' (and '"Dell', ',' leftovers). Joins them back, and
    drops names with a replacement character (a broken copy of "Noè")."""
    out = []
    for n in names:
        if n.endswith('",') and n[:-2].strip():
            out.append("D'" + n[:-2].strip())
        elif not n.startswith('"') and n != "," and "\ufffd" not in n:
            out.append(n)
    return out


def sources(names, lang):
    """Returns (first_female, first_male, first_generic, last, last_female)."""
    pf, fj = os.path.join(names, "python-faker"), os.path.join(names, "faker-js")
    loc = {"it": "it_IT", "pt": "pt_PT", "pl": "pl_PL", "ro": "ro_RO",
           "el": "el_GR", "sl": "sl_SI"}[lang]
    fjl = {"it": "it", "pt": "pt_PT", "pl": "pl", "ro": "ro", "el": "el",
           "sl": None}[lang]
    ff = read_list(f"{pf}/{loc}.first_names_female.txt")
    fm = read_list(f"{pf}/{loc}.first_names_male.txt")
    fg = []
    last = read_list(f"{pf}/{loc}.last_names.txt")
    last += read_list(f"{pf}/{loc}.unisex_last_names.txt")
    last += read_list(f"{pf}/{loc}.male_last_names.txt")
    last += read_list(f"{pf}/{loc}.last_names_male.txt")
    lastf = read_list(f"{pf}/{loc}.last_names_female.txt")
    if fjl:
        ff += read_list(f"{fj}/{fjl}.first_name.female.txt")
        fm += read_list(f"{fj}/{fjl}.first_name.male.txt")
        fg += read_list(f"{fj}/{fjl}.first_name.generic.txt")
        last += read_list(f"{fj}/{fjl}.last_name.generic.txt")
        last += read_list(f"{fj}/{fjl}.last_name.male.txt")
        lastf += read_list(f"{fj}/{fjl}.last_name.female.txt")
    cc = {"it": "IT", "pt": "PT", "pl": "PL", "ro": "RO", "el": "GR",
          "sl": "SI"}[lang]
    with open(f"{names}/sigpwned/common-forenames-by-country.csv",
              encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["Country"] == cc:
                (ff if r["Gender"] == "F" else fm).append(r["Localized Name"])
    with open(f"{names}/sigpwned/common-surnames-by-country.csv",
              encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["Country"] == cc:
                last.append(r["Localized Name"])
    return ff, fm, fg, last, lastf


def pl_surname(s):
    for m, f in (("cki", "cka"), ("dzki", "dzka"), ("ski", "ska")):
        if s.endswith(m):
            st = s[:-1]  # Kowalsk
            return [s, st + "iego", st + "iemu", st + "im", s[:-3] + f,
                    st + "iej", st + "ą"]
        if s.endswith(f):
            return pl_surname(s[:-len(f)] + m)
    if s.endswith("a"):
        return [s, s[:-1] + "y", s[:-1] + "ie", s[:-1] + "ę", s[:-1] + "ą"]
    return [s, s + "a", s + "owi", s + "em", s + "u", s + "ie"]


def pl_first(s, female):
    if s.endswith("a"):
        st = s[:-1]
        soft = st.endswith(("k", "g", "j", "l"))
        return [s, st + ("i" if soft else "y"), st + "ę", st + "ą", st + "o",
                st + "ie"]
    return [s, s + "a", s + "owi", s + "em", s + "ie", s + "u"]


def sl_forms(s):
    if s.endswith("a"):
        st = s[:-1]
        return [s, st + "e", st + "i", st + "o"]
    return [s, s + "a", s + "u", s + "om", s + "em", s + "ov", s + "ova"]


def el_forms(s):
    pairs = [("ος", ["ου", "ο"]), ("ός", ["ού", "ό"]), ("ης", ["η"]),
             ("ής", ["ή"]), ("ας", ["α"]), ("άς", ["ά"]), ("α", ["ας"]),
             ("ά", ["άς"]), ("η", ["ης"]), ("ή", ["ής"])]
    for suf, outs in pairs:
        if s.endswith(suf):
            return [s] + [s[:-len(suf)] + o for o in outs]
    return [s]


def el_female_surname(s):
    """Female surname forms are the male genitive: -ης -> -η, -ος -> -ου."""
    for suf, fem in (("ίδης", "ίδου"), ("άδης", "άδου"), ("ης", "η"),
                     ("ής", "ή"), ("ος", "ου"), ("ός", "ού"), ("ας", "α"),
                     ("άς", "ά")):
        if s.endswith(suf):
            return [s[:-len(suf)] + fem]
    return []


def ro_forms(s, female):
    if female and s.endswith("a"):
        return [s, s[:-1] + "ei"]
    return [s]


def inflect(lang, first_f, first_m, first_g, last, lastf):
    fo, so = {}, {}

    def add(d, forms, base):
        for x in forms:
            d.setdefault(x, base)

    for n in first_f + first_m + first_g:
        fem = n in first_f
        if lang == "pl":
            add(fo, pl_first(n, fem), n)
        elif lang == "sl":
            add(fo, sl_forms(n), n)
        elif lang == "el":
            add(fo, el_forms(n), n)
        elif lang == "ro":
            add(fo, ro_forms(n, fem), n)
        else:
            add(fo, [n], n)
    for n in last:
        if lang == "pl":
            add(so, pl_surname(n), n)
        elif lang == "sl":
            add(so, sl_forms(n), n)
        elif lang == "el":
            add(so, el_forms(n) + el_female_surname(n), n)
        else:
            add(so, [n], n)
    for n in lastf:
        add(so, [n], n)
    return fo, so


def write(path, d):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# form<TAB>base; generated by build-names.py, see README.md\n")
        for k in sorted(d):
            f.write(k if d[k] == k else f"{k}\t{d[k]}")
            f.write("\n")


def world(names):
    """Given names and surnames of every country in the CC0 Wikipedia lists
    (sigpwned, 106 countries) plus the Croatian and Slovak faker-js lists:
    names of people from anywhere, as CVs and news are full of them. They
    count as "a name of some language" only, never as the document
    language's own names (see README.md)."""
    first, last = set(), set()
    fj = os.path.join(names, "faker-js")
    for loc in ("hr", "sk"):
        for kind in ("female", "male", "generic"):
            first.update(read_list(f"{fj}/{loc}.first_name.{kind}.txt"))
            last.update(read_list(f"{fj}/{loc}.last_name.{kind}.txt"))
    for fname, out in (("common-forenames-by-country.csv", first),
                       ("common-surnames-by-country.csv", last)):
        with open(f"{names}/sigpwned/{fname}", encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                for v in (r["Localized Name"], r["Romanized Name"]):
                    out.update(v.replace("-", " ").split())
    keep = lambda n: len(n) >= 3 and all(c.isalpha() or c in "'’" for c in n)
    return ({n: n for n in first if keep(n)}, {n: n for n in last if keep(n)})


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    names = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/names"
    wf, ws = world(names)
    write(os.path.join(here, "common", "world_first.txt"), wf)
    write(os.path.join(here, "common", "world_surnames.txt"), ws)
    for lang in LANGS:
        fo, so = inflect(lang, *sources(names, lang))
        write(os.path.join(here, lang, "first_names.tsv"), fo)
        write(os.path.join(here, lang, "surnames.tsv"), so)
    if len(sys.argv) > 3:
        fo = {n: n for n in read_list(sys.argv[2])}
        so = {n: n for n in read_list(sys.argv[3])}
        write(os.path.join(here, "en", "first_names.tsv"), fo)
        write(os.path.join(here, "en", "surnames.tsv"), so)


if __name__ == "__main__":
    main()
