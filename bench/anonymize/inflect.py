#!/usr/bin/env python3
"""Audit: are inflected names removed, with one pseudonym per person?

For Polish, Slovene, Greek and Romanian, puts a given name and a surname in
frames that require each grammatical case (genitive, dative, accusative,
instrumental, locative, vocative where the language has them), each frame
three times (both names, the given name alone, the surname alone), and
counts:

  alone   the frame on its own: every word of the name is gone;
  paired  a sentence with the nominative, then the frame: every word of
          both mentions is gone and the document holds exactly one
          pseudonym (one person, one label; a lone given name, as in the
          vocative, is linked to a full name met before it).

The case forms are made HERE, from the small declension tables below (the
endings, the stem alternations and the mobile vowels written out by hand),
never from the name lists: the lists are only read to skip a person whose
base forms are not listed at all (the audit is about "listed names").

Run from the repository root after building:
    python3 bench/anonymize/inflect.py            # table per language and case
    python3 bench/anonymize/inflect.py --misses   # and every failed frame
BUILD (default build-release) names the build directory of anon_batch.
"""
import os
import re
import subprocess
import sys
import unicodedata

BUILD = os.environ.get("BUILD", "build-release")
LABEL = re.compile(r"\b(?:Candidate|Person|Referee) [A-Z0-9]{3,7}\b")

# ---------------------------------------------------------------- Polish

# Locative/vocative -e of hard stems, with the consonant alternation;
# velar, soft and hardened stems take -u instead (masculine).
PL_HARD_E = [("st", "ście"), ("sł", "śle"), ("t", "cie"), ("d", "dzie"), ("r", "rze"),
             ("ł", "le"), ("s", "sie"), ("z", "zie"), ("n", "nie"), ("m", "mie"),
             ("b", "bie"), ("p", "pie"), ("w", "wie"), ("f", "fie")]
# Dative/locative -e of feminine -a nouns: the same, plus k -> c, g -> dz, ch -> sz.
PL_FEM_E = [("k", "ce"), ("g", "dze"), ("ch", "sze")] + PL_HARD_E


def pl_soft_e(stem, table):
    for c, e in table:
        if stem.endswith(c):
            return stem[:-len(c)] + e
    return None


def pl_masc(nom, stem=None):
    """A masculine noun ending in a consonant (Jan, Marek, Paweł, Piotr,
    Stępień). stem: the oblique stem when a vowel drops or a consonant
    softens (Marek -> Mark, Paweł -> Pawł, Stępień -> Stępni)."""
    st = stem or nom
    ins = st + ("iem" if st.endswith(("k", "g")) else "em")
    le = pl_soft_e(st, PL_HARD_E)
    loc = le if le and not st.endswith(("sz", "cz", "rz")) else st + "u"
    return {"gen": st + "a", "dat": st + "owi", "acc": st + "a", "ins": ins,
            "loc": loc, "voc": loc}


def pl_adj(nom, female):
    """-ski/-cki/-dzki and -ska/-cka/-dzka, and the adjectival Antoni."""
    if female:
        st = nom[:-1]  # Kowalsk
        return {"gen": st + "iej", "dat": st + "iej", "acc": st + "ą", "ins": st + "ą",
                "loc": st + "iej", "voc": nom}
    st = nom[:-1] if nom.endswith("i") else nom
    return {"gen": st + "iego", "dat": st + "iemu", "acc": st + "iego", "ins": st + "im",
            "loc": st + "im", "voc": nom}


def pl_fem_a(nom):
    """A noun in -a (Anna, Zofia, Agnieszka, Olga, Urszula; Sikora of a man)."""
    st = nom[:-1]
    if st.endswith("i") or (st.endswith("j") and st[-2:-1] not in "aeiouy"):
        gdl = st + "i"            # Zofii, Alicji
    elif st.endswith("l"):
        gdl = st + "i"            # Urszuli
    elif st.endswith(("k", "g")):
        gdl = None                # Agnieszki / Agnieszce
    else:
        gdl = None
    gen = gdl or st + ("i" if st.endswith(("k", "g")) else "y")
    dl = gdl or pl_soft_e(st, PL_FEM_E) or st + "y"
    return {"gen": gen, "dat": dl, "acc": st + "ę", "ins": st + "ą", "loc": dl,
            "voc": st + "o"}


