#!/usr/bin/env python3
"""Where techdiv's English checker and alex disagree on the same ads.

usage: compare.py OURS.jsonl ALEX.jsonl
A finding "agrees" when the other tool has a finding overlapping the same
bytes. Prints per-category/per-rule counts and the most frequent texts
found by only one of the tools.
"""
import collections
import json
import sys


def load(path):
    return {d["id"]: d["findings"] for d in map(json.loads, open(path, encoding="utf-8")) if d}


def overlaps(f, others):
    return any(o["start"] < f["end"] and f["start"] < o["end"] for o in others)


def main():
    ours, alex = load(sys.argv[1]), load(sys.argv[2])
    ids = sorted(set(ours) & set(alex))
    only_ours, only_alex, both = collections.Counter(), collections.Counter(), collections.Counter()
    texts_ours, texts_alex = collections.Counter(), collections.Counter()
    ads_ours = ads_alex = 0
    for i in ids:
        o = [f for f in ours[i] if f["end"] > f["start"]]  # pay-missing has no span
        a = alex[i]
        ads_ours += bool(ours[i])
        ads_alex += bool(a)
        for f in o:
            key = f["category"]
            if overlaps(f, a):
                both[key] += 1
            else:
                only_ours[key] += 1
                texts_ours[f'{key}: {f["text"].lower()}'] += 1
        for f in a:
            if not overlaps(f, o):
                only_alex[f["rule"]] += 1
                texts_alex[f'{f["rule"]}: {f["text"].lower()}'] += 1
    pay_missing = sum(any(f["category"] == "pay-missing" for f in ours[i]) for i in ids)
    print(f"ads compared: {len(ids)}; ads with any finding: techdiv {ads_ours}, alex {ads_alex}")
    print(f"techdiv pay-missing (alex has no such rule): {pay_missing} ads")
    print("findings both tools report (by techdiv category):", dict(both.most_common()))
    print("only techdiv (by category):", dict(only_ours.most_common()))
    print("only alex (by rule):", dict(only_alex.most_common(12)))
    print("top texts only techdiv:", [t for t, _ in texts_ours.most_common(10)])
    print("top texts only alex:", [t for t, _ in texts_alex.most_common(10)])


if __name__ == "__main__":
    main()
