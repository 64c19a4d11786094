#!/usr/bin/env python3
"""Names of people of every origin in CVs and cover letters.

Pairs the given names and surnames of one country (sigpwned's popular names,
all countries, romanised and in their own script) and puts them into the
frames a CV or a letter uses, in the seven languages of techdiv: a references
line, "worked with A, B and C", the name alone on the first line, a signature,
"my manager X Y" and a sentence that starts with the name. A person counts
as removed when one name finding covers every byte of the name and no other
person's. A set of CV lines without any person (skills, tools, schools,
companies, places, levels) must come out unchanged.

Run from the repository root (test-only data, read at run time):
    python3 bench/anonymize/cvnames.py [--binary PATH] [--data DIR] [--misses [N]]
(PATH: the anon_batch harness, default build/src/domain/anonymize/anon_batch.)
"""
import argparse
import collections
import csv
import json
import os
import random
import subprocess
import sys

DATA = os.path.join("..", "shared", "data", "names", "sigpwned")
SEED = 5
PER_FRAME = 2  # documents per country, frame, language and script

# Countries of the forename list without surnames there: a neighbour that
# shares the naming, or "patronymic" (a father's given name as surname,
# as in the Arab world, Iran, Pakistan, Malaysia, Mongolia).
DONOR = {
    "AD": "ES", "AW": "NL", "BO": "PE", "CY": "GR", "EC": "CO", "GG": "GB", "GI": "GB",
    "GL": "DK", "GQ": "ES", "HT": "FR", "IM": "GB", "JE": "GB", "JM": "GB", "KG": "RU",
    "LI": "AT", "MC": "FR", "PA": "MX", "PF": "FR", "PR": "US", "SM": "IT", "TJ": "RU",
    "UY": "AR", "VE": "CO", "ZA": "GB", "ML": "FR",
    # surname-only countries: given names of a neighbour
    "CR": "MX", "CU": "MX", "DO": "MX", "GT": "MX", "SR": "NL", "XK": "AL", "LK": "IN",
    "FJ": "IN", "VN": None, "KH": None,
}
REGION = {
    "West/North Europe": "AD AT BE CH DE DK ES FI FO FR GB GG GI GL IE IM IS IT JE LI LU MC MT NL NO PT SM".split(),
    "Central/East Europe, Balkans": "AL BA BG BY CY CZ EE GR HR HU LT LV MD ME MK PL RO RS RU SI SK UA XK".split(),
    "Caucasus, Central Asia, Turkey": "AM AZ GE KG KZ TJ TR MN".split(),
    "Middle East, North Africa": "AE DZ EG IL IQ IR JO KW LB LY MA SA TN".split(),
    "Sub-Saharan Africa": "GQ ML ZA".split(),
    "South Asia": "BD IN LK NP PK".split(),
    "East, Southeast Asia": "CN JP KR TW TH MY PH VN KH".split(),
    "Americas": "AR AW BO BR CA CL CO CR CU DO EC GT HT JM MX PA PE PR PY SR SV US UY VE".split(),
    "Oceania": "AU NZ PF FJ".split(),
}

COUNTRY_REGION = {c: r for r, cs in REGION.items() for c in cs}
# Surnames with a capitalised particle ("De Luca", "Ó Murchú", "Van den Berg")
# are another round's work: measured apart.
PARTICLES = {"de", "di", "da", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "le", "la",
             "ó", "o", "mac", "mc", "el", "al", "ben", "bin", "ibn", "abu", "st", "saint", "ter", "ten"}

