#!/usr/bin/env bash
# The source-matching benchmark of docs/source-matching.md. From the checkout:
#
#     src/bench/match-benchmark.sh
#
# 1. builds wirecopy (mvn -q -DskipTests package; SKIP_BUILD=1 reuses target/wirecopy.jar);
# 2. runs src/bench/MatchBenchmark.java: indexes the Reuters-21578 stories of $SHARED/data/reuters-21578, builds pasted
#    variants (seed 20261207, SAMPLE per kind), matches them and the unrelated paragraphs (Webis editorials,
#    training-data/), classifies the same paragraphs, and prints the tables (also in target/match-bench/results.md);
# 3. scale: writes a synthetic corpus of SCALE paragraphs (Reuters paragraphs with shuffled words, under
#    target/match-bench/) and times 'wirecopy index' on it with a fixed heap (SCALE_HEAP), reporting peak RSS.
#
# Settings (environment variables):
#   SHARED=../shared   evaluation data
#   SAMPLE=1000        pasted variants per kind of edit
#   RUNS=3             timed runs (medians)
#   SCALE=1000000      paragraphs of the scale run (0 skips it)
#   SCALE_HEAP=256m    -Xmx of the scale run
#   SKIP_BUILD=0
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SHARED=${SHARED:-$ROOT/../shared}
SAMPLE=${SAMPLE:-1000}
RUNS=${RUNS:-3}
SCALE=${SCALE:-1000000}
SCALE_HEAP=${SCALE_HEAP:-256m}
SKIP_BUILD=${SKIP_BUILD:-0}
WORK=$ROOT/target/match-bench
CP="$ROOT/target/wirecopy.jar:$ROOT/target/lib/*"

log() { echo "[match-bench] $*" >&2; }

if [ ! -f "$SHARED/data/reuters-21578/paragraphs.jsonl" ]; then
    log "missing $SHARED/data/reuters-21578/paragraphs.jsonl; set SHARED to the shared data directory"
    exit 2
fi
if [ "$SKIP_BUILD" != 1 ]; then
    log "building"
    mvn -q -DskipTests package
fi
mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
java -Dsample="$SAMPLE" -Druns="$RUNS" -cp "$CP" src/bench/MatchBenchmark.java eval "$SHARED" "$WORK" \
    2> "$WORK/eval.log"

if [ "$SCALE" -gt 0 ]; then
    CORPUS=$WORK/scale-$SCALE.jsonl
    if [ ! -f "$CORPUS" ]; then
        log "writing $SCALE synthetic paragraphs to $CORPUS"
        java -cp "$CP" src/bench/MatchBenchmark.java scale "$SCALE" \
            "$SHARED/data/reuters-21578/paragraphs.jsonl" "$CORPUS" 2> "$WORK/scale-gen.log"
    fi
    TIMES=()
    RSS=0
    for r in $(seq 1 "$RUNS"); do
        rm -f "$WORK/scale.idx"
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f "%e %M" -o "$WORK/time.txt" java -Xmx"$SCALE_HEAP" -XX:+UseSerialGC \
                -jar target/wirecopy.jar index --data "$CORPUS" --out "$WORK/scale.idx" > "$WORK/scale-index.txt" \
                2> "$WORK/scale-index.log"
            read -r sec kb < "$WORK/time.txt"
            [ "$kb" -gt "$RSS" ] && RSS=$kb
        else
            start=$(date +%s.%N)
            java -Xmx"$SCALE_HEAP" -XX:+UseSerialGC -jar target/wirecopy.jar index --data "$CORPUS" \
                --out "$WORK/scale.idx" > "$WORK/scale-index.txt" 2> "$WORK/scale-index.log"
            sec=$(echo "$(date +%s.%N) - $start" | bc)
        fi
        TIMES+=("$sec")
    done
    MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
    echo
    echo "scale: 'wirecopy index' on $SCALE synthetic paragraphs, -Xmx$SCALE_HEAP -XX:+UseSerialGC, $RUNS runs"
    echo "  $(cat "$WORK/scale-index.txt")"
    echo "  median $MEDIAN s, $(awk -v n="$SCALE" -v s="$MEDIAN" 'BEGIN {printf "%.0f", n / s}') paragraphs/s," \
        "peak RSS $((RSS / 1024)) MB (largest run), corpus $(du -m "$CORPUS" | cut -f1) MB"
fi
