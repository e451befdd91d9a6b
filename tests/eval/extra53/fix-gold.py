#!/usr/bin/env python3
"""mkgold.py matches a surface anywhere, even inside a longer word: en-07's quoted
`In Europe` would be taken from `European regulators` one line earlier. Move that
span to the word itself (run after the mkgold loop of README.md)."""
import json
rows = [json.loads(l) for l in open("gold.jsonl")]
for d in rows:
    if d["id"].startswith("en-07-"):
        b = d["text"].encode("utf-8")
        for e in d["entities"]:
            if e["text"] == "Europe" and b[e["end"]:e["end"] + 1].isalpha():
                s = b.index(b"In Europe,", e["start"]) + 3
                e["start"], e["end"] = s, s + 6
        d["entities"].sort(key=lambda e: (e["start"], e["end"]))
with open("gold.jsonl", "w") as f:
    for d in rows:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