ROLES = {
    "en": ("team lead", "project manager"), "it": ("responsabile del team", "project manager"),
    "pt": ("chefe de equipa", "gestor de projeto"), "pl": ("kierownik zespołu", "kierownik projektu"),
    "ro": ("șef de echipă", "manager de proiect"), "el": ("επικεφαλής ομάδας", "διευθυντής έργου"),
    "sl": ("vodja ekipe", "projektni vodja"),
}
FRAMES = {
    "en": {
        "refs": "Work experience: web developer, 2019-2023.\nReferences: {A} ({r0}), {B} ({r1}), {C}.",
        "with": "I worked with {A}, {B} and {C} on the Django migration.",
        "header": "{A}\nSoftware developer\nSkills: Python, SQL, Docker",
        "signature": "Dear hiring manager,\nI am applying for the data analyst position.\nKind regards,\n{A}",
        "manager": "I reported to my manager {A} for two years.",
        "start": "I joined the company in 2019. {A} led the team of five developers.",
    },
    "it": {
        "refs": "Esperienza: sviluppatore web, 2019-2023.\nReferenze: {A} ({r0}), {B} ({r1}), {C}.",
        "with": "Ho lavorato con {A}, {B} e {C} alla migrazione del sito.",
        "header": "{A}\nSviluppatore software\nCompetenze: Python, SQL, Docker",
        "signature": "Gentile responsabile,\nmi candido per la posizione di analista.\nCordiali saluti,\n{A}",
        "manager": "Il mio responsabile {A} può confermare il mio lavoro.",
        "start": "Sono entrato in azienda nel 2019. {A} guidava il team di cinque sviluppatori.",
    },
    "pt": {
        "refs": "Experiência: programador web, 2019-2023.\nReferências: {A} ({r0}), {B} ({r1}), {C}.",
        "with": "Trabalhei com {A}, {B} e {C} na migração do site.",
        "header": "{A}\nProgramador de software\nCompetências: Python, SQL, Docker",
        "signature": "Exmos. Senhores,\ncandidato-me à vaga de analista de dados.\nCom os melhores cumprimentos,\n{A}",
        "manager": "O meu gestor {A} pode confirmar o meu trabalho.",
        "start": "Entrei na empresa em 2019. {A} liderou a equipa de cinco programadores.",
    },
    "pl": {
        "refs": "Doświadczenie: programista, 2019-2023.\nReferencje: {A} ({r0}), {B} ({r1}), {C}.",
        "with": "Mój zespół tworzyli {A}, {B} i {C}.",
        "header": "{A}\nProgramista\nUmiejętności: Python, SQL, Docker",
        "signature": "Szanowni Państwo,\nubiegam się o stanowisko analityka danych.\nZ poważaniem,\n{A}",
        "manager": "Mój kierownik {A} może potwierdzić moją pracę.",
        "start": "Dołączyłem do firmy w 2019 roku. {A} kierował zespołem pięciu programistów.",
    },
    "ro": {
        "refs": "Experiență: programator web, 2019-2023.\nReferințe: {A} ({r0}), {B} ({r1}), {C}.",
        "with": "Am lucrat cu {A}, {B} și {C} la migrarea site-ului.",
        "header": "{A}\nProgramator\nCompetențe: Python, SQL, Docker",
        "signature": "Stimată doamnă, stimate domn,\nvă trimit candidatura pentru postul de analist.\nCu stimă,\n{A}",
        "manager": "Managerul meu {A} poate confirma activitatea mea.",
        "start": "Am început în 2019. {A} a condus echipa de cinci programatori.",
    },
    "el": {
        "refs": "Εμπειρία: προγραμματιστής, 2019-2023.\nΣυστάσεις: {A} ({r0}), {B} ({r1}), {C}.",
        "with": "Στην ομάδα ήταν οι {A}, {B} και {C}.",
        "header": "{A}\nΠρογραμματιστής\nΔεξιότητες: Python, SQL, Docker",
        "signature": "Αξιότιμοι κύριοι,\nυποβάλλω αίτηση για τη θέση αναλυτή δεδομένων.\nΜε εκτίμηση,\n{A}",
        "manager": "Ο προϊστάμενός μου {A} μπορεί να επιβεβαιώσει τη δουλειά μου.",
        "start": "Ξεκίνησα στην εταιρεία το 2019. {A} ηγήθηκε της ομάδας πέντε προγραμματιστών.",
    },
    "sl": {
        "refs": "Delovne izkušnje: razvijalec, 2019-2023.\nReference: {A} ({r0}), {B} ({r1}), {C}.",
        "with": "V ekipi so bili {A}, {B} in {C}.",
        "header": "{A}\nRazvijalec programske opreme\nZnanja: Python, SQL, Docker",
        "signature": "Spoštovani,\nprijavljam se na delovno mesto analitika podatkov.\nLep pozdrav,\n{A}",
        "manager": "Moj vodja {A} lahko potrdi moje delo.",
        "start": "V podjetje sem prišel leta 2019. {A} je vodil ekipo petih razvijalcev.",
    },
}

