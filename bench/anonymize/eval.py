#!/usr/bin/env python3
"""Accuracy and speed of the anonymiser against two npm peers.

Run through bench/anonymize/run (it builds, installs the peers, then calls
this). Corpora are read from ../shared/data/pii relative to the repository
root. Scoring follows the TAB benchmark: an entity (same value in the same
document) counts as protected only if every one of its mentions is removed.
"""
import html
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from difflib import SequenceMatcher

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PII = os.path.join(ROOT, "..", "shared", "data", "pii")
OUT = os.path.join(ROOT, "bench", "out")
BUILD = os.environ.get("BUILD", os.path.join(ROOT, "build"))

# gold label -> group scored
GROUPS = {
    "PERSON": "names", "Name": "names", "PER": "names",
    "EMAIL_ADDRESS": "contacts", "Email Address": "contacts", "PHONE_NUMBER": "contacts",
    "CREDIT_CARD": "identifiers", "IBAN_CODE": "identifiers", "US_SSN": "identifiers",
    "US_DRIVER_LICENSE": "identifiers",
    "STREET_ADDRESS": "address", "ZIP_CODE": "address",
    "AGE": "age", "NRP": "nationality", "NAT_REL_POL": "nationality",
}
# our categories whose precision each corpus can judge (others are not annotated there)
JUDGED = {
    "presidio": None,  # None: every category except the gendered rewrites
    "dotin": {"name", "email"},
    "ronec": {"name", "nationality", "religion"},
    "uner-pt": {"name"},
}
CAT_GROUP = {"name": "names", "email": "contacts", "phone": "contacts", "url": "contacts",
             "handle": "contacts", "national_id": "identifiers", "iban": "identifiers",
             "card": "identifiers", "address": "address", "age": "age",
             "nationality": "nationality", "religion": "nationality"}


def presidio():
    data = json.load(open(os.path.join(PII, "presidio-research", "synth_dataset_v2.json")))
    docs = []
    for d in data:
        spans = [(s["start_position"], s["end_position"], s["entity_type"]) for s in d["spans"]]
        docs.append({"text": d["full_text"], "spans": spans})
    return [("presidio", "all", "en", docs)]


LABEL = re.compile(r'<label type="([^"]+)">(.*?)</label>', re.S)


def dotin_doc(xml):
    body = xml.split("<cv>", 1)[-1].rsplit("</cv>", 1)[0]
    text, spans, pos = [], [], 0
    for m in LABEL.finditer(body):
        text.append(html.unescape(re.sub(r"<[^>]+>", "", body[pos:m.start()])))
        start = sum(len(t) for t in text)
        val = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
        text.append(val)
        spans.append((start, start + len(val), m.group(1)))
        pos = m.end()
    text.append(html.unescape(re.sub(r"<[^>]+>", "", body[pos:])))
    return {"text": "".join(text), "spans": spans}


def dotin():
    out = []
    for split, name in (("dev", "545_cvs_train_v2.zip"), ("test", "set_aside_test_v2_50cvs.zip")):
        z = zipfile.ZipFile(os.path.join(PII, "dotin-resume", name))
        docs = [dotin_doc(z.read(n).decode("utf-8", "replace"))
                for n in sorted(z.namelist()) if n.endswith(".xml")]
        out.append(("dotin", split, "en", docs))
    return out


def group_sentences(sents, size=20):
    docs = []
    for i in range(0, len(sents), size):
        text, spans = "", []
        for s_text, s_spans in sents[i:i + size]:
            base = len(text)
            text += s_text + "\n"
            spans += [(a + base, b + base, t) for a, b, t in s_spans]
        docs.append({"text": text, "spans": spans})
    return docs


def bio_spans(offs, tags):
    spans, cur = [], None
    for (a, b), tag in zip(offs, tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (not cur or cur[2] != tag[2:])):
            if cur:
                spans.append(tuple(cur))
            cur = [a, b, tag[2:]]
        elif tag.startswith("I-"):
            cur[1] = b
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return spans


def proper_part(text, a, b, t):
    """A PERSON span from its first capitalised word on ("etologul Richard Dawkins" ->
    "Richard Dawkins"); None when it has none ("jucători")."""
    if t != "PERSON":
        return (a, b, t)
    m = re.search(r"(?<!\w)[^\W\d_]", text[a:b])
    while m and not m.group().isupper():
        m = re.compile(r"(?<!\w)[^\W\d_]").search(text[a:b], m.end())
    return (a + m.start(), b, t) if m else None


