#!/usr/bin/env bash
# wirecopy beside fastText, whole processes, on one machine. From the checkout:
#
#     src/bench/benchmark.sh
#
# It builds wirecopy (mvn -q -DskipTests package), installs fastText with apt-get when it is missing (or says that
# it is skipped), writes its inputs and outputs under target/bench/, and prints one table. It needs Java 17+ and
# Maven 3.8+ (as the README build), bash, GNU coreutils and /usr/bin/time (Debian package "time"; installed like
# fastText when missing). docs/performance.md explains every figure and holds the last measured table.
#
# The table has one row per target of issue 14 (measured value, target, met or not): whole-process throughput with
# default threads (>= 1.0x one fastText predict process) and --threads 1 (>= 0.7x), all cores over one thread
# (>= 1.8x), in-process JMH on one thread (>= 80,000 paragraphs/s), cold start with and without the AppCDS archive
# that mvn package makes (<= 0.5 s), training the bundled model (<= 30 s, and whether it is the bundled model bit for
# bit), peak RSS on 10 x PARAGRAPHS paragraphs with default JVM options (<= 300 MB); then model size and macro-F1.
#
# The 100,000-paragraph input: the articles of ../shared/data/reuters-21578/paragraphs.jsonl (flat rows grouped into
# stories by newid, paragraphs in para_idx order) when that file is present, else the 570 articles of
# training-data/{train,dev,test}.jsonl; either way repeated in a new shuffled order each round (seed 1) until exactly
# PARAGRAPHS paragraphs, the last article cut short. wirecopy reads it as canonical JSONL; fastText reads the same
# paragraphs, one per line, lower-cased with punctuation split off (fastText's usual preparation, done once, untimed).
#
# Settings (environment variables):
#   RUNS=5          runs of each timed command; the table shows medians (peak memory: the largest run)
#   TRAIN_RUNS=3    runs of the bundled model's training (three networks, 8-15 minutes each; 0 skips it)
#   PARAGRAPHS=100000
#   MILLION=1       one run of classify (default threads) on 10 x PARAGRAPHS paragraphs for peak RSS (0 skips it)
#   JMH=1           JMH ClassifierBenchmark.corpus1Thread, short (3 x 2 s warm-up, 5 x 2 s), in process (0 skips it)
#   SOURCE=auto     auto | reuters | training-data
#   JAVA_OPTS=      extra JVM options for every wirecopy run (e.g. -XX:+UseSerialGC); none by default, as users run it
#   SKIP_BUILD=0    1 reuses target/wirecopy.jar
#   FASTTEXT=auto   auto | skip
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RUNS=${RUNS:-5}
TRAIN_RUNS=${TRAIN_RUNS:-3}
PARAGRAPHS=${PARAGRAPHS:-100000}
MILLION=${MILLION:-1}
JMH=${JMH:-1}
SOURCE=${SOURCE:-auto}
JAVA_OPTS=${JAVA_OPTS:-}
SKIP_BUILD=${SKIP_BUILD:-0}
FASTTEXT=${FASTTEXT:-auto}
WORK=$ROOT/target/bench
CORES=$(nproc)
REUTERS=$ROOT/../shared/data/reuters-21578/paragraphs.jsonl
SAMPLE=$ROOT/docs/examples/sample-post.txt
# fastText's options: its tutorial's improved settings (25 epochs, word bigrams), buckets reduced from 2M so that
# the model is 82 MB rather than 800 MB; picked on the dev split (macro-F1 0.894, against 0.859 for the defaults)
FT_OPTS=(-epoch 25 -wordNgrams 2 -bucket 200000 -thread 1 -seed 1)

log() { echo "[bench] $*" >&2; }

