#!/bin/sh
# Score the tagger on every evaluation set: the shared development set, our
# own annotated sets, and the public corpora of ../shared/data (coarse
# labels: PERSON → PER, AGENCY and ORGANIZATION → ORG, COUNTRY and LOCATION
# → LOC; other labels left out). Prints the scorer's tables.
# Usage: tests/eval/corpora.sh [CLI] [SHARED_DIR]
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
cli=${1:-$src/build/cyberner}
shared=${2:-$src/../shared}
score="python3 $shared/eval/score.py"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
run() { # NAME GOLD [score options]
  name=$1 gold=$2
  shift 2
  [ -f "$gold" ] || { echo "== $name: $gold not found, skipped"; return 0; }
  echo "== $name ($gold)"
  "$cli" tag --input-format jsonl --quiet "$gold" > "$out"
  $score "$gold" "$out" "$@"
  echo
}
run "shared development set" "$shared/eval/dev/gold.jsonl"
run "our documents, round 1" "$src/tests/eval/extra/gold.jsonl"
run "our documents, round 2 (scored blind first)" "$src/tests/eval/extra2/gold.jsonl"
run "our documents, round 3 (scored blind first)" "$src/tests/eval/extra3/gold.jsonl"
run "our documents, round 4 (scored blind first)" "$src/tests/eval/extra4/gold.jsonl"
run "our documents, round 5 (scored blind first)" "$src/tests/eval/extra5/gold.jsonl"
run "our documents, round 6 (scored blind first)" "$src/tests/eval/extra6/gold.jsonl"
run "our documents, round 7 (scored blind first)" "$src/tests/eval/extra7/gold.jsonl"
run "our documents, round 8 (scored blind first)" "$src/tests/eval/extra8/gold.jsonl"
run "our documents, round 9 (scored blind first)" "$src/tests/eval/extra9/gold.jsonl"
run "our documents, round 10 (scored blind first)" "$src/tests/eval/extra10/gold.jsonl"
run "our documents, round 11 (scored blind first)" "$src/tests/eval/extra11/gold.jsonl"
run "our documents, round 12 (scored blind first)" "$src/tests/eval/extra12/gold.jsonl"
run "our documents, round 13 (scored blind first)" "$src/tests/eval/extra13/gold.jsonl"
run "our documents, round 14 (scored blind first)" "$src/tests/eval/extra14/gold.jsonl"
run "our documents, round 15 (scored blind first)" "$src/tests/eval/extra15/gold.jsonl"
run "our documents, round 16 (scored blind first)" "$src/tests/eval/extra16/gold.jsonl"
run "our documents, round 17 (scored blind first)" "$src/tests/eval/extra17/gold.jsonl"
run "our documents, round 18 (scored blind first)" "$src/tests/eval/extra18/gold.jsonl"
run "our documents, round 19 (scored blind first)" "$src/tests/eval/extra19/gold.jsonl"
run "our documents, round 20 (scored blind first)" "$src/tests/eval/extra20/gold.jsonl"
run "our documents, round 21 (scored blind first)" "$src/tests/eval/extra21/gold.jsonl"
run "our documents, round 22 (scored blind first)" "$src/tests/eval/extra22/gold.jsonl"
run "our documents, round 23 (scored blind first)" "$src/tests/eval/extra23/gold.jsonl"
run "our documents, round 24 (scored blind first)" "$src/tests/eval/extra24/gold.jsonl"
run "our documents, round 25 (scored blind first)" "$src/tests/eval/extra25/gold.jsonl"
run "our documents, round 26 (scored blind first)" "$src/tests/eval/extra26/gold.jsonl"
run "our documents, round 27 (scored blind first)" "$src/tests/eval/extra27/gold.jsonl"
run "our documents, round 28 (scored blind first)" "$src/tests/eval/extra28/gold.jsonl"
run "our documents, round 29 (scored blind first)" "$src/tests/eval/extra29/gold.jsonl"
run "our documents, round 30 (scored blind first)" "$src/tests/eval/extra30/gold.jsonl"
run "our documents, round 31 (scored blind first)" "$src/tests/eval/extra31/gold.jsonl"
run "our documents, round 32 (scored blind first)" "$src/tests/eval/extra32/gold.jsonl"
run "our documents, round 33 (scored blind first)" "$src/tests/eval/extra33/gold.jsonl"
run "our documents, round 34 (scored blind first)" "$src/tests/eval/extra34/gold.jsonl"
run "our documents, round 35 (scored blind first)" "$src/tests/eval/extra35/gold.jsonl"
run "our documents, round 36 (scored blind first)" "$src/tests/eval/extra36/gold.jsonl"
run "our documents, round 37 (scored blind first)" "$src/tests/eval/extra37/gold.jsonl"
run "our documents, round 38 (scored blind first)" "$src/tests/eval/extra38/gold.jsonl"
run "our documents, round 39 (scored blind first)" "$src/tests/eval/extra39/gold.jsonl"
run "our documents, round 40 (scored blind first)" "$src/tests/eval/extra40/gold.jsonl"
run "our documents, round 41 (scored blind first)" "$src/tests/eval/extra41/gold.jsonl"
run "our documents, round 42 (scored blind first)" "$src/tests/eval/extra42/gold.jsonl"
run "our documents, round 43 (scored blind first)" "$src/tests/eval/extra43/gold.jsonl"
run "our documents, round 44 (scored blind first)" "$src/tests/eval/extra44/gold.jsonl"
run "our documents, round 45 (scored blind first)" "$src/tests/eval/extra45/gold.jsonl"
run "our documents, round 46 (scored blind first)" "$src/tests/eval/extra46/gold.jsonl"
run "our documents, round 47 (scored blind first)" "$src/tests/eval/extra47/gold.jsonl"
run "our documents, round 48 (scored blind first)" "$src/tests/eval/extra48/gold.jsonl"
run "our documents, round 49 (scored blind first)" "$src/tests/eval/extra49/gold.jsonl"
run "our documents, round 50 (scored blind first)" "$src/tests/eval/extra50/gold.jsonl"
run "our documents, round 53 (scored blind first)" "$src/tests/eval/extra53/gold.jsonl"
run "our documents, round 54 (scored blind first)" "$src/tests/eval/extra54/gold.jsonl"
run "our documents, round 57 (scored blind first)" "$src/tests/eval/extra57/gold.jsonl"
run "our documents, round 59 (scored blind first)" "$src/tests/eval/extra59/gold.jsonl"
run "our documents, round 60 (scored blind first)" "$src/tests/eval/extra60/gold.jsonl"
run "our documents, round 61 (scored blind first)" "$src/tests/eval/extra61/gold.jsonl"
run "our documents, round 62 (scored blind first)" "$src/tests/eval/extra62/gold.jsonl"
run "our documents, round 63 (scored blind first)" "$src/tests/eval/extra63/gold.jsonl"
run "our documents, round 64 (scored blind first)" "$src/tests/eval/extra64/gold.jsonl"
run "our documents, round 65 (scored blind first)" "$src/tests/eval/extra65/gold.jsonl"
run "our documents, round 66 (scored blind first)" "$src/tests/eval/extra66/gold.jsonl"
run "our documents, round 67 (scored blind first)" "$src/tests/eval/extra67/gold.jsonl"
run "our documents, round 68 (scored blind first)" "$src/tests/eval/extra68/gold.jsonl"
run "our documents, round 58 (scored blind first)" "$src/tests/eval/extra58/gold.jsonl"
run "our documents, round 55 (scored blind first)" "$src/tests/eval/extra55/gold.jsonl"
run "our documents, round 56 (scored blind first)" "$src/tests/eval/extra56/gold.jsonl"
run "our documents, round 52 (scored blind first)" "$src/tests/eval/extra52/gold.jsonl"
run "our documents, round 51 (scored blind first)" "$src/tests/eval/extra51/gold.jsonl"
run "our documents, round 69 (scored blind first)" "$src/tests/eval/extra69/gold.jsonl"
run "our documents, round 70 (scored blind first)" "$src/tests/eval/extra70/gold.jsonl"
run "our documents, round 71 (scored blind first)" "$src/tests/eval/extra71/gold.jsonl"
run "our documents, round 72 (scored blind first)" "$src/tests/eval/extra72/gold.jsonl"
run "our documents, round 73 (scored blind first)" "$src/tests/eval/extra73/gold.jsonl"
run "our documents, round 74 (scored blind first)" "$src/tests/eval/extra74/gold.jsonl"
run "our documents, round 75 (scored blind first)" "$src/tests/eval/extra75/gold.jsonl"
run "our documents, round 76 (scored blind first)" "$src/tests/eval/extra76/gold.jsonl"
run "our documents, round 77 (scored blind first)" "$src/tests/eval/extra77/gold.jsonl"
run "our documents, round 78 (scored blind first)" "$src/tests/eval/extra78/gold.jsonl"
run "our documents, round 79 (scored blind first)" "$src/tests/eval/extra79/gold.jsonl"
run "our documents, round 80 (scored blind first)" "$src/tests/eval/extra80/gold.jsonl"
run "our documents, round 81 (scored blind first)" "$src/tests/eval/extra81/gold.jsonl"
run "our documents, round 82 (scored blind first)" "$src/tests/eval/extra82/gold.jsonl"
run "our documents, round 83 (scored blind first)" "$src/tests/eval/extra83/gold.jsonl"
run "our documents, round 84 (scored blind first)" "$src/tests/eval/extra84/gold.jsonl"
run "our documents, round 85 (scored blind first)" "$src/tests/eval/extra85/gold.jsonl"
run "our documents, round 88 (scored blind first)" "$src/tests/eval/extra88/gold.jsonl"
run "CoNLL-2003 English dev (testa)" "$shared/data/conll2003-en/conll-testa.jsonl" --map conll --labels PER,ORG,LOC
run "CoNLL-2003 English test (testb)" "$shared/data/conll2003-en/conll-testb.jsonl" --map conll --labels PER,ORG,LOC
run "WikiNEuRal French (silver)" "$shared/data/ner-fr-wikineural/wikineural-fr-test-sample.jsonl" --map conll --labels PER,ORG,LOC
run "HIPE-2022 French newspapers (newseye)" "$shared/data/ner-fr-hipe/hipe-newseye-fr-test.jsonl" --map conll --labels PER,ORG,LOC
