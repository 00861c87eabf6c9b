#!/usr/bin/env bash
# Attribution side by side on PolNeAR test: Sift's full table, then direct
# quotations only, Sift against compromise's quotations() (which finds
# direct quotations without speakers), scored by the same code.
# Installs compromise from npm. Usage: bench/quotes-peers.sh  (Env: SIFT_DATA, WORK)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${SIFT_DATA:-../shared/data}
WORK=${WORK:-bench/.work/quotes}
mkdir -p "$WORK"
(cd bench/peers/js && npm install --no-audit --no-fund --silent >&2)
go build -o "$WORK/sift" ./cmd/sift
node bench/peers/js/quotes.js "$DATA/polnear/test/text" > "$WORK/compromise.jsonl"
"$WORK/sift" eval quotes --data "$DATA/polnear/test" --direct-peer "$WORK/compromise.jsonl"