install_package() { # command, Debian package
    if command -v "$1" > /dev/null; then return 0; fi
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo > /dev/null && sudo -n true 2> /dev/null; then sudo="sudo"; else return 1; fi
    fi
    command -v apt-get > /dev/null || return 1
    log "installing $2 with apt-get"
    { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; } \
        > "$WORK/apt-$2.log" 2>&1 \
        || { log "apt-get install $2 failed, see $WORK/apt-$2.log"; return 1; }
    command -v "$1" > /dev/null
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
maximum() { sort -g | tail -1; }
now() { date +%s.%N; }
calc() { awk "BEGIN {printf \"$1\\n\", $2}"; } # format, expression; prints one line

# ------------------------------------------------------------------ build and tools
mkdir -p "$WORK"
if [ "$SKIP_BUILD" != 1 ]; then
    log "building wirecopy (mvn -q -DskipTests package)"
    mvn -q -DskipTests package
fi
JAR=$ROOT/target/wirecopy.jar
[ -f "$JAR" ] || { echo "no $JAR: run mvn -q -DskipTests package" >&2; exit 1; }
tool() { java -cp "$ROOT/target/lib/*" "$ROOT/src/bench/BenchTool.java" "$@"; }
read -ra JOPTS <<< "$JAVA_OPTS"
WIRECOPY=(java "${JOPTS[@]}" -jar "$JAR")
# the AppCDS archive made by mvn package (see pom.xml, app-cds-archive), for the second cold-start figure
CDS=$ROOT/target/wirecopy.jsa
WIRECOPY_CDS=(java -XX:SharedArchiveFile="$CDS" "${JOPTS[@]}" -jar "$JAR")

HAVE_TIME=1
[ -x /usr/bin/time ] || install_package /usr/bin/time time || HAVE_TIME=0
[ "$HAVE_TIME" = 1 ] || log "/usr/bin/time is missing and could not be installed: peak memory is not measured"
HAVE_FT=0
if [ "$FASTTEXT" != skip ]; then
    if install_package fasttext fasttext; then HAVE_FT=1; else
        log "fastText is not installed and could not be installed (needs apt-get and root): fastText is SKIPPED"; fi
else
    log "FASTTEXT=skip: fastText is SKIPPED"
fi

# ------------------------------------------------------------------ inputs
case "$SOURCE" in
    auto) if [ -f "$REUTERS" ]; then SOURCE=reuters; else SOURCE=training-data; fi ;;
    reuters) [ -f "$REUTERS" ] || { echo "SOURCE=reuters but $REUTERS is missing" >&2; exit 1; } ;;
    training-data) ;;
    *) echo "SOURCE must be auto, reuters or training-data" >&2; exit 2 ;;
esac
if [ "$SOURCE" = reuters ]; then SOURCES=("$REUTERS"); else
    SOURCES=("$ROOT/training-data/train.jsonl" "$ROOT/training-data/dev.jsonl" "$ROOT/training-data/test.jsonl"); fi
log "writing $PARAGRAPHS paragraphs from $SOURCE to $WORK/input.jsonl and input.txt"
tool corpus "$WORK/input.jsonl" "$WORK/input.txt" "$PARAGRAPHS" 1 "${SOURCES[@]}"
ARTICLES=$(wc -l < "$WORK/input.jsonl")
if [ "$MILLION" = 1 ]; then
    BIG=$((PARAGRAPHS * 10))
    log "writing $BIG paragraphs to $WORK/input-10x.jsonl (peak memory)"
    tool corpus "$WORK/input-10x.jsonl" "$WORK/input-10x.txt" "$BIG" 1 "${SOURCES[@]}"
    rm -f "$WORK/input-10x.txt"
fi
INPUT_MB=$(calc "%.1f" "$(stat -c %s "$WORK/input.jsonl") / 1e6")

