#!/usr/bin/env bash
# The cost of static paragraph vectors (org.wirecopy.features.StaticVectors) beside classifying. From the checkout:
#
#     src/bench/vectors-benchmark.sh [VECTORS_FILE...]
#
# Builds wirecopy (mvn -q -DskipTests package; SKIP_BUILD=1 reuses target/), then runs src/bench/VectorsBench.java in
# one JVM on one thread (times are the thread's CPU time, steadier than wall time on a shared machine): median load time of each vectors file, median ns per paragraph of StaticVectors.embed over the
# paragraphs of training-data/{train,dev,test}.jsonl, the same for Classifier.classifyParagraphs with the
# bundled model, and the median per-round ratio. Default files: training-data/minilm-vectors*.bin. ROUNDS=9 timed
# rounds (medians).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-9}
if [ "${SKIP_BUILD:-0}" != 1 ]; then mvn -q -DskipTests package; fi
if [ $# -eq 0 ]; then set -- training-data/minilm-vectors*.bin; fi
echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/wirecopy.jar:target/lib/*" src/bench/VectorsBench.java "$ROUNDS" "$@"
