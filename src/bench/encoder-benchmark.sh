#!/usr/bin/env bash
# Throughput of accurate mode (a model trained with --encoder minilm) beside the bundled model. From the checkout:
#
#     src/bench/encoder-benchmark.sh ENCODER_MODEL [INPUT.jsonl]
#
# Builds wirecopy (mvn -q -DskipTests package; SKIP_BUILD=1 reuses target/), then times, in fresh JVMs, the command
# line classifying every article of INPUT (default training-data/test.jsonl) to JSONL, once with the bundled model
# and once with ENCODER_MODEL, alternating, ROUNDS=3 times each; prints paragraphs/s of each (wall time, JVM start
# and model load included) and their median. THREADS=N sets the classifier's threads (default 0: all cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { echo "usage: $0 ENCODER_MODEL [INPUT.jsonl]" >&2; exit 2; }
MODEL=$1
INPUT=${2:-training-data/test.jsonl}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-0}
if [ "${SKIP_BUILD:-0}" != 1 ]; then mvn -q -DskipTests package; fi
echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
run() { # $1 = model option (empty for the bundled model); prints paragraphs/s
    local t0 t1
    t0=$(date +%s.%N)
    java -jar target/wirecopy.jar classify $1 --threads "$THREADS" --format jsonl "$INPUT" > "$out"
    t1=$(date +%s.%N)
    echo "$(wc -l < "$out") $t0 $t1" | awk '{printf "%.1f", $1 / ($3 - $2)}'
}
bundled=(); encoder=()
for ((i = 1; i <= ROUNDS; i++)); do
    bundled+=("$(run "")")
    encoder+=("$(run "--model $MODEL")")
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "paragraphs: $(wc -l < "$out") in $INPUT"
echo "bundled model:  ${bundled[*]} paragraphs/s; median $(median "${bundled[@]}")"
echo "encoder model:  ${encoder[*]} paragraphs/s; median $(median "${encoder[@]}")"