# ------------------------------------------------------------------ timing helpers
# timed OUT_PREFIX cmd...: runs cmd, appends its wall seconds to OUT_PREFIX.s and peak RSS (KB) to OUT_PREFIX.kb
timed() {
    local prefix=$1; shift
    if [ "$HAVE_TIME" = 1 ]; then
        /usr/bin/time -f "%e %M" -o "$prefix.last" "$@"
        awk '{print $1}' "$prefix.last" >> "$prefix.s"
        awk '{print $2}' "$prefix.last" >> "$prefix.kb"
    else
        local t0; t0=$(now); "$@"; calc "%.3f" "$(now) - $t0" >> "$prefix.s"
    fi
}
rm -f "$WORK"/*.s "$WORK"/*.kb "$WORK"/*.first

# ------------------------------------------------------------------ wirecopy classify throughput
for threads in 1 0; do
    name=classify-t$threads
    for i in $(seq "$RUNS"); do
        log "wirecopy classify --threads $threads, run $i of $RUNS"
        timed "$WORK/$name" "${WIRECOPY[@]}" classify --format jsonl --threads "$threads" "$WORK/input.jsonl" \
            > "$WORK/$name.out" 2> "$WORK/$name.err"
    done
done
# the first network of the bundled seed ensemble only (classify --networks 1), default threads
for i in $(seq "$RUNS"); do
    log "wirecopy classify --networks 1, run $i of $RUNS"
    timed "$WORK/classify-n1" "${WIRECOPY[@]}" classify --format jsonl --networks 1 "$WORK/input.jsonl" \
        > /dev/null 2> "$WORK/classify-n1.err"
done
if cmp -s "$WORK/classify-t1.out" "$WORK/classify-t0.out"; then SAME_OUT=yes; else SAME_OUT=NO; fi
OUT_LINES=$(wc -l < "$WORK/classify-t1.out")
[ "$OUT_LINES" = "$PARAGRAPHS" ] || { echo "classify printed $OUT_LINES lines for $PARAGRAPHS paragraphs" >&2; exit 1; }

# ------------------------------------------------------------------ cold start: process start to the first result line
first_line() { # cmd...: seconds from start to the first line on stdout
    local t0 t1; t0=$(now)
    "$@" 2> /dev/null | { IFS= read -r _; t1=$(now); cat > /dev/null; calc "%.3f" "$t1 - $t0"; }
}
HAVE_CDS=0; [ -f "$CDS" ] && [ "$CDS" -nt "$JAR" ] && HAVE_CDS=1
[ "$HAVE_CDS" = 1 ] || log "no $CDS newer than the jar (mvn -Dcds.skip=true package?): no AppCDS figure"
for i in $(seq "$RUNS"); do
    first_line "${WIRECOPY[@]}" classify "$SAMPLE" >> "$WORK/cold-wirecopy.first"
    [ "$HAVE_CDS" = 1 ] && first_line "${WIRECOPY_CDS[@]}" classify "$SAMPLE" >> "$WORK/cold-wirecopy-cds.first"
done

# ------------------------------------------------------------------ peak memory on 10 x PARAGRAPHS, default threads
if [ "$MILLION" = 1 ]; then
    log "wirecopy classify of $BIG paragraphs (peak memory), one run"
    timed "$WORK/classify-10x" "${WIRECOPY[@]}" classify --format jsonl "$WORK/input-10x.jsonl" \
        > /dev/null 2> "$WORK/classify-10x.err"
fi

# ------------------------------------------------------------------ in process: JMH, one thread
JMH_RATE="-"
if [ "$JMH" = 1 ]; then
    log "JMH ClassifierBenchmark.corpus1Thread (in process, one thread)"
    if [ "$SKIP_BUILD" != 1 ] || [ ! -f "$ROOT/target/test.classpath" ]; then
        mvn -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
            -Dmdep.outputFile="$ROOT/target/test.classpath" > "$WORK/jmh-build.log" 2>&1 \
            || mvn -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
            -Dmdep.outputFile="$ROOT/target/test.classpath" > "$WORK/jmh-build.log" 2>&1
    fi
    java -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/test.classpath")" \
        org.openjdk.jmh.Main 'ClassifierBenchmark.corpus1Thread$' -f 1 -wi 3 -w 2s -i 5 -r 2s \
        -rf csv -rff "$WORK/jmh.csv" > "$WORK/jmh.log" 2>&1
    JMH_RATE=$(awk -F, '$1 ~ /corpus1Thread:paragraphs/ {gsub(/"/, "", $5); printf "%.0f", $5}' "$WORK/jmh.csv")
    [ -n "$JMH_RATE" ] || JMH_RATE="-"
fi

# ------------------------------------------------------------------ quality: macro-F1 on the test split
"${WIRECOPY[@]}" classify --format jsonl "$ROOT/training-data/test.jsonl" > "$WORK/test-wirecopy.jsonl" 2> /dev/null
WC_F1=$(tool f1-wirecopy "$ROOT/training-data/test.jsonl" "$WORK/test-wirecopy.jsonl")

# ------------------------------------------------------------------ training the bundled model
BUNDLED=$ROOT/src/main/resources/org/wirecopy/default-model.zip
SAME_MODEL="not trained"
for i in $(seq "$TRAIN_RUNS"); do
    log "training the bundled model (OMP_NUM_THREADS=1), run $i of $TRAIN_RUNS"
    # the README's command, with relative paths as there (they are recorded in the model's provenance)
    OMP_NUM_THREADS=1 timed "$WORK/train-wirecopy" "${WIRECOPY[@]}" train \
        --data training-data/train.jsonl --dev training-data/dev.jsonl --furniture training-data/furniture.jsonl \
        --ensemble 3 --gradient-clip 0.5 --out "$WORK/model.zip" > "$WORK/train.log" 2>&1
    if cmp -s "$WORK/model.zip" "$BUNDLED"; then
        SAME_MODEL="yes, bit for bit"
    elif [ "$(tool same-entry "$WORK/model.zip" "$BUNDLED" network/weights.bin)" = yes ]; then
        SAME_MODEL="same weights, other metadata (the training code or its configuration changed since)"
    else
        SAME_MODEL="no: other weights (the bundled model is stale or training changed)"
    fi
done

# ------------------------------------------------------------------ fastText
if [ "$HAVE_FT" = 1 ]; then
    tool fasttext-train "$ROOT/training-data/train.jsonl" "$WORK/ft-train.txt"
    tool fasttext-train "$ROOT/training-data/test.jsonl" "$WORK/ft-test-labelled.txt"
    cut -d' ' -f2- "$WORK/ft-test-labelled.txt" > "$WORK/ft-test.txt"
    for i in $(seq "$RUNS"); do
        log "fastText supervised, run $i of $RUNS"
        timed "$WORK/train-fasttext" fasttext supervised -input "$WORK/ft-train.txt" -output "$WORK/ft" "${FT_OPTS[@]}" \
            -verbose 0
    done
    fasttext predict "$WORK/ft.bin" "$WORK/ft-test.txt" > "$WORK/ft-test.pred"
    FT_F1=$(tool f1-fasttext "$ROOT/training-data/test.jsonl" "$WORK/ft-test.pred")
    rm -f "$WORK"/input.part.*
    split -n "l/$CORES" -d "$WORK/input.txt" "$WORK/input.part."
    PARTS=("$WORK"/input.part.*)
    for i in $(seq "$RUNS"); do
        log "fastText predict, run $i of $RUNS"
        timed "$WORK/predict-fasttext-1" fasttext predict "$WORK/ft.bin" "$WORK/input.txt" > "$WORK/predict.out"
        # all cores: fastText predict has no threads, so one process per core on its share of the lines
        t0=$(now)
        for part in "${PARTS[@]}"; do fasttext predict "$WORK/ft.bin" "$part" > "$part.predicted" & done
        wait
        calc "%.3f" "$(now) - $t0" >> "$WORK/predict-fasttext-all.s"
    done
    [ "$(wc -l < "$WORK/predict.out")" = "$PARAGRAPHS" ] || { echo "fastText predicted the wrong number of lines" >&2; exit 1; }
    for i in $(seq "$RUNS"); do
        first_line fasttext predict "$WORK/ft.bin" - < "$WORK/ft-test.txt" >> "$WORK/cold-fasttext.first"
    done
fi

# ------------------------------------------------------------------ the table
rate() { calc "%.0f" "$PARAGRAPHS / $1"; }
ratio() { if [ "$1" = "-" ] || [ "$2" = "-" ]; then echo "-"; else calc "%.2f" "$1 / $2"; fi; }
WC1_S=$(median < "$WORK/classify-t1.s"); WCN_S=$(median < "$WORK/classify-t0.s")
WC1=$(rate "$WC1_S"); WCN=$(rate "$WCN_S"); WC_FAST=$(rate "$(median < "$WORK/classify-n1.s")")
WC_RSS="-"; WC1_RSS="-"
if [ "$HAVE_TIME" = 1 ]; then
    WC_RSS=$(calc "%.0f" "$(maximum < "$WORK/classify-t0.kb") / 1024")
    WC1_RSS=$(calc "%.0f" "$(maximum < "$WORK/classify-t1.kb") / 1024")
fi
WC_COLD=$(median < "$WORK/cold-wirecopy.first")
WC_COLD_CDS="-"; [ "$HAVE_CDS" = 1 ] && WC_COLD_CDS=$(median < "$WORK/cold-wirecopy-cds.first")
WC_10X_RSS="-"; [ "$MILLION" = 1 ] && [ "$HAVE_TIME" = 1 ] && WC_10X_RSS=$(calc "%.0f" "$(maximum < "$WORK/classify-10x.kb") / 1024")
SCALING=$(calc "%.2f" "$WCN / $WC1")
WC_TRAIN="-"; [ "$TRAIN_RUNS" -gt 0 ] && WC_TRAIN=$(median < "$WORK/train-wirecopy.s")
WC_MODEL=$(calc "%.2f" "$(stat -c %s "$BUNDLED") / 1048576")
FT1="-"; FTN="-"; FT_RSS="-"; FT_COLD="-"; FT_TRAIN="-"; FT_MODEL="-"; FT_F1=${FT_F1:-"-"}
if [ "$HAVE_FT" = 1 ]; then
    FT1=$(rate "$(median < "$WORK/predict-fasttext-1.s")"); FTN=$(rate "$(median < "$WORK/predict-fasttext-all.s")")
    [ "$HAVE_TIME" = 1 ] && FT_RSS=$(calc "%.0f" "$(maximum < "$WORK/predict-fasttext-1.kb") / 1024")
    FT_COLD=$(median < "$WORK/cold-fasttext.first")
    FT_TRAIN=$(median < "$WORK/train-fasttext.s")
    FT_MODEL=$(calc "%.2f" "$(stat -c %s "$WORK/ft.bin") / 1048576")
fi

echo
echo "$("${WIRECOPY[@]}" --version 2> /dev/null | head -1) beside fastText $( [ "$HAVE_FT" = 1 ] \
    && { dpkg-query -W -f '${Version}' fasttext 2> /dev/null || echo "(installed)"; } || echo "(skipped)")"
echo "machine: $CORES cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $PARAGRAPHS paragraphs in $ARTICLES articles ($INPUT_MB MB of JSONL) from $SOURCE; medians of $RUNS runs${JAVA_OPTS:+; JAVA_OPTS=$JAVA_OPTS}"
echo
printf '| %-50s | %9s | %9s | %7s | %-16s | %-4s |\n' "figure" "wirecopy" "fastText" "ratio" "target" "met"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..52})" "$(printf -- '-%.0s' {1..10}):" \
    "$(printf -- '-%.0s' {1..10}):" "$(printf -- '-%.0s' {1..8}):" "$(printf -- '-%.0s' {1..18})" "$(printf -- '-%.0s' {1..6})"
# row figure wirecopy fastText target test; test is an awk condition on w (wirecopy) and f (fastText)
row() {
    local met="-"
    if [ "$5" != "-" ] && [ "$2" != "-" ] && { [ "$3" != "-" ] || [[ "$5" != *f* ]]; }; then
        met=$(awk -v w="$2" -v f="$3" "BEGIN {print ($5) ? \"yes\" : \"NO\"}")
    fi
    printf '| %-50s | %9s | %9s | %7s | %-16s | %-4s |\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4" "$met"
}
# rowf figure wirecopy fastText target test: test on the ratio r = wirecopy / fastText
rowf() {
    local r met="-"
    r=$(ratio "$2" "$3")
    [ "$r" != "-" ] && met=$(awk -v r="$r" "BEGIN {print ($5) ? \"yes\" : \"NO\"}")
    printf '| %-50s | %9s | %9s | %7s | %-16s | %-4s |\n' "$1" "$2" "$3" "$r" "$4" "$met"
}
rowf "paragraphs/s, whole process, all $CORES cores (default)" "$WCN" "$FT1" ">= 1.0x fastText" "r >= 1.0"
rowf "paragraphs/s, whole process, --threads 1" "$WC1" "$FT1" ">= 0.7x fastText" "r >= 0.7"
row "paragraphs/s, all $CORES cores, fastText $CORES processes" "$WCN" "$FTN" "(for reference)" "-"
row "paragraphs/s, --networks 1 (first network only)" "$WC_FAST" "$FT1" "(for reference)" "-"
row "all cores / one thread, wirecopy, x" "$SCALING" "-" ">= 1.8x" "w >= 1.8"
row "paragraphs/s in process, 1 thread (JMH)" "$JMH_RATE" "-" ">= 80000" "w >= 80000"
row "cold start: process start to first result, s" "$WC_COLD" "$FT_COLD" "<= 0.5 s" "w <= 0.5"
row "cold start with the AppCDS archive, s" "$WC_COLD_CDS" "$FT_COLD" "<= 0.5 s" "w <= 0.5"
row "training the bundled model, 1 thread, s" "$WC_TRAIN" "$FT_TRAIN" "<= 30 s" "w <= 30"
row "peak RSS, $((PARAGRAPHS * 10)) paragraphs, default JVM, MB" "$WC_10X_RSS" "-" "<= 300 MB" "w <= 300"
row "peak RSS classifying the input, all cores, MB" "$WC_RSS" "$FT_RSS" "(for reference)" "-"
row "peak RSS classifying the input, 1 thread, MB" "$WC1_RSS" "$FT_RSS" "(for reference)" "-"
row "model file, MB" "$WC_MODEL" "$FT_MODEL" "<= 10 MB" "w <= 10"
row "macro-F1, training-data/test.jsonl" "$WC_F1" "$FT_F1" "> fastText" "w > f"
echo "(ratio: wirecopy / fastText)"
echo
echo "wirecopy: java -jar target/wirecopy.jar classify --format jsonl --threads 1|0 (0 = one per core); outputs of 1 thread and all cores identical: $SAME_OUT"
echo "wirecopy training: OMP_NUM_THREADS=1, README's command (train + dev, dev picks the epoch); reproduces the bundled model: $SAME_MODEL"
echo "fastText: supervised ${FT_OPTS[*]}; predict (no threads: all cores = $CORES processes on shares of the lines); peak RSS of 1 process"
echo "cold start: wirecopy classify docs/examples/sample-post.txt (and with java -XX:SharedArchiveFile=target/wirecopy.jsa), fastText predict of stdin; both to the first printed line"
echo "throughput targets compare with ONE fastText predict process (issue 14); JMH: training-data/ articles, bundled model, one shared Classifier"
echo "peak RSS of $((PARAGRAPHS * 10)) paragraphs: one run of classify --format jsonl with default threads and no JVM options${JAVA_OPTS:+ but JAVA_OPTS=$JAVA_OPTS}"
echo "raw timings: $WORK/*.s (seconds), *.kb (peak RSS), *.first (cold starts)"
