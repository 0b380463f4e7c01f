#!/usr/bin/env bash
# Two builds side by side in one JVM, in process, one thread: the feature extractor, the forward pass and
# Classifier.classify on the benchmark's Reuters articles, each build loaded through its own class loader and their
# rounds interleaved, so that load from other processes falls on both alike (compare-jars.sh runs whole processes
# one after the other, which a busy machine disturbs more). Times are thread CPU; the last line says whether both
# builds gave the same scores.
#
#     git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -q -DskipTests -Dcds.skip=true package)
#     src/bench/stages-ab.sh /tmp/old/target/classes target/classes [ROUNDS] [ARTICLES]
#
# A and B may be classes folders or jars; the dependencies come from target/lib. ROUNDS defaults to 30 (after 15 of
# warm-up), ARTICLES to 1500 of INPUT (default target/bench/input.jsonl, written by benchmark.sh).
# The forward pass is the whole model (every network of a seed ensemble, through org.wirecopy.network.Ensemble);
# FORWARD=first times the first network only, which is what a build older than the ensemble times anyway: use it
# when A or B is such a build, so that both time the same work.
set -euo pipefail
cd "$(dirname "$0")/../.."
A=$(realpath "$1")
B=$(realpath "$2")
ROUNDS=${3:-30}
ARTICLES=${4:-1500}
INPUT=$(realpath "${INPUT:-target/bench/input.jsonl}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
javac -nowarn -cp "$B:target/lib/*" -d "$WORK/helper" src/bench/stagesab/StagesHelper.java
javac -d "$WORK/main" src/bench/stagesab/StagesAB.java
echo "A: $A"
echo "B: $B"
echo "input: $INPUT, $ARTICLES articles; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$WORK/main" StagesAB "$A" "$B" "$(realpath target/lib)" "$WORK/helper" "$INPUT" "$ROUNDS" "$ARTICLES"
