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
