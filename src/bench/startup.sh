#!/usr/bin/env bash
# Start-up of two builds side by side, in fresh JVMs, alternating (A B A B ...), medians and the ratio B/A:
#   - cold start: process start to the first result line of classify docs/examples/sample-post.txt, plain java -jar
#     and with each build's AppCDS archive (-XX:SharedArchiveFile=DIR/wirecopy.jsa);
#   - the whole process's CPU (user + sys) of the plain run;
#   - a whole run of classify --format jsonl docs/examples/posts.jsonl with the archive (the classes of a JSONL run);
#   - in an app: Classifier.bundled() and the first classify(text) after it (src/bench/LoadTimes.java), wall and
#     thread CPU, milliseconds.
#
#     git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -q -DskipTests package)
#     src/bench/startup.sh /tmp/old/target target [RUNS]
#
# A and B are target folders of 'mvn package' (wirecopy.jar, lib/, wirecopy.jsa; the archive is valid only at the
# path it was made for). RUNS defaults to 11. On a shared machine quote the ratios; the load average is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
A=$(cd "$1" && pwd)
B=$(cd "$2" && pwd)
RUNS=${3:-11}
SAMPLE=docs/examples/sample-post.txt
CORPUS=docs/examples/posts.jsonl
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
now() { date +%s.%N; }
first_line() { # cmd...: seconds from start to the first line on stdout
    local t0 t1; t0=$(now)
    "$@" 2> /dev/null | { IFS= read -r _; t1=$(now); cat > /dev/null; awk "BEGIN {printf \"%.3f\\n\", $t1 - $t0}"; }
}
javac -d "$WORK/classes" -cp "$B/wirecopy.jar" src/bench/LoadTimes.java
for dir in "$A" "$B"; do # an archive the JVM cannot use (moved, or made for other jars) only prints a warning
    if [ -f "$dir/wirecopy.jsa" ] && ! java -Xshare:on -XX:SharedArchiveFile="$dir/wirecopy.jsa" -jar "$dir/wirecopy.jar" \
            --version > /dev/null 2>&1; then
        echo "$dir/wirecopy.jsa does not fit $dir/wirecopy.jar (made elsewhere?): remake it or delete it" >&2; exit 1
    fi
done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq "$RUNS"); do
    for which in A B; do
        dir=$A; [ "$which" = B ] && dir=$B
        first_line java -jar "$dir/wirecopy.jar" classify "$SAMPLE" >> "$WORK/$which.plain"
        [ -f "$dir/wirecopy.jsa" ] && first_line java -XX:SharedArchiveFile="$dir/wirecopy.jsa" -jar "$dir/wirecopy.jar" \
            classify "$SAMPLE" >> "$WORK/$which.cds"
        if [ -f "$dir/wirecopy.jsa" ]; then # a JSONL run: other classes than the text post's
            /usr/bin/time -f "%e" -o "$WORK/last" java -XX:SharedArchiveFile="$dir/wirecopy.jsa" -jar "$dir/wirecopy.jar" \
                classify --format jsonl "$CORPUS" > /dev/null 2>&1
            cat "$WORK/last" >> "$WORK/$which.jsonl"
        fi
        /usr/bin/time -f "%U %S" -o "$WORK/last" java -jar "$dir/wirecopy.jar" classify "$SAMPLE" > /dev/null 2>&1
        awk '{print $1 + $2}' "$WORK/last" >> "$WORK/$which.cpu"
        java -cp "$WORK/classes:$dir/wirecopy.jar:$dir/lib/*" LoadTimes "$SAMPLE" > "$WORK/last"
        read -r load first loadcpu firstcpu < "$WORK/last"
        echo "$load" >> "$WORK/$which.load"; echo "$first" >> "$WORK/$which.first"
        echo "$loadcpu" >> "$WORK/$which.loadcpu"; echo "$firstcpu" >> "$WORK/$which.firstcpu"
    done
done
echo "A: $A"
echo "B: $B"
echo "medians of $RUNS alternating runs; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-58s | %9s | %9s | %6s |\n' "figure" "A" "B" "B / A"
printf '|%s|%s|%s|%s|\n' "------------------------------------------------------------" "----------:" "----------:" "-------:"
row() { # label, file suffix
    [ -s "$WORK/A.$2" ] && [ -s "$WORK/B.$2" ] || return 0
    local a b; a=$(median < "$WORK/A.$2"); b=$(median < "$WORK/B.$2")
    printf '| %-58s | %9s | %9s | %6s |\n' "$1" "$a" "$b" "$(awk "BEGIN {printf \"%.2f\", $b / $a}")"
}
row "cold start to the first result, plain java -jar, s" plain
row "cold start to the first result, with AppCDS, s" cds
row "CPU of the plain cold start (user + sys), s" cpu
row "whole run, classify --format jsonl posts.jsonl, AppCDS, s" jsonl
row "Classifier.bundled() in a fresh JVM, ms" load
row "the first classify(text) after it, ms" first
row "Classifier.bundled(), thread CPU, ms" loadcpu
row "the first classify(text), thread CPU, ms" firstcpu
