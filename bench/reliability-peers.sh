#!/usr/bin/env bash
# Side-by-side reliability: Sift vs scikit-learn (TF-IDF 1-2-grams, sublinear
# tf + LogisticRegression, C by CV on the training part) and the fastText CLI
# (-wordNgrams 2 -epoch 25), on exactly the same CV folds and leave-one-
# dataset-out splits (exported by Sift), scored by Sift's metrics code.
# Installs the peers from Debian (python3-sklearn, fasttext) when missing.
#
# Usage: bench/reliability-peers.sh     Env: SIFT_DATA, WORK (default bench/.work/reliability)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-bench/.work/reliability}
mkdir -p "$WORK"
log() { echo "== $*" >&2; }
if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then log "installing python3-sklearn"; apt-get install -y python3-sklearn >&2; fi
if ! command -v fasttext >/dev/null; then log "installing fasttext"; apt-get install -y fasttext >&2; fi
go build -o "$WORK/sift" ./cmd/sift
rm -rf "$WORK/splits"
"$WORK/sift" eval reliability --export "$WORK/splits" >&2
log "Sift"
t0=$(date +%s.%N)
"$WORK/sift" eval reliability --diagram "$WORK/sift-lodo.svg" > "$WORK/sift.txt"
t1=$(date +%s.%N)
log "scikit-learn"
/usr/bin/python3 bench/peers/reliability/sklearn_peer.py "$WORK/splits" | tee "$WORK/sklearn.log" >&2
log "fastText"
bench/peers/reliability/fasttext_peer.sh "$WORK/splits" | tee "$WORK/fasttext.log" >&2
echo "## Sift ($(date -u +%Y-%m-%d), $(nproc) cores; whole evaluation incl. ablation $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}') s)"
cat "$WORK/sift.txt"
for peer in sklearn fasttext; do
  echo; echo "## $peer ($(cat "$WORK/$peer.log"))"
  "$WORK/sift" eval reliability --score "$WORK/splits" --peer "$peer"
done