def pl_invariable(nom):
    return {c: nom for c in ("gen", "dat", "acc", "ins", "loc", "voc")}


def pl_first(nom, female, stem=None):
    if female:
        return pl_fem_a(nom)
    if nom == "Antoni":
        return pl_adj(nom, False)
    return pl_masc(nom, stem)


def pl_sur(nom, female, stem=None):
    if nom.endswith(("ski", "cki", "dzki", "ska", "cka", "dzka")):
        return pl_adj(nom, female)
    if nom.endswith("a"):
        return pl_fem_a(nom)
    return pl_invariable(nom) if female else pl_masc(nom, stem)


# (given, given stem, surname, surname stem, female)
PL_PEOPLE = [
    ("Paweł", "Pawł", "Dudek", "Dudk", False), ("Marek", "Mark", "Nowak", None, False),
    ("Jacek", "Jack", "Kaczmarek", "Kaczmark", False), ("Piotr", None, "Wróbel", "Wróbl", False),
    ("Tomasz", None, "Mazur", None, False), ("Jan", None, "Kowalski", None, False),
    ("Michał", None, "Woźniak", None, False), ("Krzysztof", None, "Wójcik", None, False),
    ("Aleksander", "Aleksandr", "Lewandowski", None, False),
    ("Franciszek", "Franciszk", "Zając", None, False), ("Stanisław", None, "Sikora", None, False),
    ("Antoni", None, "Górecki", None, False), ("Wojciech", None, "Kowalczyk", None, False),
    ("Łukasz", None, "Stępień", "Stępni", False), ("Mikołaj", None, "Król", None, False),
    ("Adam", None, "Lis", None, False), ("Grzegorz", None, "Pawlak", None, False),
    ("Rafał", None, "Wieczorek", "Wieczork", False), ("Szymon", None, "Baran", None, False),
    ("Kamil", None, "Kołodziej", None, False),
    ("Anna", None, "Nowak", None, True), ("Katarzyna", None, "Kowalska", None, True),
    ("Agnieszka", None, "Wiśniewska", None, True), ("Małgorzata", None, "Zielińska", None, True),
    ("Zofia", None, "Mazur", None, True), ("Aleksandra", None, "Dąbrowska", None, True),
    ("Olga", None, "Wójcik", None, True), ("Ewa", None, "Sikora", None, True),
    ("Urszula", None, "Kamińska", None, True), ("Alicja", None, "Nowicka", None, True),
    ("Barbara", None, "Lewandowska", None, True), ("Monika", None, "Woźniak", None, True),
    ("Marta", None, "Kozłowska", None, True), ("Elżbieta", None, "Jankowska", None, True),
]

PL_FRAMES = {
    "gen": "Pracowałam pod kierunkiem {F} {L} w dziale analiz.",
    "dat": "Chciałabym podziękować {F} {L} za pomoc.",
    "acc": "Na konferencji poznałam {F} {L} z działu IT.",
    "ins": "Współpracowałam z {F} {L} przez dwa lata.",
    "loc": "W liście piszę o {F} {L} jako o mentorze.",
    "voc": "{Dear} {F}, dziękuję za wszystko!",
}


def pl_items():
    for f, fst, s, sst, fem in PL_PEOPLE:
        ff, sf = pl_first(f, fem, fst), pl_sur(s, fem, sst)
        for case, frame in PL_FRAMES.items():
            text = frame.format(F=ff[case], L=sf[case], Dear="Droga" if fem else "Drogi")
            forms = [ff[case]] + ([] if case == "voc" else [sf[case]])
            yield case, (f, s), text, forms, f"{f} {s} jest moim mentorem."

# --------------------------------------------------------------- Slovene

