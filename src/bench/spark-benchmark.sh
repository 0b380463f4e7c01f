#!/usr/bin/env bash
# wirecopy on Spark (local mode) beside the single-process streaming classify, whole processes, same input. From the
# checkout:
#
#     src/bench/spark-benchmark.sh
#
# The input is built as src/bench/benchmark.sh builds its own: the Reuters articles of
# ../shared/data/reuters-21578/paragraphs.jsonl (else training-data/{train,dev,test}.jsonl) repeated in a new shuffled
# order each round (seed 1) up to exactly PARAGRAPHS paragraphs, as canonical JSONL. Then, RUNS times each:
#   classify  java -jar target/wirecopy.jar classify --format jsonl input.jsonl > out  (all cores, --threads 0)
#   spark     src/spark/spark-local.sh (MASTER=local[2]) --input input.jsonl --output-format jsonl --explode
#             (WirecopyJob: Spark reads the JSONL, classifies, writes one JSON line per paragraph, as classify does)
# and it prints the medians: whole-process wall time and paragraphs/s of both, their ratio, the Spark job's own time
# (without JVM and Spark start-up, as the job reports it) and the per-partition overhead: the same small input
# (OVERHEAD_PARAGRAPHS) classified in 2 and in OVERHEAD_PARTITIONS partitions, (t_many - t_2) / (many - 2), in-job
# times. It checks both wrote PARAGRAPHS lines with the same count of every label.
#
# Settings (environment variables):
#   RUNS=3                    runs of each timed command (medians)
#   PARAGRAPHS=1000000
#   MASTER=local[2]
#   DRIVER_MEMORY=3g
#   OVERHEAD_PARAGRAPHS=20000
#   OVERHEAD_PARTITIONS=200
#   SKIP_BUILD=0              1 reuses target/wirecopy.jar and target/spark-lib
# It needs Java 17, Maven (the build and, once, Spark's class path from the local repository), bash and GNU coreutils.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RUNS=${RUNS:-3}
PARAGRAPHS=${PARAGRAPHS:-1000000}
export MASTER=${MASTER:-local[2]}
export DRIVER_MEMORY=${DRIVER_MEMORY:-3g}
OVERHEAD_PARAGRAPHS=${OVERHEAD_PARAGRAPHS:-20000}
OVERHEAD_PARTITIONS=${OVERHEAD_PARTITIONS:-200}
SKIP_BUILD=${SKIP_BUILD:-0}
WORK=$ROOT/target/spark-bench
REUTERS=$ROOT/../shared/data/reuters-21578/paragraphs.jsonl