# CV lines without a person: they must come out unchanged (any language).
SURVIVE = {
    "en": [
        "Skills: Julia, Python, Ruby on Rails, Jenkins", "Tools: Jira, Confluence, Jenkins, Travis CI, Ansible",
        "Languages: English C1, French B2, Arabic (native), Tigrinya (native)", "Erasmus+ in Lisbon, 2018",
        "Max 5 people in my team", "Frank feedback and clear goals", "Universitatea Babeș-Bolyai, Cluj-Napoca",
        "Sapienza University of Rome, MSc Computer Science", "Deutsche Bank, Frankfurt am Main",
        "Worked at Accenture, Deloitte and Capgemini", "Certifications: AWS Solutions Architect, Scrum Master",
        "Volunteer at the Red Cross in Athens", "Databases: MongoDB, PostgreSQL, Cassandra, Redis",
        "Frameworks: Django, Flask, Spring Boot, Angular, Vue.js", "Education: Makerere University, Kampala",
        "Internship at Banca Transilvania, Cluj", "Driving licence B", "Office: Word, Excel, PowerPoint",
        "Hobbies: football, chess, Jordan hiking trips", "Grace period, Will to learn, Hope for the best",
        "I worked with Python, Go and Rust on the migration.", "Interests: Amazon Web Services, Google Cloud",
        "Agile, Kanban and Scrum with Jira", "Mark the date: Summer School in Ljubljana",
        "With Docker, Kubernetes and Terraform", "Addis Ababa University, Ethiopia",
        "Taught English in Kyiv and Kharkiv", "Languages: Ukrainian C2, Russian C2, Polish B1",
        "Adobe Photoshop, Illustrator, InDesign", "Cairo University, Faculty of Engineering",
    ],
    "it": [
        "Competenze: Python, Java, Ruby on Rails, Jenkins", "Lingue: italiano C2, inglese B2, arabo madrelingua",
        "Università degli Studi di Milano, Laurea in Informatica", "Erasmus+ a Lisbona, 2018",
        "Ho lavorato con Python, Django e PostgreSQL", "Tirocinio presso Intesa Sanpaolo, Torino",
        "Volontariato alla Croce Rossa di Bari", "Strumenti: Jira, Confluence, Trello, Slack",
    ],
    "pt": [
        "Competências: Python, Java, Ruby on Rails, Jenkins", "Línguas: português C2, inglês B2, crioulo (nativo)",
        "Universidade de Lisboa, Instituto Superior Técnico", "Erasmus+ em Madrid, 2018",
        "Trabalhei com Python, Django e PostgreSQL", "Estágio na Caixa Geral de Depósitos, Porto",
        "Ferramentas: Jira, Confluence, Trello, Slack",
    ],
    "pl": [
        "Umiejętności: Python, Java, Ruby on Rails, Jenkins", "Języki: polski C2, angielski B2, ukraiński C1",
        "Uniwersytet Jagielloński, Kraków", "Erasmus+ w Lizbonie, 2018", "Staż w PKO Bank Polski, Warszawa",
        "Narzędzia: Jira, Confluence, Trello, Slack",
    ],
    "ro": [
        "Competențe: Python, Java, Ruby on Rails, Jenkins", "Limbi: română C2, engleză B2, romani (nativ)",
        "Universitatea Babeș-Bolyai, Cluj-Napoca", "Erasmus+ la Lisabona, 2018",
        "Am lucrat cu Python, Django și PostgreSQL", "Stagiu la Banca Transilvania, Cluj",
        "Instrumente: Jira, Confluence, Trello, Slack",
    ],
    "el": [
        "Δεξιότητες: Python, Java, Ruby on Rails, Jenkins", "Γλώσσες: ελληνικά C2, αγγλικά B2, αραβικά",
        "Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών", "Erasmus+ στη Λισαβόνα, 2018",
        "Εργαλεία: Jira, Confluence, Trello, Slack",
    ],
    "sl": [
        "Znanja: Python, Java, Ruby on Rails, Jenkins", "Jeziki: slovenščina C2, angleščina B2",
        "Univerza v Ljubljani, Fakulteta za računalništvo", "Erasmus+ v Lizboni, 2018",
        "Orodja: Jira, Confluence, Trello, Slack",
    ],
}


