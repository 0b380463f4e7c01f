#!/usr/bin/env bash
# Prints the accuracy figures of a model (default: the bundled one) on the project's own splits and on the real
# pages and posts in ../shared (evaluation only), as in the README and docs/model.md.
# Usage: src/bench/accuracy.sh [MODEL.zip]   (after mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL=${1:-}
M=()
[ -n "$MODEL" ] && M=(--model "$MODEL")
J="java -jar ${WIRECOPY_JAR:-target/wirecopy.jar}"
S=../shared
line() { grep -E "^(macro-F1|calibration error|articles all right|REPORTING share MAE)" | tr -s ' ' | paste -sd ';' ; }
echo "dev:             $($J evaluate "${M[@]}" --data training-data/dev.jsonl | line)"
echo "test:            $($J evaluate "${M[@]}" --data training-data/test.jsonl | line)"
if [ -d "$S/acceptance/real-blogs" ]; then
  echo "real posts text: $($J evaluate "${M[@]}" --data $S/acceptance/real-blogs/posts.jsonl | line)"
  echo "real posts html: $($J evaluate "${M[@]}" --data $S/acceptance/real-blogs/posts.jsonl --html $S/acceptance/real-blogs/html 2>/dev/null | line)"
fi
if [ -d "$S/acceptance/real-pages" ]; then
  echo "real pages (html), per style:"
  $J evaluate "${M[@]}" --data $S/acceptance/real-pages/pages.jsonl --html $S/acceptance/real-pages/html --by style 2>/dev/null | sed -n '/^by style/,$p'
fi
if [ -d "$S/data/reuters-21578" ]; then
  echo "reuters stories: $($J evaluate "${M[@]}" --data $S/data/reuters-21578/paragraphs.jsonl --id-column newid --default-label REPORTING | grep -E '^accuracy' | tr -s ' ')"
  echo "webis editorials: $($J evaluate "${M[@]}" --data $S/data/webis-editorials-16/paragraphs.jsonl --id-column file --default-label COMMENTARY | grep -E '^accuracy' | tr -s ' ')"
fi
if [ -f "$S/acceptance/hotair-kim-putin.txt" ]; then
  G=$(cut -f2 $S/acceptance/hotair-kim-putin.gold.tsv | tail -n +2 | head -100)
  echo "canonical post:  see AcceptanceTest (18 paragraphs)"
fi
# fastText 0.9.2 (Debian package) trained on the same train.jsonl, per paragraph, tutorial settings, scored on the
# real posts as text: the side-by-side of issue 8 (skipped when fasttext is not installed)
if command -v fasttext >/dev/null 2>&1 && [ -d "$S/acceptance/real-blogs" ]; then
  W=$(mktemp -d)
  tool() { java -cp "target/lib/*" src/bench/BenchTool.java "$@"; }
  tool fasttext-train training-data/train.jsonl "$W/train.txt"
  fasttext supervised -input "$W/train.txt" -output "$W/ft" -epoch 25 -wordNgrams 2 -bucket 200000 -thread 1 -seed 1 >/dev/null 2>&1
  for d in training-data/test.jsonl $S/acceptance/real-blogs/posts.jsonl; do
    tool fasttext-train "$d" "$W/x.txt"
    sed -E 's/^__label__[A-Z]+ //' "$W/x.txt" > "$W/x.in"
    fasttext predict "$W/ft.bin" "$W/x.in" > "$W/x.pred"
    echo "fastText on $(basename "$d"): macro-F1 $(tool f1-fasttext "$d" "$W/x.pred")"
  done
  rm -rf "$W"
fi
