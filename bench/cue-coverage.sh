#!/usr/bin/env bash
# How much of a damaged corpus's reported speech the attribution stage
# reads: for each cue word, the share of its occurrences in the text that
# fall inside the cue of some quotation `sift analyze` reports. Default
# corpus: fa-kes (commas and paragraph breaks stripped).
# Usage: bench/cue-coverage.sh [CSV]   Env: SIFT (a sift binary; default: built here), SIFT_DATA
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${SIFT_DATA:-../shared/data}
CSV=${1:-$DATA/fa-kes/fakes.csv}
if [ -z "${SIFT:-}" ]; then
  SIFT=$(mktemp -d)/sift
  go build -o "$SIFT" ./cmd/sift
fi
"$SIFT" analyze -f json --column text=article_content --column title=article_title "$CSV" 2>/dev/null |
/usr/bin/python3 -c '
import json, re, sys
words = ["said", "says", "told", "added", "stated", "reported", "according to"]
total = dict.fromkeys(words, 0); covered = dict.fromkeys(words, 0)
for line in sys.stdin:
    d = json.loads(line)
    text = d["text"].encode()
    cues = [(q["cue"]["start"], q["cue"]["end"]) for q in d.get("quotes") or [] if q.get("cue")]
    for w in words:
        for m in re.finditer(rb"\b" + w.encode() + rb"\b", text):
            total[w] += 1
            covered[w] += any(a <= m.start() < b for a, b in cues)
print("%-13s %7s %8s %6s" % ("cue", "in text", "covered", "share"))
for w in words:
    print("%-13s %7d %8d %5.1f%%" % (w, total[w], covered[w], 100 * covered[w] / max(total[w], 1)))
'