# Written for this harness: people of the origins the platform serves that
# sigpwned has few or no names for (East and West Africa, Afghanistan,
# Kurdistan, Ukraine, Roma), given names that are common words of English
# ("Frank", "Grace", "Blessing") and hyphenated given names. sigpwned's
# names are in the anonymiser's world lists already; these mostly are not.
PROBE = [
    ("Tigist", "Bekele"), ("Abebe", "Girma"), ("Yonas", "Tesfaye"), ("Selam", "Haile"), ("Senait", "Gebremedhin"),
    ("Samuel", "Tesfamariam"), ("Abdi", "Warsame"), ("Hodan", "Farah"), ("Fadumo", "Abdi"), ("Kwame", "Mensah"),
    ("Kofi", "Boateng"), ("Ama", "Owusu"), ("Chinonso", "Okafor"), ("Oluwaseun", "Adeyemi"), ("Ngozi", "Eze"),
    ("Emeka", "Nwosu"), ("Amadou", "Traoré"), ("Fatoumata", "Coulibaly"), ("Abdoulaye", "Diallo"),
    ("Aminata", "Touré"), ("Ousmane", "Sow"), ("Awa", "Ndiaye"), ("Moussa", "Camara"), ("Lamin", "Jallow"),
    ("Isatou", "Ceesay"), ("Hamid", "Karimi"), ("Zarmina", "Ahmadzai"), ("Gulalai", "Wardak"), ("Shirin", "Rostami"),
    ("Farhad", "Azizi"), ("Dilan", "Yıldız"), ("Rojda", "Barzani"), ("Oleksandr", "Shevchenko"),
    ("Olena", "Kovalenko"), ("Bohdan", "Tkachenko"), ("Nadia", "Hussaini"), ("Ahmad", "Rahimi"),
    ("Halima", "Yusuf"), ("Joseph", "Habimana"), ("Claudine", "Uwase"), ("Esperance", "Niyonzima"),
    ("Gheorghe", "Lăcătuș"), ("Florica", "Stoica"), ("Ramadan", "Berisha"), ("Shkurte", "Krasniqi"),
    # given names that are common words, before a listed surname
    ("Frank", "Miller"), ("Julia", "Kowalska"), ("Max", "Weber"), ("Jordan", "Lee"), ("Grace", "Okoro"),
    ("Hope", "Mwangi"), ("Mark", "Evans"), ("Rose", "Wanjiru"), ("Joy", "Achieng"), ("Faith", "Otieno"),
    ("Precious", "Moyo"), ("Blessing", "Chukwu"), ("Patience", "Mensah"), ("Victoria", "Muñoz"),
    ("Santiago", "Hernández"), ("Florence", "Davies"), ("Georgia", "Papadaki"), ("Will", "Turner"),
    # hyphenated given names
    ("Jean-Baptiste", "Mbappé"), ("Anna-Maria", "Lindqvist"), ("Jean-Pierre", "Habimana"),
    ("Marie-Claire", "Uwimana"), ("Mohammad-Reza", "Karimi"), ("Ana-Maria", "Tudose"), ("Hans-Peter", "Gruber"),
]