SL_SOFT = ("c", "č", "š", "ž", "j")  # instrumental -em, not -om


def sl_masc(nom, stem=None):
    """Masculine consonant stems: Janez, Novak, Kovačič; Peter -> Petr,
    Korošec -> Korošc (mobile e); Mlakar -> Mlakarj, Gregor -> Gregorj
    (-r adds j); Jože -> Jožet, Marko -> Mark (vowel-final names)."""
    st = stem or nom
    return {"gen": st + "a", "dat": st + "u", "acc": st + "a", "loc": st + "u",
            "ins": st + ("em" if st.endswith(SL_SOFT) else "om")}


def sl_fem_a(nom):
    st = nom[:-1]
    return {"gen": st + "e", "dat": st + "i", "acc": st + "o", "loc": st + "i", "ins": st + "o"}


def sl_with(word):
    """z before voiced sounds and vowels, s before p f t c č k s š h."""
    return "s" if unicodedata.normalize("NFC", word)[0].lower() in "pftcčksšh" else "z"


# (given, stem, surname, stem, female); female surnames do not decline
SL_PEOPLE = [
    ("Janez", None, "Novak", None, False), ("Peter", "Petr", "Horvat", None, False),
    ("Marko", "Mark", "Kovačič", None, False), ("Andrej", None, "Krajnc", None, False),
    ("Aleš", None, "Zupančič", None, False), ("Matej", None, "Potočnik", None, False),
    ("Tomaž", None, "Kovač", None, False), ("Gregor", "Gregorj", "Mlakar", "Mlakarj", False),
    ("Jože", "Jožet", "Kos", None, False), ("Rok", None, "Vidmar", "Vidmarj", False),
    ("Boštjan", None, "Golob", None, False), ("Filip", None, "Turk", None, False),
    ("Jure", "Juret", "Božič", None, False), ("Bojan", None, "Kralj", None, False),
    ("Igor", "Igorj", "Korošec", "Korošc", False), ("Jakob", None, "Zupan", None, False),
    ("Lovro", "Lovr", "Bizjak", None, False), ("Luka", None, "Hribar", "Hribarj", False),
    ("Primož", None, "Petek", "Petk", False), ("Uroš", None, "Kastelic", None, False),
    ("Marija", None, "Novak", None, True), ("Ana", None, "Horvat", None, True),
    ("Maja", None, "Kovačič", None, True), ("Nina", None, "Krajnc", None, True),
    ("Eva", None, "Zupančič", None, True), ("Mojca", None, "Potočnik", None, True),
    ("Petra", None, "Kovač", None, True), ("Katja", None, "Mlakar", None, True),
    ("Urška", None, "Kos", None, True), ("Špela", None, "Vidmar", None, True),
    ("Nataša", None, "Golob", None, True), ("Barbara", None, "Turk", None, True),
    ("Neža", None, "Hribar", None, True), ("Sara", None, "Oblak", None, True),
]

SL_FRAMES = {
    "gen": "Delala sem v ekipi {F} {L} na oddelku za razvoj.",
    "dat": "O napredku sem poročala {F} {L} vsak teden.",
    "acc": "Za referenco predlagam {F} {L} iz podjetja.",
    "loc": "Pri {F} {L} sem se naučila veliko.",
    "ins": "Sodelovala sem {z} {F} {L} pri projektu.",
}


def sl_items():
    for f, fst, s, sst, fem in SL_PEOPLE:
        if f == "Luka":   # masculine in -a: declines like a feminine noun
            ff = {"gen": "Luke", "dat": "Luki", "acc": "Luko", "loc": "Luki", "ins": "Luko"}
        else:
            ff = sl_fem_a(f) if fem else sl_masc(f, fst)
        sf = {c: s for c in ff} if fem else sl_masc(s, sst)
        for case, frame in SL_FRAMES.items():
            text = frame.format(F=ff[case], L=sf[case], z=sl_with(ff[case]))
            yield case, (f, s), text, [ff[case], sf[case]], f"{f} {s} je moj mentor."

# ----------------------------------------------------------------- Greek

