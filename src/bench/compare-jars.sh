#!/usr/bin/env bash
# Two builds of wirecopy side by side, alternating, on the benchmark's input (run src/bench/benchmark.sh once first,
# or any JSONL file as INPUT): whole-process classify --format jsonl with --threads 1 and 0, wall and CPU seconds
# (user + sys, from /usr/bin/time), medians; whether both builds print the same bytes; the load average before each
# run (its range and median); and the ratios: all cores over one thread for each build, new over old.
#
#     git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -q -DskipTests -Dcds.skip=true package)
#     src/bench/compare-jars.sh /tmp/old/target/wirecopy.jar target/wirecopy.jar [RUNS]
#
# Each jar needs its lib/ folder beside it (as mvn package leaves it). RUNS defaults to 3.
set -euo pipefail
cd "$(dirname "$0")/../.."
OLD=$1
NEW=$2
RUNS=${3:-3}
INPUT=${INPUT:-target/bench/input.jsonl}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$INPUT" ] || { echo "no $INPUT: run src/bench/benchmark.sh first or set INPUT" >&2; exit 1; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
for i in $(seq "$RUNS"); do
    for threads in 1 0; do
        for which in old new; do
            jar=$OLD; [ "$which" = new ] && jar=$NEW
            cut -d' ' -f1 /proc/loadavg >> "$WORK/load"
            /usr/bin/time -f "%e %U %S" -o "$WORK/last" java -jar "$jar" classify --format jsonl --threads "$threads" \
                "$INPUT" > "$WORK/$which-$threads.out" 2> /dev/null
            awk '{print $1}' "$WORK/last" >> "$WORK/$which-$threads.wall"
            awk '{print $2 + $3}' "$WORK/last" >> "$WORK/$which-$threads.cpu"
        done
    done
done
echo "input: $INPUT ($(wc -l < "$INPUT") articles); medians of $RUNS alternating runs; 1-minute load average before the runs: $(sort -g "$WORK/load" | head -1) to $(sort -g "$WORK/load" | tail -1), median $(median < "$WORK/load"); now: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-12s | %12s | %12s | %11s | %11s | %-9s |\n' "--threads" "old wall, s" "new wall, s" "old CPU, s" "new CPU, s" "same out"
printf '|%s|%s|%s|%s|%s|%s|\n' "--------------" "-------------:" "-------------:" "------------:" "------------:" "-----------"
for threads in 1 0; do
    same=NO; cmp -s "$WORK/old-$threads.out" "$WORK/new-$threads.out" && same=yes
    printf '| %-12s | %12s | %12s | %11s | %11s | %-9s |\n' "$threads" "$(median < "$WORK/old-$threads.wall")" \
        "$(median < "$WORK/new-$threads.wall")" "$(median < "$WORK/old-$threads.cpu")" \
        "$(median < "$WORK/new-$threads.cpu")" "$same"
done
# all cores over one thread (wall, medians) for each build, and new over old
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
for which in old new; do
    echo "$which: all cores / one thread (wall) $(ratio "$(median < "$WORK/$which-1.wall")" "$(median < "$WORK/$which-0.wall")")x"
done
for threads in 1 0; do
    echo "--threads $threads: new / old wall $(ratio "$(median < "$WORK/new-$threads.wall")" "$(median < "$WORK/old-$threads.wall")"), CPU $(ratio "$(median < "$WORK/new-$threads.cpu")" "$(median < "$WORK/old-$threads.cpu")")"
done