PROSE = {"en": "Summary of my experience.", "it": "Sintesi della mia esperienza.",
         "pt": "Resumo da minha experiência.", "pl": "Podsumowanie mojego doświadczenia.",
         "ro": "Rezumatul experienței mele.", "el": "Περίληψη της εμπειρίας μου.", "sl": "Povzetek mojih izkušenj."}


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def name_lists():
    """{country: (givens, surnames)}: lists of (localized, romanized)."""
    fore, sur = collections.defaultdict(list), collections.defaultdict(list)
    for r in load(os.path.join(DATA, "common-forenames-by-country.csv")):
        fore[r["Country"]].append((r["Localized Name"], r["Romanized Name"] or r["Localized Name"], r["Gender"]))
    for r in load(os.path.join(DATA, "common-surnames-by-country.csv")):
        loc = r["Localized Name"] or r["Romanized Name"]
        sur[r["Country"]].append((loc, r["Romanized Name"] or loc))
    out = {}
    for c in sorted(set(fore) | set(sur)):
        if c in fore and c in sur:
            out[c] = (fore[c], sur[c])
        elif c in fore:  # a neighbour's surnames, or a father's given name
            d = DONOR.get(c)
            out[c] = (fore[c], sur[d] if d else [(lo, ro) for lo, ro, g in fore[c] if g == "M"])
        elif DONOR.get(c):
            out[c] = (fore[DONOR[c]], sur[c])
    for c in out:  # a few entries of the data are cut or padded ("thaniel", "Sah\xa0")
        g, s = out[c]
        out[c] = ([x for x in g if x[1].strip() and x[1][0].isupper()],
                  [x for x in s if x[1].strip() and x[1][0].isupper()])
        out[c] = ([tuple(v.strip() for v in x[:2]) + tuple(x[2:]) for x in out[c][0]],
                  [tuple(v.strip() for v in x) for x in out[c][1]])
    out["probe"] = ([(g, g, "?") for g, _ in PROBE], [(s, s) for _, s in PROBE])
    return out


def particle_surname(s):
    w = s.replace("'", " ").replace("’", " ").split()
    return len(w) > 1 and w[0].lower() in PARTICLES


def cjk(s):
    return any(0x3000 <= ord(ch) <= 0x9FFF or 0xAC00 <= ord(ch) <= 0xD7AF for ch in s)


def script_of(s):
    """"latin" or the first letter's Unicode script block (coarse)."""
    for ch in s:
        if cjk(ch):
            return "cjk"
        if ch.isalpha() and ord(ch) >= 0x250 and not 0x1E00 <= ord(ch) <= 0x1EFF:
            return ord(ch) >> 7
    return "latin"


def people(rng, country, lists, script, k):
    """k persons of a country, given name and surname in one script: the
    romanised forms, or both in the country's own (non-Latin) script."""
    givens, surs = lists
    out = []
    if country == "probe":
        return [" ".join(p) for p in rng.sample(PROBE, k)]
    for _ in range(k * 20):
        if len(out) == k:
            break
        g, s = rng.choice(givens), rng.choice(surs)
        gi, si = (0, 0) if script == "local" else (1, 1)
        gn, sn = g[gi], s[si]
        if script == "local" and (script_of(gn) == "latin" or script_of(gn) != script_of(sn)):
            continue
        if cjk(gn + sn):
            out.append(sn + gn)  # family name first, no space: 王伟, 김민준
        else:
            out.append(gn + " " + sn)
    return out


def build_docs(rng, lists):
    docs = []  # (text, lang, frame, country, script, [(start_byte, end_byte, name)])
    for lang, frames in FRAMES.items():
        for frame, tpl in frames.items():
            for c in sorted(lists):
                scripts = ["roman"]
                if any(script_of(g[0]) != "latin" for g in lists[c][0]):
                    scripts.append("local")
                for script in scripts:
                    for _ in range(PER_FRAME * (10 if c == "probe" else 1)):
                        names = people(rng, c, lists[c], script, 3)
                        if len(set(names)) < 3 or len(names) < 3:
                            continue
                        docs.append(fill(tpl, lang, frame, c, script, names))
    return docs