def trim_apposition(text, span):
    """Drops lower-case words after a PERSON's last capitalised word
    ("Adrian Bodo, directorul" -> "Adrian Bodo"): an apposition, not a name."""
    a, b, t = span
    if t != "PERSON":
        return span
    words = list(re.finditer(r"[^\W\d_][\w.'-]*", text[a:b]))
    caps = [m for m in words if m.group()[0].isupper()]
    return (a, a + caps[-1].end(), t) if caps else span


def ronec():
    out = []
    data = {split: json.load(open(os.path.join(PII, "ronec", name)))
            for split, name in (("dev", "valid.json"), ("test", "test.json"))}
    # words the corpus also writes in lower case: common nouns ("mama", "senatorul")
    lower = {tok for sents in data.values() for s in sents for tok in s["tokens"]
             if tok[:1].islower()}
    for split, sents_in in data.items():
        sents = []
        for s in sents_in:
            text, offs = "", []
            for tok, sp in zip(s["tokens"], s["space_after"]):
                offs.append((len(text), len(text) + len(tok)))
                text += tok + (" " if sp else "")
            spans = bio_spans(offs, s["ner_tags"])
            # RONEC's PERSON also tags common nouns for people ("jucători", "tatăl",
            # "președintele"); only proper names (capitalised) are personal data here.
            spans = [sp for sp in (proper_part(text, a, b, t) for a, b, t in spans) if sp]
            spans = [trim_apposition(text, sp) for sp in spans]
            # a common noun capitalised only because it starts the sentence ("Mama
            # lor", "Senatorul democrat") is not a name either
            spans = [(a, b, t) for a, b, t in spans
                     if not (t == "PERSON" and a == 0 and " " not in text[a:b]
                             and text[a:b].lower() in lower)]
            sents.append((text, spans))
        out.append(("ronec", split, "ro", group_sentences(sents)))
    return out


