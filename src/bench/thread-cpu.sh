#!/usr/bin/env bash
# CPU seconds of a command's threads by name (JIT compiler, GC, wirecopy's reader, workers and writer), read from
# /proc every 0.2 s while it runs (a thread that ends between two reads loses its last 0.2 s). Linux only.
#
#     src/bench/thread-cpu.sh java -jar target/wirecopy.jar classify --format jsonl --threads 1 target/bench/input.jsonl
#
# The command's stdout goes to /dev/null; the table goes to stdout.
set -euo pipefail
TICKS=$(getconf CLK_TCK)
SNAP=$(mktemp)
trap 'rm -f "$SNAP" "$SNAP.new"' EXIT
"$@" > /dev/null 2>&1 &
PID=$!
while kill -0 "$PID" 2> /dev/null; do
    # tid, name (with spaces made _), utime + stime in ticks
    for stat in /proc/"$PID"/task/*/stat; do
        line=$(cat "$stat" 2> /dev/null) || continue
        tid=${line%% *}
        name=${line#*(}; name=${name%)*}; name=${name// /_}
        rest=${line##*) }
        read -r -a f <<< "$rest"
        echo "$tid $name $((f[11] + f[12]))"
    done > "$SNAP.new" 2> /dev/null || true
    # keep the latest figure of every thread seen
    cat "$SNAP" "$SNAP.new" | awk '{v[$1] = $0} END {for (k in v) print v[k]}' > "$SNAP.tmp" && mv "$SNAP.tmp" "$SNAP"
    sleep 0.2
done
wait "$PID" || true
# group: numbered threads of a kind together (C2_CompilerThre, GC_Thread#0..., wirecopy-classif)
awk -v t="$TICKS" '{n = $2; sub(/#?[0-9]+$/, "", n); s[n] += $3} END {for (n in s) printf "%-20s %7.2f\n", n, s[n] / t}' "$SNAP" \
    | sort -k2 -gr | awk 'BEGIN {print "| thread | CPU, s |"; print "|---|---:|"} {printf "| %s | %s |\n", $1, $2; total += $2} END {printf "| all | %.2f |\n", total}'