def fill(tpl, lang, frame, c, script, names):
    r0, r1 = ROLES[lang]
    text = tpl.format(A="\0A", B="\0B", C="\0C", r0=r0, r1=r1)
    spans, out, b = [], "", 0
    parts = text.split("\0")
    out = parts[0]
    for p in parts[1:]:
        n = names["ABC".index(p[0])]
        start = len(out.encode())
        out += n
        spans.append((start, len(out.encode()), n))
        out += p[1:]
    return (out, lang, frame, c, script, spans)


def run_batch(binary, lang, texts, data="data"):
    env = dict(os.environ, TECHDIV_DATA=data)
    payload = b"\0".join(t.encode() for t in texts)
    p = subprocess.run([binary, "--lang", lang], input=payload, capture_output=True, env=env, check=True)
    return [json.loads(line) for line in p.stdout.decode().split("\n") if line]


def removed(findings, start, end, spans):
    """One name finding covers [start, end) and no other person's name."""
    for a, b, cat in findings:
        if cat == "name" and a <= start and end <= b:
            return not any((s, e) != (start, end) and a < e and s < b for s, e, _ in spans)
    return False


def ratio(ok, n):
    return f"{ok / n:.3f} ({ok}/{n})" if n else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join("build", "src", "domain", "anonymize", "anon_batch"))
    ap.add_argument("--data", default="data", help="the word lists (TECHDIV_DATA), to measure another version")
    ap.add_argument("--misses", nargs="?", const=100, type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(SEED)
    docs = build_docs(rng, name_lists())
    tally = collections.defaultdict(lambda: [0, 0])
    misses = []
    for lang in FRAMES:
        mine = [d for d in docs if d[1] == lang]
        for d, r in zip(mine, run_batch(args.binary, lang, [d[0] for d in mine], args.data)):
            text, _, frame, c, script, spans = d
            for s, e, n in spans:
                ok = removed(r["findings"], s, e, spans)
                part = particle_surname(n.split(" ", 1)[-1])
                keys = [("particle surnames", "all")] if part else [
                    ("all", "all"), ("lang", lang), ("frame", frame), ("script", script),
                    ("region", COUNTRY_REGION.get(c, "probe (hand-written)"))]
                if c == "probe":
                    keys = [("probe", "all"), ("probe", lang), ("probe", frame)]
                for k in keys:
                    tally[k][0] += ok
                    tally[k][1] += 1
                if not ok and not part:
                    misses.append(f"{lang} {frame} {c} {n!r}: {r['text']!r}")
    print("recall of names (every byte, one pseudonym per person), seed", SEED)
    for group in ("all", "lang", "frame", "script", "region", "particle surnames", "probe"):
        for (g, k), (ok, n) in sorted(tally.items()):
            if g == group:
                print(f"  {g:8} {k:32} {ratio(ok, n)}")
    changed, total = 0, 0
    for lang, lines in SURVIVE.items():
        # after a line of prose: a document's first line may be its writer's name
        pre = PROSE[lang] + "\n"
        for line, r in zip(lines, run_batch(args.binary, lang, [pre + line for line in lines], args.data)):
            total += 1
            if any(b > len(pre.encode()) for a, b, _ in r["findings"]):
                changed += 1
                misses.append(f"CHANGED {lang}: {line!r} -> {r['text']!r}")
    print(f"  survive lines changed: {changed}/{total}")
    if args.misses:
        changed_lines = [m for m in misses if m.startswith("CHANGED")]
        rest = [m for m in misses if not m.startswith("CHANGED")]
        random.Random(1).shuffle(rest)
        for m in changed_lines + rest[:args.misses]:
            print(m)


if __name__ == "__main__":
    sys.exit(main())
