#!/usr/bin/env bash
# Load test of `wirecopy serve`, on loopback only, bounded in time. From the checkout:
#
#     src/bench/load-test.sh
#
# It builds wirecopy (unless SKIP_BUILD=1), starts `java -jar target/wirecopy.jar serve --port 0 --no-access-log` on
# 127.0.0.1, waits for /health, warms up, then drives POST /v1/classify with a 20-paragraph article (the paragraphs of
# docs/examples/sample-post.txt repeated, cut at 20) using wrk (Debian package "wrk", installed with apt-get when
# missing and we are root):
#   - a paced run: PACED_CONNECTIONS connections, each waiting PACED_DELAY_MS between requests (about 200 requests/s),
#     for the latency at a moderate rate;
#   - saturation runs at 64 and 200 connections.
# Each run lasts DURATION seconds. It prints throughput, p50/p99 latency, errors (non-2xx answers and socket errors)
# and the server's peak resident memory (VmHWM), then stops the server with SIGTERM. docs/performance.md holds the
# last measured table.
#
# Settings (environment variables):
#   DURATION=20          seconds per run (the issue's 60 s: DURATION=60)
#   WARMUP=10            seconds of warm-up at 16 connections (not reported)
#   PACED_CONNECTIONS=20 PACED_DELAY_MS=100
#   THREADS=2            wrk threads
#   JAVA_OPTS=           extra JVM options for the server, e.g. -Xmx256m
#   SKIP_BUILD=0         1 reuses target/wirecopy.jar
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
PACED_CONNECTIONS=${PACED_CONNECTIONS:-20}
PACED_DELAY_MS=${PACED_DELAY_MS:-100}
THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:-}
SKIP_BUILD=${SKIP_BUILD:-0}
WORK=$ROOT/target/load-test
mkdir -p "$WORK"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && apt-get install -y --no-install-recommends wrk
  else
    echo "load-test: wrk is missing; install it: sudo apt-get install wrk" >&2
    exit 2
  fi
fi
if [ "$SKIP_BUILD" != 1 ] || [ ! -f target/wirecopy.jar ]; then
  mvn -q -DskipTests package
fi

# the 20-paragraph article
grep -v '^[[:space:]]*$' docs/examples/sample-post.txt > "$WORK/paragraphs.txt"
: > "$WORK/article.txt"
while [ "$(wc -l < "$WORK/article.txt")" -lt 20 ]; do cat "$WORK/paragraphs.txt" >> "$WORK/article.txt"; done
head -n 20 "$WORK/article.txt" > "$WORK/article20.txt"

cat > "$WORK/post.lua" <<LUA
local f = io.open("$WORK/article20.txt", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
if delay_ms > 0 then
  function delay() return delay_ms end
end
LUA

# shellcheck disable=SC2086
(exec java $JAVA_OPTS -jar target/wirecopy.jar serve --port 0 --no-access-log 2> "$WORK/server.log") &
PID=$!
trap 'kill -TERM $PID 2>/dev/null || true' EXIT
PORT=
for _ in $(seq 1 300); do
  PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/server.log" | head -n 1)
  if [ -n "$PORT" ] && curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
if [ -z "$PORT" ]; then echo "load-test: the server did not start; see $WORK/server.log" >&2; exit 1; fi
URL="http://127.0.0.1:$PORT/v1/classify"
PARAS=$(curl -sf -H 'Content-Type: text/plain' --data-binary @"$WORK/article20.txt" "$URL" \
  | grep -o '"index":' | wc -l)
echo "server pid $PID on port $PORT; the article has $PARAS paragraphs; $(nproc) cores; $DURATION s per run"

WRK_DELAY_MS=0 wrk -t2 -c16 -d"${WARMUP}s" -s "$WORK/post.lua" "$URL" > "$WORK/warmup.txt"

run() { # id name connections delay_ms
  local name=$2 conns=$3 delay=$4 out="$WORK/wrk-$1.txt"
  local threads=$THREADS
  if [ "$conns" -lt "$threads" ]; then threads=$conns; fi
  WRK_DELAY_MS=$delay wrk -t"$threads" -c"$conns" -d"${DURATION}s" --latency -s "$WORK/post.lua" "$URL" > "$out"
  local rps p50 p99 non2xx sock
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(awk '$1=="50%" {print $2}' "$out")
  p99=$(awk '$1=="99%" {print $2}' "$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out"); non2xx=${non2xx:-0}
  sock=$(awk '/Socket errors:/ {gsub(",", ""); print $4+$6+$8+$10}' "$out"); sock=${sock:-0}
  printf '| %-22s | %5s | %10s | %8s | %8s | %6s |\n' "$name" "$conns" "$rps" "$p50" "$p99" "$((non2xx + sock))"
}

echo
printf '| %-22s | %5s | %10s | %8s | %8s | %6s |\n' "run" "conns" "requests/s" "p50" "p99" "errors"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------" "------:" "-----------:" "---------:" "---------:" "-------:"
run paced "paced (~200 req/s)" "$PACED_CONNECTIONS" "$PACED_DELAY_MS"
run c64 "saturation" 64 0
run c200 "saturation" 200 0
echo
echo "server peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$PID/status)"
echo "raw wrk outputs: $WORK/wrk-*.txt"
kill -TERM $PID
wait $PID 2>/dev/null || true
trap - EXIT
