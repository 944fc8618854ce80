#!/usr/bin/env bash
# Load test of the Rankstack server with wrk on loopback: latency percentiles and throughput of
# /v1/search at a fixed 50 requests/s for each ranker (bm25, ltr = BM25 + LambdaMART, full = every
# stage), then the closed-loop maximum with 2 connections. Needs the built jar (see README) and wrk
# (Debian package). Usage: server/bench/load-test.sh [duration, default 30s]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30s}
PORT=${PORT:-18090}
WORK=$(mktemp -d /tmp/rankstack-load.XXXXXX)
JAR=server/target/rankstack-server.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -ntp -q package -DskipTests" >&2; exit 2; }
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

python3 -c '
import json, sys, urllib.parse
for line in open("samples/cranfield/queries.jsonl"):
    print(urllib.parse.quote_plus(json.loads(line)["text"].strip()))
' > "$WORK/queries.txt"

java -Xmx1g -jar "$JAR" --server.port="$PORT" --rankstack.data-dir="$WORK/data" > "$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do
  if curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1; then break; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null || { tail -50 "$WORK/server.log"; exit 1; }
echo "server ready (data in $WORK/data); $(nproc) CPUs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# The default neural reranker trains in the background after the start; measure with it active.
KEY=$(cat "$WORK/data/admin-api-key")
for _ in $(seq 1 600); do
  if curl -sf -H "X-Api-Key: $KEY" "http://127.0.0.1:$PORT/v1/admin/rerank/models" | grep -q '"active":"'; then break; fi
  sleep 1
done
grep -E "reranker training|neural reranker" "$WORK/server.log" | sed 's/^.*: //' || true

export QUERIES="$WORK/queries.txt"
URL="http://127.0.0.1:$PORT"
echo "warm-up: 15 s closed loop, every stage"
RANKER=full INTERVAL_MS=0 wrk -t2 -c2 -d15s -s server/bench/rate.lua "$URL" > /dev/null

# wrk prints 'Non-2xx or 3xx responses' and 'Socket errors' lines only when there are any.
run() {
  RANKER=$1 INTERVAL_MS=$2 wrk -t2 -c2 -d"$DURATION" --latency -s server/bench/rate.lua "$URL" > "$WORK/wrk.txt"
  grep -E "Latency  |50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors" "$WORK/wrk.txt"
  grep -qE "Non-2xx|Socket errors" "$WORK/wrk.txt" || echo "  errors: 0 (no non-2xx responses, no socket errors)"
  echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
for ranker in bm25 ltr full; do
  echo "=== ranker=$ranker, offered 50 req/s (2 connections, one request every 40 ms each), $DURATION"
  run "$ranker" 40
done
for ranker in bm25 full; do
  echo "=== ranker=$ranker, closed loop (2 connections, as fast as answered), $DURATION"
  run "$ranker" 0
done
echo "=== server's own stage latencies (Prometheus summary: count, sum in seconds)"
curl -s "$URL/actuator/prometheus" | grep -E "^rankstack_stage_latency_seconds_(count|sum)|^rankstack_stage_passed_through_total|^rankstack_events_(sent|queued|impressions_dropped)"