ACUTE = {"α": "ά", "ε": "έ", "η": "ή", "ι": "ί", "ο": "ό", "υ": "ύ", "ω": "ώ"}
PLAIN = {v: k for k, v in ACUTE.items()}


def el_shift(stem):
    """Moves the accent of a proparoxytone stem to its last syllable's
    vowel (Παπαδόπουλ -> Παπαδοπούλ, Γεώργι -> Γεωργί): the learned
    genitive in -ου. The last vowel group gets the accent on its second
    letter when it is a digraph (ου, ει, οι, αι)."""
    s = "".join(PLAIN.get(c, c) for c in stem)
    i = len(s) - 1
    while i >= 0 and s[i] not in ACUTE:
        i -= 1
    if i > 0 and s[i - 1:i + 1] in ("ου", "ει", "οι", "αι", "ευ", "αυ"):
        pass  # the accent goes on the second letter: i already points at it
    return s[:i] + ACUTE[s[i]] + s[i + 1:]


def el_syllables(w):
    w = re.sub(r"(?<=[γκχλνμπτ])ι(?=[αεοωάέόώ])", "", w.lower())  # Γιώργος: γι is one sound
    return len(re.findall(r"ου|ει|οι|αι|ευ|αυ|[αεηιουωάέήίόύώϊϋΐΰ]", w))


def el_male(nom, shift=False):
    """-ος, -ός, -ης, -ής, -ας, -άς. shift: genitive -ου with the accent on
    the syllable before it (Γεώργιος -> Γεωργίου, Παπαδόπουλος ->
    Παπαδοπούλου; the undeclined-accent Παπαδόπουλου is also written)."""
    for suf in ("ος", "ός"):
        if nom.endswith(suf):
            st = nom[:-2]
            acc_o = "ό" if suf == "ός" else "ο"
            gen = (el_shift(st) + "ου") if shift else st + ("ού" if suf == "ός" else "ου")
            voc = st + ("έ" if suf == "ός" else ("ο" if el_syllables(nom) <= 2 else "ε"))
            return {"gen": gen, "acc": st + acc_o, "voc": voc}
    for suf in ("ης", "ής", "ας", "άς"):
        if nom.endswith(suf):
            f = nom[:-1]
            return {"gen": f, "acc": f, "voc": f}
    return {"gen": nom, "acc": nom, "voc": nom}   # Μιχαήλ, Νικολάου


def el_female(nom):
    if nom.endswith(("α", "ά", "η", "ή")):
        return {"gen": nom + "ς", "acc": nom, "voc": nom}
    return {"gen": nom, "acc": nom, "voc": nom}


# (given, learned genitive?, surname, learned genitive?, female)
EL_PEOPLE = [
    ("Γιώργος", False, "Παπαδόπουλος", True, False), ("Νίκος", False, "Παπαδάκης", False, False),
    ("Γεώργιος", True, "Κρητικός", False, False), ("Δημήτριος", True, "Ιωαννίδης", False, False),
    ("Κωνσταντίνος", False, "Σαμαράς", False, False), ("Ιωάννης", False, "Παπουτσής", False, False),
    ("Παναγιώτης", False, "Νικολάου", False, False), ("Χρήστος", False, "Οικονόμου", False, False),
    ("Νικόλαος", True, "Κοντός", False, False), ("Βασίλειος", True, "Γεωργίου", False, False),
    ("Αθανάσιος", True, "Παπαδόπουλος", False, False), ("Ανδρέας", False, "Μυταράς", False, False),
    ("Μιχαήλ", False, "Αντωνίου", False, False), ("Δημήτρης", False, "Βλάχος", False, False),
    ("Γιάννης", False, "Καραγιάννης", False, False), ("Αλέξανδρος", True, "Κουφός", False, False),
    ("Μαρία", None, "Παπαδοπούλου", None, True), ("Ελένη", None, "Παπαδάκη", None, True),
    ("Αικατερίνη", None, "Ιωαννίδου", None, True), ("Βασιλική", None, "Σαμαρά", None, True),
    ("Σοφία", None, "Κρητικού", None, True), ("Αγγελική", None, "Νικολάου", None, True),
    ("Γεωργία", None, "Οικονόμου", None, True), ("Δήμητρα", None, "Παπουτσή", None, True),
    ("Κωνσταντίνα", None, "Βλάχου", None, True), ("Παρασκευή", None, "Καραγιάννη", None, True),
]

