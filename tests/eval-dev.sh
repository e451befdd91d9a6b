#!/bin/sh
# Tag the development set with the CLI, print the scorer's table, and fail
# below the thresholds the issues set. Usage: eval-dev.sh CLI SHARED_DIR PYTHON
set -eu
cli=$1 shared=$2 py=${3:-python3}
gold="$shared/eval/dev/gold.jsonl"
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
# label: minimum strict F1 on the development set
need = {"COUNTRY": 0.95}
bad = [f"{k} F1 {lab.get(k, {}).get('f1', 0):.3f} < {v}" for k, v in need.items() if lab.get(k, {}).get("f1", 0) < v]
print("thresholds:", "; ".join(bad) if bad else "all met " + str(need))
sys.exit(1 if bad else 0)
PY
