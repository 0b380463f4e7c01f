#!/usr/bin/env bash
# The cost of static paragraph vectors (org.wirecopy.features.StaticVectors) beside classifying. From the checkout:
#
#     src/bench/vectors-benchmark.sh [VECTORS_FILE...]
#
# Builds wirecopy (mvn -q -DskipTests package; SKIP_BUILD=1 reuses target/), then runs src/bench/VectorsBench.java in
# one JVM on one thread (times are the thread's CPU time, steadier than wall time on a shared machine): median load time of each vectors file, median ns per paragraph of StaticVectors.embed over the
# paragraphs of training-data/{train,dev,test}.jsonl, the same for Classifier.classifyParagraphs with the
# bundled model, and the median per-round ratio. Default files: training-data/minilm-vectors*.bin. ROUNDS=9 timed
# rounds (medians). Then, for each file, the median of 5 fresh JVMs of the wall time of its first read and embed
# (the cold-start cost).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-9}
if [ "${SKIP_BUILD:-0}" != 1 ]; then mvn -q -DskipTests package; fi
if [ $# -eq 0 ]; then set -- training-data/minilm-vectors*.bin; fi
echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/wirecopy.jar:target/lib/*" src/bench/VectorsBench.java "$ROUNDS" "$@"
# Cold start: fresh JVMs, alternating, median of 5 each (wall ms).
cp_="target/wirecopy.jar:target/lib/*"
declare -A cold
for i in 1 2 3 4 5; do
    cold[classifier]+="$(java -cp "$cp_" src/bench/VectorsBench.java cold-classifier 2> /dev/null) "
    for f in "$@"; do cold[$f]+="$(java -cp "$cp_" src/bench/VectorsBench.java cold "$f") "; done
done
median5() { tr ' ' '\n' | grep . | sort -g | sed -n 3p; }
echo "cold start in a fresh JVM (wall ms, median of 5): bundled classifier load + first paragraph: $(echo "${cold[classifier]}" | median5)"
for f in "$@"; do echo "cold start in a fresh JVM (wall ms, median of 5): $f read + first embed: $(echo "${cold[$f]}" | median5)"; done