EL_FRAMES = {
    "gen": "Επισυνάπτω τη συστατική επιστολή {the_g} {F} {L} από την εταιρεία.",
    "acc": "Συνεργάστηκα με {the_a} {F} {L} για δύο χρόνια.",
    "voc": "{Dear} {F}, σας ευχαριστώ για όλα!",
}


def el_items():
    for f, fsh, s, ssh, fem in EL_PEOPLE:
        ff = el_female(f) if fem else el_male(f, fsh)
        sf = {c: s for c in ff} if fem else el_male(s, ssh)
        for case, frame in EL_FRAMES.items():
            text = frame.format(F=ff[case], L=sf[case], the_g="της" if fem else "του",
                                the_a="την" if fem else "τον",
                                Dear="Αγαπητή" if fem else "Αγαπητέ")
            forms = [ff[case]] + ([] if case == "voc" else [sf[case]])
            yield case, (f, s), text, forms, f"{f} {s}: η επικοινωνία μου."
        if not fem and ssh:   # the genitive with the accent where it was
            g = s[:-2] + "ου"
            text = EL_FRAMES["gen"].format(F=ff["gen"], L=g, the_g="του")
            yield "gen", (f, s), text, [ff["gen"], g], f"{f} {s}: η επικοινωνία μου."

# -------------------------------------------------------------- Romanian


def ro_fem_gen(nom):
    """Maria -> Mariei, Ana -> Anei, Andreea -> Andreei, Raluca -> Ralucăi,
    Olga -> Olgăi."""
    if nom.endswith(("ca", "ga")):
        return nom[:-1] + "ăi"
    if nom.endswith("ea"):
        return nom[:-1] + "i"
    return nom[:-1] + "ei"


RO_PEOPLE = [
    ("Maria", "Ionescu", True), ("Ana", "Popescu", True), ("Elena", "Popa", True),
    ("Ioana", "Radu", True), ("Andreea", "Stoica", True), ("Alexandra", "Dumitru", True),
    ("Raluca", "Matei", True), ("Mihaela", "Stan", True), ("Cristina", "Gheorghe", True),
    ("Gabriela", "Rusu", True), ("Monica", "Ciobanu", True), ("Irina", "Pop", True),
    ("Diana", "Munteanu", True), ("Simona", "Constantinescu", True), ("Roxana", "Marin", True),
    ("Olga", "Lungu", True), ("Daria", "Stoica", True), ("Bianca", "Dinu", True),
    ("Ion", "Popescu", False), ("Mihai", "Ionescu", False), ("Andrei", "Popa", False),
    ("Alexandru", "Radu", False), ("Gabriel", "Dumitru", False), ("Bogdan", "Stan", False),
    ("Luca", "Stoica", False), ("Matei", "Gheorghe", False), ("Daniel", "Rusu", False),
    ("Vlad", "Marin", False),
]

RO_FRAMES = {
    "gen": "Am atașat scrisoarea de recomandare a {F} {L} de la fostul angajator.",
    "dat": "Am raportat direct {F} {L} în fiecare săptămână.",
    "acc": "Am cunoscut-{o} pe {F} {L} la un proiect în 2019.",
}


def ro_items():
    for f, s, fem in RO_PEOPLE:
        for case, frame in RO_FRAMES.items():
            if fem and case in ("gen", "dat"):
                F = ro_fem_gen(f)
                text = frame.format(F=F, L=s, o="o")
                forms = [F, s]
            else:
                F = f
                text = frame.replace("a {F}", "lui {F}").replace("direct {F}", "direct lui {F}")
                text = text.format(F=f, L=s, o="o" if fem else "l")
                if not fem and case == "acc":
                    text = text.replace("Am cunoscut-l pe", "L-am cunoscut pe")
                forms = [F, s]
            yield case, (f, s), text, forms, f"{f} {s} este mentorul meu."