def uner():
    out = []
    for split in ("dev", "test"):
        sents, text, toks, tags = [], None, [], []
        for line in open(os.path.join(PII, "uner-pt-bosque", f"pt_bosque-ud-{split}.iob2"),
                         encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[9:]
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if text is not None and toks:
                    offs, p = [], 0
                    for t in toks:
                        k = text.find(t, p)
                        k = p if k < 0 else k
                        offs.append((k, k + len(t)))
                        p = k + len(t)
                    sents.append((text, bio_spans(offs, tags)))
                text, toks, tags = None, [], []
            else:
                cols = line.split("\t")
                if len(cols) >= 3 and cols[0].isdigit():
                    toks.append(cols[1])
                    tags.append(cols[2])
        out.append(("uner-pt", split, "pt", group_sentences(sents)))
    return out


# ---------- running the tools ----------

def run_ours(docs):
    payload = b"\0".join(d["text"].encode("utf-8") for d in docs)
    t0 = time.perf_counter()
    p = subprocess.run([os.path.join(BUILD, "src", "domain", "anonymize", "anon_batch")], input=payload, capture_output=True,
                       check=True)
    dt = time.perf_counter() - t0
    res = [json.loads(l) for l in p.stdout.decode().split("\n") if l]
    for d, r in zip(docs, res):
        b2c = byte_to_char(d["text"])
        r["cfind"] = [(b2c[a], b2c[b], c) for a, b, c in r["findings"]]
    return res, dt, len(payload)


def byte_to_char(text):
    m, b = {}, 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


TOK = re.compile(r"\w+|[^\w\s]", re.U)


def removed_mask(src, dst):
    """Characters of src that dst no longer has, by token alignment."""
    a = [(m.start(), m.end(), m.group()) for m in TOK.finditer(src)]
    b = [m.group() for m in TOK.finditer(dst)]
    sm = SequenceMatcher(None, [t for _, _, t in a], b, autojunk=False)
    mask = bytearray(len(src))
    kept = bytearray(len(a))
    for blk in sm.get_matching_blocks():
        for k in range(blk.a, blk.a + blk.size):
            kept[k] = 1
    for k, (s, e, _) in enumerate(a):
        if not kept[k]:
            for i in range(s, e):
                mask[i] = 1
    return mask


def mask_from_findings(text, finds, skip=("gendered_form",)):
    mask = bytearray(len(text))
    for a, b, c in finds:
        if c in skip:
            continue
        for i in range(a, min(b, len(text))):
            mask[i] = 1
    return mask


def protected(text, mask, a, b):
    return all(mask[i] or not text[i].isalnum() for i in range(a, min(b, len(text))))


def recall(docs, masks):
    ent = defaultdict(lambda: [0, 0])  # group -> [protected, total]
    men = defaultdict(lambda: [0, 0])
    for di, (d, mask) in enumerate(zip(docs, masks)):
        by_entity = defaultdict(list)
        for a, b, t in d["spans"]:
            g = GROUPS.get(t)
            if g:
                by_entity[(g, d["text"][a:b].strip().casefold())].append(protected(d["text"], mask, a, b))
        for (g, _), ps in by_entity.items():
            ent[g][1] += 1
            ent[g][0] += all(ps)
            men[g][1] += len(ps)
            men[g][0] += sum(ps)
    return ent, men


def show_misses(corpus, split, docs, masks, group="names", limit=40):
    """SHOW_MISSES=N: print up to N missed entities of a group with context
    (for studying misses; the dev splits only, to keep test splits unseen)."""
    shown = 0
    for d, mask in zip(docs, masks):
        for a, b, t in d["spans"]:
            if GROUPS.get(t) != group or protected(d["text"], mask, a, b):
                continue
            ctx = d["text"][max(0, a - 50):b + 30].replace("\n", " | ")
            print(f"  MISS {corpus}/{split} {d['text'][a:b]!r}: ...{ctx}...")
            shown += 1
            if shown >= limit:
                return


def overlaps(spans, a, b):
    return any(s < b and a < e for s, e, _ in spans)


def precision_ours(corpus, docs, res):
    """A finding is correct when it overlaps a gold span; a name finding only
    when it overlaps a person's (not a company, a street or a town named
    after one). Other categories are judged against any span: a phone
    finding on a licence number still removed an identifier."""
    judged = JUDGED[corpus]
    per = defaultdict(lambda: [0, 0])
    for d, r in zip(docs, res):
        for a, b, c in r["cfind"]:
            if c in ("gendered_form",) or (judged is not None and c not in judged):
                continue
            if corpus == "presidio" and c == "gender":
                continue  # pronoun rewrites are not removals
            spans = [s for s in d["spans"] if GROUPS.get(s[2]) == "names"] if c == "name" else d["spans"]
            per[c][1] += 1
            per[c][0] += overlaps(spans, a, b)
    return per


def runs(mask):
    out, i = [], 0
    while i < len(mask):
        if mask[i]:
            j = i
            while j < len(mask) and mask[j]:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def precision_removals(docs, masks):
    tp = tot = 0
    for d, m in zip(docs, masks):
        for a, b in runs(m):
            if not any(ch.isalnum() for ch in d["text"][a:b]):
                continue
            tot += 1
            tp += overlaps(d["spans"], a, b)
    return tp, tot


def run_peers(docs):
    path = os.path.join(OUT, "peer_docs.json")
    json.dump([d["text"] for d in docs], open(path, "w"))
    p = subprocess.run(["node", os.path.join(ROOT, "bench", "anonymize", "peers.js"), path],
                       capture_output=True, check=True, cwd=os.path.join(OUT, "npm"))
    return json.loads(p.stdout)


def fmt(pt):
    p, t = pt
    return f"{p / t:.3f} ({p}/{t})" if t else "n/a"


def main():
    peers_on = os.environ.get("NO_PEERS") is None
    sets = presidio() + dotin() + ronec() + uner()
    if os.environ.get("ONLY"):  # e.g. ONLY=ronec: one corpus, for quick iterations
        sets = [st for st in sets if st[0] == os.environ["ONLY"]]
    report = {"sets": []}
    all_docs = []
    for corpus, split, lang, docs in sets:
        for d in docs:  # NUL separates documents for the harness; same length keeps offsets
            d["text"] = d["text"].replace("\0", " ")
        res, dt, nbytes = run_ours(docs)
        masks = [mask_from_findings(d["text"], r["cfind"]) for d, r in zip(docs, res)]
        ent, men = recall(docs, masks)
        prec = precision_ours(corpus, docs, res)
        if os.environ.get("SHOW_MISSES") and split != "test":
            show_misses(corpus, split, docs, masks, os.environ.get("MISS_GROUP", "names"),
                        int(os.environ["SHOW_MISSES"]))
        row = {"corpus": corpus, "split": split, "lang": lang, "docs": len(docs),
               "bytes": nbytes, "ours": {"recall": {g: v for g, v in ent.items()},
                                         "mention_recall": {g: v for g, v in men.items()},
                                         "precision": {c: v for c, v in prec.items()},
                                         "seconds": dt}}
        langs = defaultdict(int)
        for r in res:
            langs[r.get("lang")] += 1
        row["ours"]["detected_lang"] = dict(langs)
        if corpus == "presidio":
            row["ours"]["precision_removals"] = precision_removals(docs, masks)
        if peers_on:
            pr = run_peers(docs)
            row["peers"] = {}
            for name, out in pr.items():
                pm = [removed_mask(d["text"], t) for d, t in zip(docs, out["texts"])]
                pent, _ = recall(docs, pm)
                row["peers"][name] = {"recall": dict(pent), "seconds": out["seconds"],
                                      "errors": out.get("errors", 0)}
                if corpus == "presidio":
                    row["peers"][name]["precision_removals"] = precision_removals(docs, pm)
        report["sets"].append(row)
        all_docs += docs
        print_row(row)
    if not os.environ.get("NO_SPEED"):
        report["throughput"] = throughput(all_docs)
        print_tp(report["throughput"])
    json.dump(report, open(os.path.join(OUT, "anonymize-results.json"), "w"), indent=1)


def print_row(row):
    print(f"\n== {row['corpus']} ({row['split']}, {row['lang']}, {row['docs']} docs, "
          f"{row['bytes'] / 1e6:.2f} MB) detected: {row['ours']['detected_lang']}")
    groups = sorted(row["ours"]["recall"])
    print(f"  {'group':<12} {'ours: entity recall':<26} {'mention recall':<22}" +
          "".join(f" {n + ' recall':<26}" for n in row.get("peers", {})))
    for g in groups:
        print(f"  {g:<12} {fmt(row['ours']['recall'][g]):<26} {fmt(row['ours']['mention_recall'][g]):<22}" +
              "".join(f" {fmt(p['recall'].get(g, (0, 0))):<26}" for p in row.get("peers", {}).values()))
    print("  precision (ours, per category):",
          ", ".join(f"{c} {fmt(v)}" for c, v in sorted(row["ours"]["precision"].items())))
    by_group = defaultdict(lambda: [0, 0])
    for c, (tp, t) in row["ours"]["precision"].items():
        if c in CAT_GROUP:
            by_group[CAT_GROUP[c]][0] += tp
            by_group[CAT_GROUP[c]][1] += t
    print("  precision (ours, per group):", ", ".join(f"{g} {fmt(v)}" for g, v in sorted(by_group.items())))
    if "precision_removals" in row["ours"]:
        print(f"  precision of all removals: ours {fmt(row['ours']['precision_removals'])}" +
              "".join(f", {n} {fmt(p['precision_removals'])}" for n, p in row.get("peers", {}).items()))
    mb = row["bytes"] / 1e6
    print(f"  speed (per-document calls): ours {mb / row['ours']['seconds']:.2f} MB/s" +
          "".join(f", {n} {mb / p['seconds']:.3f} MB/s" for n, p in row.get("peers", {}).items()))


def throughput(docs):
    """One large input streamed through `techdiv anonymize` on one core."""
    big = os.path.join(OUT, "anonymize-big.txt")
    unit = "\n\n".join(d["text"] for d in docs).encode("utf-8")
    target = int(os.environ.get("BIG_MB", "100")) * 1000 * 1000
    with open(big, "wb") as f:
        n = 0
        while n < target:
            f.write(unit)
            f.write(b"\n\n")
            n += len(unit) + 2
    cmd = ["taskset", "-c", "0", "/usr/bin/time", "-f", "%e %U %S %M",
           os.path.join(BUILD, "techdiv"), "anonymize", "-"]
    with open(big, "rb") as fin:
        p = subprocess.run(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           check=True)
    secs, user, sys_, kb = p.stderr.decode().strip().splitlines()[-1].split()
    os.unlink(big)
    load = open("/proc/loadavg").read().split()[0]
    return {"bytes": n, "seconds": float(secs), "cpu_seconds": float(user) + float(sys_),
            "max_rss_kb": int(kb), "loadavg": load}


def print_tp(tp):
    print(f"\n== throughput: {tp['bytes'] / 1e6:.0f} MB through standard input, pinned to one core: "
          f"{tp['bytes'] / 1e6 / tp['cpu_seconds']:.1f} MB/s of CPU time "
          f"({tp['bytes'] / 1e6 / tp['seconds']:.1f} MB/s wall clock, load average {tp['loadavg']}), "
          f"peak RSS {tp['max_rss_kb'] / 1024:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
