#!/usr/bin/env bash
# Ingest throughput and peak memory at two corpus sizes (default 2,000 and
# 20,000 articles), each into a fresh SQLite corpus with every analysis
# stage on. The corpus is built by concatenating the shared article sets
# (ISOT sample, FA-KES, FNC-1 bodies); past the ~6,300 distinct articles
# they hold, articles are reused with a numbered note appended, so every
# record has its own content hash and is analysed in full (re-ingesting
# identical content would be skipped). Peak memory is the maximum resident
# set size reported by /usr/bin/time. The target (issue: corpus) is a peak
# flat within ±20 % between the two sizes, and >= 50 articles/s.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES:-2000 20000}"
DATA="${SIFT_DATA:-../shared/data}"
WORK=bench/.work/ingest
mkdir -p "$WORK"
[ -d "$DATA/isot-sample" ] || { echo "ingest-memory.sh: needs the shared data at $DATA" >&2; exit 2; }
go build -o "$WORK/sift" ./cmd/sift
rm -f "$WORK/peaks"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(go version | cut -d' ' -f3), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
for n in $SIZES; do
  /usr/bin/python3 - "$DATA" "$n" "$WORK/corpus-$n.jsonl" <<'EOF'
import csv, json, sys
csv.field_size_limit(1 << 30)
data, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
arts = []
def add(title, text):
    if text and len(text.split()) >= 50:
        arts.append((title or "", text))
for f in ("isot-sample/true_sample.csv", "isot-sample/fake_sample.csv"):
    for r in csv.DictReader(open(f"{data}/{f}", newline="", encoding="utf-8")):
        add(r.get("title"), r.get("text"))
for r in csv.DictReader(open(f"{data}/fa-kes/fakes.csv", newline="", encoding="utf-8", errors="replace")):
    add(r.get("article_title"), r.get("article_content"))
for f in ("fnc1/competition_test_bodies.csv", "fnc1/train_bodies.csv"):
    for r in csv.DictReader(open(f"{data}/{f}", newline="", encoding="utf-8")):
        add("", r.get("articleBody"))
words = 0
with open(out, "w", encoding="utf-8") as o:
    for i in range(n):
        title, text = arts[i % len(arts)]
        if i >= len(arts):
            text += f"\n\n(Copy {i // len(arts)} of this article for the benchmark.)"
        words += len(text.split())
        o.write(json.dumps({"id": str(i), "title": title, "text": text}) + "\n")
print(f"corpus of {n} articles: {len(arts)} distinct, mean {words / n:.0f} words", file=sys.stderr)
EOF
  rm -f "$WORK/c-$n.db"*
  /usr/bin/time -f "%M %e" -o "$WORK/time-$n" "$WORK/sift" ingest --db "$WORK/c-$n.db" "$WORK/corpus-$n.jsonl" 2>"$WORK/ingest-$n.log" | tail -1
  read -r rss secs <"$WORK/time-$n"
  awk -v n="$n" -v rss="$rss" -v s="$secs" 'BEGIN { printf "%6d articles: %7.1f s, %6.1f articles/s, peak RSS %6.1f MiB\n", n, s, n / s, rss / 1024 }'
  echo "$n $rss" >>"$WORK/peaks"
done
awk 'NR == 1 { first = $2; n1 = $1 } { last = $2; n2 = $1 } END { if (NR > 1) printf "peak RSS at %d vs %d articles: %+.1f %%\n", n2, n1, 100 * (last - first) / first }' "$WORK/peaks"