# ------------------------------------------------------------- running

LANGS = {"pl": pl_items, "sl": sl_items, "el": el_items, "ro": ro_items}
CASES = ["gen", "dat", "acc", "ins", "loc", "voc"]


def fold(s):
    s = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ς", "σ")


def listed_bases(lang):
    """Every word of the lists: only to know a nominative is listed
    (a female surname is a form of its male base)."""
    out = set()
    for fn in ("first_names.tsv", "surnames.tsv"):
        with open(f"data/anonymize/{lang}/{fn}", encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    out.update(fold(x) for x in line.rstrip("\n").split("\t"))
    return out


def batch(lang, docs):
    exe = os.path.join(BUILD, "src", "domain", "anonymize", "anon_batch")
    env = dict(os.environ, TECHDIV_DATA=os.environ.get("TECHDIV_DATA", "data"))
    p = subprocess.run([exe, "--lang", lang], input="\0".join(docs).encode(), env=env,
                       capture_output=True, check=True)
    import json
    return [json.loads(l)["text"] for l in p.stdout.decode().split("\n") if l]


def present(word, text):
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text) is not None


def variants(case, person, text, forms, nom):
    """The frame with both names, then with the given name alone and with
    the surname alone (the lists, not a neighbour, must know the word)."""
    yield "both", case, person, text, forms, nom
    if len(forms) == 2 and f"{forms[0]} {forms[1]}" in text:
        f, l = forms
        yield "given", case, person, text.replace(f"{f} {l}", f), [f], nom
        yield "surname", case, person, text.replace(f"{f} {l}", l), [l], nom


def main():
    show = "--misses" in sys.argv
    total = {}
    print("| lang | case | names | alone: removed | with nominative: removed, one pseudonym |")
    print("|---|---|---|---:|---:|")
    for lang, gen in LANGS.items():
        bases = listed_bases(lang)
        items, skipped = [], set()
        for case, person, text, forms, nom in gen():
            if not all(fold(p) in bases for p in person):
                skipped.add(" ".join(person))
                continue
            for v in variants(case, person, text, forms, nom):
                items.append(v)
        alone = batch(lang, [t for _, _, _, t, _, _ in items])
        paired = batch(lang, [n + " " + t for _, _, _, t, _, n in items])
        stats, misses = {}, []
        for (var, case, person, text, forms, nom), a, p in zip(items, alone, paired):
            ok_a = not any(present(w, a) for w in forms)
            ok_p = not any(present(w, p) for w in forms + list(person)) and len(set(LABEL.findall(p))) == 1
            st = stats.setdefault((case, var), [0, 0, 0])
            st[0] += 1
            st[1] += ok_a
            st[2] += ok_p
            if not (ok_a and ok_p):
                misses.append(f"  {lang} {case} {var}: {text}\n    alone  -> {a}\n    paired -> {p}")
        for case in CASES:
            for var in ("both", "given", "surname"):
                if (case, var) in stats:
                    n, a, p = stats[(case, var)]
                    print(f"| {lang} | {case} | {var} | {a}/{n} | {p}/{n} |")
        n = sum(s[0] for s in stats.values())
        a = sum(s[1] for s in stats.values())
        p = sum(s[2] for s in stats.values())
        total[lang] = (n, a, p)
        print(f"| {lang} | **all** | | **{a}/{n}** | **{p}/{n}** |")
        if skipped:
            print(f"<!-- {lang}: not in the lists, skipped: {', '.join(sorted(skipped))} -->")
        if show and misses:
            print("\n".join(misses), file=sys.stderr)
    n = sum(v[0] for v in total.values())
    print(f"| all | | | {sum(v[1] for v in total.values())}/{n} | {sum(v[2] for v in total.values())}/{n} |")


if __name__ == "__main__":
    main()
