#!/usr/bin/env python3
"""Makes the fixed train/dev/test split of the wirecopy corpus from the per-style draft files.

Usage: python3 training-data/split.py DRAFT.jsonl... --out training-data
Within each style, articles are ordered by SHA-256 of their id and cut 70/15/15 (rounded), so the split is
stratified by style, deterministic, and does not depend on file order. Each article gets a "split" field.
"""
import argparse, hashlib, json, collections, os

ap = argparse.ArgumentParser()
ap.add_argument("files", nargs="+")
ap.add_argument("--out", required=True)
args = ap.parse_args()
by_style = collections.defaultdict(list)
for fn in args.files:
    with open(fn, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                by_style[a["style"]].append(a)
out = {"train": [], "dev": [], "test": []}
for style in sorted(by_style):
    arts = sorted(by_style[style], key=lambda a: hashlib.sha256(a["id"].encode()).hexdigest())
    n = len(arts)
    n_dev = round(n * 0.15)
    n_test = round(n * 0.15)
    for i, a in enumerate(arts):
        split = "dev" if i < n_dev else "test" if i < n_dev + n_test else "train"
        b = {"id": a["id"], "style": a["style"], "source": a["source"], "split": split,
             "paragraphs": a["paragraphs"]}
        out[split].append(b)
for split, arts in out.items():
    arts.sort(key=lambda a: a["id"])
    with open(os.path.join(args.out, split + ".jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(split, len(arts), "articles", sum(len(a["paragraphs"]) for a in arts), "paragraphs")
