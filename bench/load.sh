#!/usr/bin/env bash
# Load test of `sift serve` on loopback: POST /v1/analyze with 600-word
# news articles.
#
#   1. vegeta (github.com/tsenart/vegeta, built into bench/.work/bin): 50
#      client connections at most, requests arriving evenly at RATES
#      (default 25, 50 and 100 per second), each a different article (200
#      distinct 600-word windows of the ISOT sample) so nothing is served
#      from a cache: latency percentiles at a given offered load;
#   2. hey (Debian package "hey"), 50 clients in a closed loop (each sends
#      again as soon as it is answered): the saturation throughput; the
#      latency there is 50 / throughput;
#   3. hey, 500 clients in a closed loop (10x): the server must keep
#      answering (200, or 503 with Retry-After once its queue is full) and
#      be healthy afterwards.
#
# Without ../shared/data the bundled examples stand in for the articles.
# Each run is bounded in time (DURATION, default 20s). Results go to stdout
# as markdown; docs/benchmarks.md quotes the latest run.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-20s}"
RATES="${RATES:-25 50 100}"
ADDR="${ADDR:-127.0.0.1:18181}"
WORK=bench/.work/load
mkdir -p "$WORK"
command -v hey >/dev/null || { echo "load.sh: needs hey (apt-get install hey)" >&2; exit 2; }

go build -o "$WORK/sift" ./cmd/sift
GOBIN="$PWD/bench/.work/bin" go install github.com/tsenart/vegeta/v12@v12.13.0
VEGETA="$PWD/bench/.work/bin/vegeta"
/usr/bin/python3 - "$WORK/article.txt" "$WORK/targets.jsonl" "http://$ADDR/v1/analyze" <<'EOF'
import base64, csv, glob, json, os, sys
csv.field_size_limit(1 << 30)
words = []
for f in ["../shared/data/isot-sample/true_sample.csv", "../shared/data/isot-sample/fake_sample.csv"]:
    if os.path.exists(f):
        with open(f, newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                words += " ".join(row).split()
if not words:
    for f in sorted(glob.glob("examples/*.txt")):
        words += open(f, encoding="utf-8").read().split()
while len(words) < 1600:
    words += words
open(sys.argv[1], "w", encoding="utf-8").write(" ".join(words[1000:1600]))
while len(words) < 1600 + 200 * 700:
    words += words
with open(sys.argv[2], "w") as out:
    for i in range(200):
        body = " ".join(words[1600 + i * 700:1600 + i * 700 + 600]).encode()
        out.write(json.dumps({"method": "POST", "url": sys.argv[3], "body": base64.b64encode(body).decode(),
                              "header": {"Content-Type": ["text/plain"]}}) + "\n")
EOF
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(go version | cut -d' ' -f3), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "article: $(wc -w <"$WORK/article.txt") words, $(wc -c <"$WORK/article.txt") bytes; each run $DURATION"

rm -f "$WORK/load.db"*
"$WORK/sift" serve --addr "$ADDR" --db "$WORK/load.db" 2>"$WORK/serve.log" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://$ADDR/openapi.json" >/dev/null && break; sleep 0.2; done

url="http://$ADDR/v1/analyze"
run() { hey "$@" -m POST -T text/plain -D "$WORK/article.txt" "$url"; }
summary() {
  # hey's summary lines: requests/s, latency percentiles, status codes
  grep -E 'Requests/sec|Total:|Slowest|Fastest|Average|50%|90%|99%|\[[0-9]{3}\]|Error' | sed 's/^/    /'
}
run -n 100 -c 2 >/dev/null # warm up: models load on first use

for rate in $RATES; do
  echo
  echo "## 1. vegeta: ${rate} req/s arriving evenly, at most 50 connections, 200 distinct articles"
  "$VEGETA" attack -format json -targets "$WORK/targets.jsonl" -rate "${rate}/s" -duration "$DURATION" \
    -workers 50 -max-workers 50 -timeout 30s | "$VEGETA" report -type text | sed 's/^/    /'
done
echo
echo "## 2. 50 clients, closed loop (saturation)"
run -z "$DURATION" -c 50 | summary
echo
echo "## 3. 500 clients, closed loop (10x overload)"
run -z "$DURATION" -c 500 | summary
echo
if kill -0 $PID 2>/dev/null && curl -sf "http://$ADDR/openapi.json" >/dev/null; then
  echo "server alive and answering after the overload (rss $(ps -o rss= -p $PID | xargs) KiB)"
else
  echo "server DOWN after the overload"; exit 1
fi
