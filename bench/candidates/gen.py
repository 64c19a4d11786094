#!/usr/bin/env python3
"""Writes N realistic candidate profiles as JSON Lines (for `techdiv import
candidates`): ESCO skill URIs from the shipped copy, CEFR languages, partner
cities, remote preference. usage: gen.py N OUT.jsonl [SEED]"""
import csv
import gzip
import json
import random
import sys


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    with gzip.open("data/esco/digitalSkillsCollection_en.csv.gz", "rt", encoding="utf-8") as f:
        uris = [row["conceptUri"] for row in csv.DictReader(f)]
    cities = ["Trikala", "Amarante", "Arezzo", "Bielsko-Biała", "Bucharest", "Idrija", "Larnaka", "Psachna"]
    langs = ["en", "el", "it", "pt", "pl", "ro", "sl", "uk", "ar"]
    levels = ["A1", "A2", "B1", "B2", "C1", "C2", "native"]
    remote = ["no", "hybrid", "only", "any"]
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            rec = {
                "external_id": f"ngo-{i:07d}",
                "skills": [{"uri": u, "level": rnd.randint(1, 4)} for u in rnd.sample(uris, rnd.randint(3, 15))],
                "languages": [{"code": c, "level": rnd.choice(levels)} for c in rnd.sample(langs, rnd.randint(1, 3))],
                "cities": rnd.sample(cities, rnd.randint(1, 2)),
                "remote": rnd.choice(remote),
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
