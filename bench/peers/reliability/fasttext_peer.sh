#!/usr/bin/env bash
# fastText peer: for every split under $1, `fasttext supervised -wordNgrams 2
# -epoch 25` on train.tsv and P(unreliable) for each test line in pred.fasttext.
set -euo pipefail
root=$1
fit=0
score=0
n=0
now() { date +%s.%N; }
for train in $(find "$root" -name train.tsv | sort); do
  d=$(dirname "$train")
  awk -F'\t' '{ print "__label__" $1 " " $2 }' "$train" > "$d/train.ft"
  awk -F'\t' '{ print $2 }' "$d/test.tsv" > "$d/test.ft"
  t0=$(now)
  fasttext supervised -input "$d/train.ft" -output "$d/ft" -wordNgrams 2 -epoch 25 -thread 1 -verbose 0
  t1=$(now)
  fasttext predict-prob "$d/ft.bin" "$d/test.ft" 2 |
    awk '{ p = -1; for (i = 1; i < NF; i += 2) if ($i == "__label__1") p = $(i+1); if (p < 0) { for (i = 1; i < NF; i += 2) if ($i == "__label__0") p = 1 - $(i+1) } print p }' > "$d/pred.fasttext"
  t2=$(now)
  fit=$(awk -v a="$fit" -v b="$t0" -v c="$t1" 'BEGIN { print a + c - b }')
  score=$(awk -v a="$score" -v b="$t1" -v c="$t2" 'BEGIN { print a + c - b }')
  n=$((n + $(wc -l < "$d/test.tsv")))
  rm -f "$d/ft.bin" "$d/ft.vec" "$d/train.ft" "$d/test.ft"
done
awk -v f="$fit" -v s="$score" -v n="$n" 'BEGIN { printf "fasttext: fit %.1f s over all splits; scoring %.0f articles/s (incl. process start)\n", f, n / s }'
