#!/usr/bin/env bash
# How the cost of classify --explain grows with the article's length. From the checkout:
#
#     src/bench/explain-benchmark.sh [PARAGRAPHS...]        (default: 50 200 800)
#
# Builds wirecopy (mvn -q -DskipTests package; SKIP_BUILD=1 reuses target/; CP=... runs another class path, e.g.
# CP="target/classes:$(cat cp.txt)"), writes one invented article per size (five sentence patterns in turn, blank
# lines between paragraphs), and runs `classify --explain --format jsonl` and plain `classify --format jsonl` on it in
# fresh JVMs, ROUNDS=3 times each, alternating. Prints per size the median wall seconds of both, the explanation's own
# cost (the difference of the medians), its cost per paragraph, and the ratio of that cost to the previous size's.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}
if [ -z "${CP:-}" ]; then
    if [ "${SKIP_BUILD:-0}" != 1 ]; then mvn -q -DskipTests package; fi
    CP="target/wirecopy.jar:target/lib/*"
fi
if [ $# -eq 0 ]; then set -- 50 200 800; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
wall() { local s e; s=$(date +%s.%N); java -cp "$CP" org.wirecopy.cli.WirecopyCli classify "$@" > /dev/null; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", b - a}'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
prev=""
printf '%10s %12s %12s %12s %14s %8s\n' paragraphs explain_s plain_s explain_only ms_per_para ratio
for n in "$@"; do
    f="$work/a$n.txt"
    awk -v n="$n" 'BEGIN {
        for (i = 0; i < n; i++) {
            k = i % 5
            if (k == 0) print "WASHINGTON (AP) - Officials said on Tuesday that measure " i " had stalled in committee again."
            else if (k == 1) print "\"We will keep working on it,\" the spokeswoman said, adding that talks would continue."
            else if (k == 2) print "I think this is a mess, and frankly nobody should be surprised by point " i " of the plan."
            else if (k == 3) print "Advertisement"
            else print "From the AP:"
            print ""
        } }' > "$f"
    ex=""; pl=""
    for r in $(seq "$ROUNDS"); do
        ex+="$(wall --explain --format jsonl "$f") "
        pl+="$(wall --format jsonl "$f") "
    done
    me=$(echo "$ex" | median); mp=$(echo "$pl" | median)
    only=$(awk -v a="$me" -v b="$mp" 'BEGIN {printf "%.2f", a - b}')
    per=$(awk -v a="$only" -v n="$n" 'BEGIN {printf "%.1f", 1000 * a / n}')
    ratio="-"
    if [ -n "$prev" ]; then ratio=$(awk -v a="$only" -v b="$prev" 'BEGIN {printf "%.2f", a / b}'); fi
    printf '%10s %12s %12s %12s %14s %8s\n' "$n" "$me" "$mp" "$only" "$per" "$ratio"
    prev=$only
done