log() { echo "[spark-bench] $*" >&2; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
now() { date +%s.%N; }
calc() { awk "BEGIN {printf \"$1\\n\", $2}"; }

mkdir -p "$WORK"
if [ "$SKIP_BUILD" != 1 ]; then
    log "building wirecopy (mvn -q -DskipTests package)"
    mvn -q -DskipTests package
fi
JAR=$ROOT/target/wirecopy.jar
tool() { java -cp "$ROOT/target/lib/*" "$ROOT/src/bench/BenchTool.java" "$@"; }
if [ -f "$REUTERS" ]; then SOURCE=reuters; SOURCES=("$REUTERS"); else
    SOURCE=training-data; SOURCES=("$ROOT/training-data/train.jsonl" "$ROOT/training-data/dev.jsonl" "$ROOT/training-data/test.jsonl"); fi
log "writing $PARAGRAPHS paragraphs from $SOURCE to $WORK/input.jsonl"
tool corpus "$WORK/input.jsonl" "$WORK/input.txt" "$PARAGRAPHS" 1 "${SOURCES[@]}"
tool corpus "$WORK/small.jsonl" "$WORK/small.txt" "$OVERHEAD_PARAGRAPHS" 1 "${SOURCES[@]}"
rm -f "$WORK/input.txt" "$WORK/small.txt"
ARTICLES=$(wc -l < "$WORK/input.jsonl")
INPUT_MB=$(calc "%.1f" "$(stat -c %s "$WORK/input.jsonl") / 1e6")
labels() { grep -ho '"label":"[A-Z_]*"' "$@" | sort | uniq -c | awk '{printf "%s=%s ", $2, $1}'; }
job_seconds() { sed -n 's/.* in \([0-9.]*\) s;.*/\1/p' "$1"; }

rm -f "$WORK"/*.s
for i in $(seq "$RUNS"); do
    log "classify --format jsonl, run $i of $RUNS"
    t0=$(now)
    java -jar "$JAR" classify --format jsonl "$WORK/input.jsonl" > "$WORK/classify.out" 2> "$WORK/classify.err"
    calc "%.3f" "$(now) - $t0" >> "$WORK/classify.s"

    log "Spark $MASTER, run $i of $RUNS"
    t0=$(now)
    src/spark/spark-local.sh --input "$WORK/input.jsonl" --output "$WORK/spark-out" --output-format jsonl \
        --explode --overwrite > "$WORK/spark.log" 2> "$WORK/spark.err"
    calc "%.3f" "$(now) - $t0" >> "$WORK/spark.s"
    job_seconds "$WORK/spark.log" >> "$WORK/spark-job.s"
done
CLASSIFY_LINES=$(wc -l < "$WORK/classify.out")
SPARK_LINES=$(cat "$WORK"/spark-out/paragraphs/part-* | wc -l)
[ "$CLASSIFY_LINES" = "$PARAGRAPHS" ] || { echo "classify wrote $CLASSIFY_LINES lines for $PARAGRAPHS paragraphs" >&2; exit 1; }
[ "$SPARK_LINES" = "$PARAGRAPHS" ] || { echo "Spark wrote $SPARK_LINES lines for $PARAGRAPHS paragraphs" >&2; exit 1; }
CLASSIFY_LABELS=$(labels "$WORK/classify.out")
SPARK_LABELS=$(labels "$WORK"/spark-out/paragraphs/part-*)
if [ "$CLASSIFY_LABELS" = "$SPARK_LABELS" ]; then SAME_LABELS=yes; else SAME_LABELS="NO ($CLASSIFY_LABELS vs $SPARK_LABELS)"; fi
PARTS=$(ls "$WORK"/spark-out/paragraphs/part-* | wc -l)

for i in $(seq "$RUNS"); do
    for p in 2 "$OVERHEAD_PARTITIONS"; do
        log "per-partition overhead: $OVERHEAD_PARAGRAPHS paragraphs in $p partitions, run $i of $RUNS"
        src/spark/spark-local.sh --input "$WORK/small.jsonl" --output "$WORK/spark-small" --output-format jsonl \
            --explode --overwrite --partitions "$p" > "$WORK/small-$p.log" 2> "$WORK/small-$p.err"
        job_seconds "$WORK/small-$p.log" >> "$WORK/small-$p.s"
    done
done

C=$(median < "$WORK/classify.s"); S=$(median < "$WORK/spark.s"); SJ=$(median < "$WORK/spark-job.s")
T2=$(median < "$WORK/small-2.s"); TN=$(median < "$WORK/small-$OVERHEAD_PARTITIONS.s")
echo
echo "input: $PARAGRAPHS paragraphs in $ARTICLES articles ($INPUT_MB MB of canonical JSONL, $SOURCE), $(nproc) cores; medians of $RUNS runs"
printf "%-58s %10s %14s\n" "" "seconds" "paragraphs/s"
printf "%-58s %10.1f %14.0f\n" "classify --format jsonl (one process, all cores)" "$C" "$(calc "%.1f" "$PARAGRAPHS / $C")"
printf "%-58s %10.1f %14.0f\n" "Spark $MASTER, whole process (JVM + Spark start-up)" "$S" "$(calc "%.1f" "$PARAGRAPHS / $S")"
printf "%-58s %10.1f %14.0f\n" "Spark $MASTER, the job alone (read, classify, write)" "$SJ" "$(calc "%.1f" "$PARAGRAPHS / $SJ")"
echo "throughput ratio Spark / classify: whole process $(calc "%.2f" "$C / $S"), job alone $(calc "%.2f" "$C / $SJ")"
echo "Spark start-up and stop (whole process - job): $(calc "%.1f" "$S - $SJ") s; output files (partitions): $PARTS"
echo "per-partition overhead: $OVERHEAD_PARAGRAPHS paragraphs in 2 partitions $T2 s, in $OVERHEAD_PARTITIONS partitions $TN s: $(calc "%.1f" "1000 * ($TN - $T2) / ($OVERHEAD_PARTITIONS - 2)") ms per partition"
echo "same label counts in both outputs: $SAME_LABELS"
