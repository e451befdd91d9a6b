#!/bin/sh
# Tag the development set with the CLI, print the scorer's table, and fail
# below the thresholds the issues set.
# Usage: eval-dev.sh CLI SHARED_DIR PYTHON [GOLD.jsonl]   (default: the shared dev set)
set -eu
cli=$1 shared=$2 py=${3:-python3}
gold=${4:-"$shared/eval/dev/gold.jsonl"}
if [ ! -f "$gold" ]; then
  echo "skip: $gold not found"
  exit 77
fi
out=$(mktemp)
trap 'rm -f "$out" "$out.json"' EXIT
"$cli" tag --input-format jsonl --format jsonl --quiet "$gold" > "$out"
"$py" "$shared/eval/score.py" "$gold" "$out" --errors 0
"$py" "$shared/eval/score.py" "$gold" "$out" --json > "$out.json"
"$py" - "$out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
lab = d["per_label"]
# minimum strict F1 per label on the development set (issues 2, 3 and 4)
need = {"COUNTRY": 0.97, "NATIONALITY": 0.90, "LOCATION": 0.90, "AGENCY": 0.85, "ORGANIZATION": 0.85,
        "PERSON": 0.90, "DATE": 0.90, "EVENT": 0.70}
# a label with no gold span and no system span in a set (extra15 has no EVENT) is not judged
bad = [f"{k} F1 {lab.get(k, {}).get('f1', 0):.3f} < {v}" for k, v in need.items()
       if k in lab and lab[k].get("f1", 0) < v]
if d["strict_f1"] < 0.90:
    bad.append(f"overall F1 {d['strict_f1']:.3f} < 0.90")
if (d["link_acc"] or 0) < 0.95:
    bad.append(f"link accuracy {d['link_acc']} < 0.95")
if (d["date_value_acc"] or 0) < 0.90:
    bad.append(f"date value accuracy {d['date_value_acc']} < 0.90")
print("thresholds:", "; ".join(bad) if bad else "all met: overall 0.90, links 0.95, date values 0.90, " + str(need))
sys.exit(1 if bad else 0)
PY
