#!/usr/bin/env python3
"""Builds data/anonymize/<lang>/{first_names,surnames}.tsv from the shared
name lexicons (MIT / CC0) and adds derived inflected forms.

Usage (from the repository root):
    python3 data/anonymize/build-names.py [--common WORDS.txt ...] [SHARED_NAMES_DIR] [EN_FIRST EN_LAST]

--common names a word list (an unmunched hunspell dictionary: en_US for
the committed lists, see README.md): inflected forms of other languages
that are lower-case words there are left out ("Ninę" folds to "nine").

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
import unicodedata

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


# Polish: the -e of the locative and vocative (masculine) and of the dative
# and locative (feminine -a) softens a hard stem's last consonant; velar,
# soft and hardened stems take -u (masculine) or -i/-y (feminine) instead.
PL_E = [("st", "ście"), ("sł", "śle"), ("zd", "ździe"), ("t", "cie"), ("d", "dzie"),
        ("r", "rze"), ("ł", "le"), ("s", "sie"), ("z", "zie"), ("n", "nie"),
        ("m", "mie"), ("b", "bie"), ("p", "pie"), ("w", "wie"), ("f", "fie")]
PL_FEM_E = [("k", "ce"), ("g", "dze"), ("ch", "sze")] + PL_E


def pl_e(stem, table):
    if stem.endswith(("sz", "cz", "rz", "dz")):
        return None
    for c, e in table:
        if stem.endswith(c):
            return stem[:-len(c)] + e
    return None


def pl_stems(s):
    """Oblique stems of a masculine noun: the mobile e drops (Marek ->
    Mark, Jacek -> Jack, Dudek -> Dudk, Paweł -> Pawł, Aleksander ->
    Aleksandr, Niemiec -> Niemc, Stępień -> Stępni); -el, -eł and -er of
    surnames may keep it (Kisiel -> Kisiela, Wróbel -> Wróbla), so both."""
    if s.endswith("ień"):
        return [s[:-3] + "ni"]
    if s.endswith("iec"):
        return [s[:-3] + "c"]
    if s.endswith(("ek", "ec")) and len(s) > 3:
        return [s[:-2] + s[-1]]
    if s.endswith("ń"):
        return [s[:-1] + "ni"]
    if s.endswith(("el", "eł", "ander")) and len(s) > 3:
        return [s[:-2] + s[-1], s]
    return [s]


def pl_masc(s):
    """Jan, Marek, Paweł, Piotr, Tomasz, Nowak, Dudek: genitive (and
    accusative) -a, dative -owi, instrumental -em/-iem, locative and
    vocative -e with the alternation (Piotrze, Pawle, Janie) or -u (Marku,
    Tomaszu, Nowaku)."""
    out = [s]
    for st in pl_stems(s):
        e = pl_e(st, PL_E)
        out += [st + "a", st + "owi", st + ("iem" if st.endswith(("k", "g")) else "em"),
                e or st + "u"]
    return out


def pl_fem_a(s, voc=True):
    """Anna, Zofia, Agnieszka, Olga, Urszula, Maja (and surnames in -a or
    -o such as Sikora, Matejko): genitive -y/-i, dative and locative -e
    with the alternation (Annie, Agnieszce, Oldze, Marcie) or -i after a
    soft stem (Zofii, Alicji, Urszuli, Mai), accusative -ę, instrumental
    -ą, vocative -o (-u for diminutives: Kasiu, Olu)."""
    st = s[:-1]
    if st.endswith(("si", "zi", "ci", "ni")) and len(st) > 2:
        gdl = [st, st + "i"]                          # Kasi, Ani (Ksenii)
    elif st.endswith("i"):
        gdl = [st + "i"]                              # Zofii
    elif st.endswith("j"):
        gdl = [st[:-1] + "i"] if st[-2:-1] in "aeiouyąęó" else [st + "i"]  # Mai, Alicji
    elif st.endswith(("l", "ń", "ś", "ź", "ć")):
        gdl = [st + "i"]                              # Urszuli
    else:
        gdl = []
    gen = gdl or [st + ("i" if st.endswith(("k", "g")) else "y")]
    dl = gdl or [pl_e(st, PL_FEM_E) or st + "y"]
    # -u: diminutives (Kasiu, Aniu, Olu, Maju); Kamila, Urszula take -o
    dim = st.endswith(("si", "zi", "ci", "ni")) or (st.endswith(("l", "j")) and len(s) <= 4)
    vocs = [st + "o"] + ([st + "u"] if dim else [])
    return [s] + gen + dl + [st + "ę", st + "ą"] + (vocs if voc else [])


def pl_adj(s):
    """-ski/-cki/-dzki, male and female, and the adjectival Antoni, Jerzy."""
    for m, f in (("cki", "cka"), ("dzki", "dzka"), ("ski", "ska")):
        if s.endswith(m):
            st = s[:-1]  # Kowalsk
            return [s, st + "iego", st + "iemu", st + "im", s[:-len(m)] + f,
                    st + "iej", st + "ą"]
        if s.endswith(f):
            return pl_adj(s[:-len(f)] + m)
    st = s[:-1] if s.endswith("y") else s           # Jerz-, Antoni-
    return [s, st + "ego", st + "emu", st + ("ym" if s.endswith("y") else "m")]


def pl_surname(s):
    if s.endswith(("cki", "dzki", "ski", "cka", "dzka", "ska")):
        return pl_adj(s)
    # no vocative: a surname is addressed with "Panie", and "Grupo",
    # "Lobo", "Pardo" are words of other languages
    if s.endswith("a"):
        return pl_fem_a(s, voc=False)
    if s.endswith("ko"):
        return pl_fem_a(s[:-1] + "a", voc=False)[1:] + [s]  # Matejko -> Matejki
    if s.endswith(("i", "y", "o", "e", "u")):
        return [s]
    return pl_masc(s)


def pl_first(s, female):
    if s.endswith("a"):
        return pl_fem_a(s)
    if female:
        return [s]                                   # Miriam, Beatrycze
    if s.endswith(("i", "y")):
        return pl_adj(s)                             # Antoniego, Jerzego
    if s.endswith(("o", "e", "u")):
        return [s]
    return pl_masc(s)


def sl_stems(s):
    """Slovene masculine oblique stems: the mobile e drops (Peter -> Petr,
    Korošec -> Korošc, Petek -> Petk, Pavel -> Pavl); names and surnames
    in -r add j (Mlakar -> Mlakarj, Gregor -> Gregorj); -o drops (Marko ->
    Mark), -e adds t (Jože -> Jožet), -i adds j (Kosi -> Kosij). Both stems where either is written."""
    if s.endswith("o"):
        return [s[:-1]]
    if s.endswith("e"):
        return [s + "t"]
    if s.endswith("i"):
        return [s + "j"]                            # Kosi -> Kosija
    out = [s]
    if s.endswith(("ec", "ek", "el", "er", "en")) and len(s) > 3:
        out.append(s[:-2] + s[-1])
    if s.endswith("r"):
        out.append(s + "j")
    return out


def sl_forms(s):
    if s.endswith("a"):
        st = s[:-1]
        return [s, st + "e", st + "i", st + "o"]
    out = [s]
    for st in sl_stems(s):
        soft = st.endswith(("c", "č", "š", "ž", "j"))
        out += [st + "a", st + "u", st + ("em" if soft else "om")]
    if not s.endswith(("o", "e", "i")):
        # possessive adjective (Novakova, Kovačičeva)
        soft = s.endswith(("c", "č", "š", "ž", "j"))
        out += [s + "ev", s + "eva"] if soft else [s + "ov", s + "ova"]
    return out


def el_forms(s):
    """Genitive, accusative and vocative (Γιώργος -> Γιώργου, Γιώργο;
    Κωνσταντίνος -> Κωνσταντίνε). The accent shift of the learned genitive
    (Γεωργίου, Παπαδοπούλου) needs no form of its own: lookups ignore
    accents."""
    pairs = [("ος", ["ου", "ο", "ε"]), ("ός", ["ού", "ό", "έ"]), ("ης", ["η"]),
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
    """The genitive-dative of female names: Maria -> Mariei, Ana -> Anei,
    Andreea -> Andreei, Raluca -> Ralucăi, Olga -> Olgăi. Men's names and
    surnames do not change ("lui Ion Popescu", "Mariei Ionescu")."""
    if not female or not s.endswith("a"):
        return [s]
    if s.endswith(("ca", "ga")):
        return [s, s[:-1] + "ăi"]
    if s.endswith("ea"):
        return [s, s[:-1] + "i"]
    return [s, s[:-1] + "ei"]


# Derived forms that are frequent words of the language, never generated:
# a given name's form is a name even alone at the start of a sentence
# ("Idzie dobrze", "Rada bi delala", "Αγαπητέ κύριε"). Words of the
# lexicon (stop, common, keep, place, street) are left out the same way.
NOT_FORMS = {
    "pl": {"Idzie", "Antonim", "Polu", "Maju", "Gaju", "Nadziei", "Glorii", "Wiktorii",
           "Kai", "Mai",
           # words of other languages, capitalised in their texts: Romanian
           # "Marii Britanii", "Mării Negre"; Portuguese "Pelo"
           "Marii", "Pelo", "Belu", "Molko"},
    "sl": {"Draga", "Rada", "Sama", "Vlada", "Mirom", "Miru", "Bruna", "Danila", "Srečka",
           "Dragi", "Petrom"},
    "el": {"Αγαπητέ", "Ακριβέ", "Δίκαιε", "Μακάριε", "Μαύρε", "Ξανθέ", "Άριστε",
           "Γαληνέ", "Φωτεινέ", "Δρόσε", "Πάνε", "Μωρέ"},
    "ro": set(),
}


# Forms kept although a --common dictionary or the lexicon has them:
# frequent cases of frequent names ("Ewę" of Ewa, Slovene "Ane", "Sari")
# whose English look-alikes are rare words ("ewe", "sari"), and Polish
# "Marka", the genitive of Marek and the word "brand": the lexicon makes
# it `common` (never a name alone), the list gives it Marek's pseudonym.
KEEP_FORMS = {"pl": {"Marka", "Ewę"}, "sl": {"Ane", "Sari", "Marka"}}


def fold(w):
    w = unicodedata.normalize("NFD", w.casefold())
    return "".join(c for c in w if not unicodedata.combining(c)).replace("ς", "σ")


def lexicon_words(here, lang):
    """Folded one-word entries of the lexicon that are never a name."""
    out = set()
    paths = [(os.path.join(here, lang, "lexicon.tsv"), True),
             (os.path.join(here, "common", "keep.txt"), False),
             (os.path.join(here, "common", "places.txt"), False)]
    for path, tsv in paths:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                c = line.rstrip("\n").split("\t")
                if tsv and (len(c) < 2 or c[0] not in ("stop", "common", "keep", "place", "street")):
                    continue
                w = c[1] if tsv else c[0]
                if " " not in w.strip():
                    out.add(fold(w.strip()))
    return out


def inflect(lang, first_f, first_m, first_g, last, lastf, never=frozenset()):
    fo, so = {}, {}
    never = set(never) | {fold(w) for w in NOT_FORMS.get(lang, ())}

    def add(d, forms, base):
        for x in forms:
            # a form that folds to its base (Anną, Annę) is the base's key
            if x == base or fold(x) == fold(base) or fold(x) not in never:
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
            add(so, [x for x in el_forms(n) if not x.endswith(("ε", "έ"))] + el_female_surname(n), n)
        else:
            add(so, [n], n)
    # A base keeps its own entry: "Aleksandra" is a given name, not a case
    # of the surname Aleksander (the loader takes the first base a word is
    # given, and first_names.tsv is read before surnames.tsv).
    for n in first_f + first_m + first_g:
        fo[n] = n
    for n in last:
        so[n] = n
    for k in [k for k, v in so.items() if k != v and fo.get(k) == k]:
        del so[k]
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


def common_words(paths, lang):
    """Lower-case words of the unmunched hunspell dictionaries given with
    --common (en_US): an inflected form that folds to one of them is left
    out. The name table is shared by all languages, and a form counts as
    "a given name of some language" everywhere: the Polish accusative
    "Ninę" folds to "nine", and would make "Nine Inch Nails" a person.
    The larger pt_PT and ro_RO dictionaries would take too many real
    forms (Slovene "Ani", "Ano"); their collisions seen in text are in
    NOT_FORMS."""
    out = set()
    for p in paths:
        if not os.path.basename(p).startswith(lang):  # "Mariei" is Romanian
            out |= dictionary(p)
    return out


_dicts = {}


def dictionary(path):
    if path not in _dicts:
        with open(path, encoding="utf-8", errors="replace") as f:
            words = {w.split("/")[0].strip() for w in f}
        _dicts[path] = {fold(w) for w in words if w and w[0].islower()}
    return _dicts[path]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    args, common = [], []
    it = iter(sys.argv[1:])
    for a in it:
        if a == "--common":
            common.append(next(it))
        else:
            args.append(a)
    sys.argv[1:] = args
    names = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/names"
    wf, ws = world(names)
    write(os.path.join(here, "common", "world_first.txt"), wf)
    write(os.path.join(here, "common", "world_surnames.txt"), ws)
    for lang in LANGS:
        keep = {fold(w) for w in KEEP_FORMS.get(lang, ())}
        fo, so = inflect(lang, *sources(names, lang),
                         never=(lexicon_words(here, lang) | common_words(common, lang)) - keep)
        write(os.path.join(here, lang, "first_names.tsv"), fo)
        write(os.path.join(here, lang, "surnames.tsv"), so)
    if len(sys.argv) > 3:
        fo = {n: n for n in read_list(sys.argv[2])}
        so = {n: n for n in read_list(sys.argv[3])}
        write(os.path.join(here, "en", "first_names.tsv"), fo)
        write(os.path.join(here, "en", "surnames.tsv"), so)


if __name__ == "__main__":
    main()
