#!/usr/bin/env bash
# Side-by-side named-entity recognition on CoNLL-2003 test (eng.testb):
# Sift's embedded model, Apache OpenNLP's name finder trained here on the
# same CoNLL train file, prose v2's built-in model, compromise and
# wink-nlp (+ wink-eng-lite-web-model). Every tagger's output is scored by
# the same code (`sift eval ner --pred`): conlleval exact-span micro F1.
# Installs the peers itself (Debian opennlp, npm packages, Go module).
#
# Usage: bench/ner-peers.sh            (prints a Markdown table)
# Env:   SIFT_DATA (default ../shared/data), WORK (default bench/.work/ner)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${SIFT_DATA:-../shared/data}
TRAIN=$DATA/conll2003/train.txt
TEST=$DATA/conll2003/test.txt
WORK=${WORK:-bench/.work/ner}
mkdir -p "$WORK"
[ -f "$TEST" ] || { echo "no $TEST (set SIFT_DATA)" >&2; exit 1; }

log() { echo "== $*" >&2; }

# --- install peers --------------------------------------------------------
if ! command -v opennlp >/dev/null; then
  log "installing Debian opennlp"
  apt-get install -y opennlp >&2
fi
log "installing npm peers"
(cd bench/peers/js && npm install --no-audit --no-fund --silent >&2)
log "building Sift and the peer harness"
go build -o "$WORK/sift" ./cmd/sift
(cd bench/peers/ner && go build -o "../../../$WORK/nerpeer" .)

"$WORK/nerpeer" sentences < "$TEST" > "$WORK/sents.txt"
ntok=$(grep -v -e '^-DOCSTART-' -e '^$' "$TEST" | wc -l)

row() { # name, pred file, tokens/s, note
  local f1 p r
  read -r p r f1 < <("$WORK/sift" eval ner --data "$TEST" --pred "$2" | awk '/all \(micro\)/ {print $(NF-2), $(NF-1), $NF}')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$p" "$r" "$f1" "$3" "$4"
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
now() { date +%s.%N; }

# --- Sift -----------------------------------------------------------------
log "Sift"
"$WORK/sift" eval ner --data "$TEST" > "$WORK/sift.txt"
sift_rate=$(awk '/^speed:/ {print $2}' "$WORK/sift.txt")
sift_f1=$(awk '/all \(micro\)/ {print $(NF-2), $(NF-1), $NF}' "$WORK/sift.txt")

# --- OpenNLP --------------------------------------------------------------
if [ ! -s "$WORK/opennlp-ner.bin" ]; then
  log "training OpenNLP on $TRAIN"
  t0=$(now)
  opennlp TokenNameFinderTrainer.conll03 -model "$WORK/opennlp-ner.bin" -lang eng -types per,loc,org,misc \
    -data "$TRAIN" -encoding UTF-8 > "$WORK/opennlp-train.log" 2>&1
  log "OpenNLP trained in $(awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.0f", b-a}') s"
fi
log "OpenNLP tagging"
t0=$(now); opennlp TokenNameFinder "$WORK/opennlp-ner.bin" < /dev/null > /dev/null 2>&1; t1=$(now)
opennlp TokenNameFinder "$WORK/opennlp-ner.bin" < "$WORK/sents.txt" > "$WORK/opennlp-out.txt" 2> "$WORK/opennlp-run.log"; t2=$(now)
onlp_rate=$(awk -v n="$ntok" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "%.0f", n / ((c - b) - (b - a)) }')
"$WORK/nerpeer" opennlp < "$WORK/opennlp-out.txt" > "$WORK/opennlp.conll"

# --- prose ----------------------------------------------------------------
log "prose v2 (one NewDocument per article)"
"$WORK/nerpeer" prose < "$WORK/sents.txt" > "$WORK/prose.conll" 2> "$WORK/prose.log"
prose_rate=$(awk '/tokens\/s/ {print $(NF-1)}' "$WORK/prose.log")

# --- compromise, wink-nlp -------------------------------------------------
for js in compromise wink; do
  log "$js"
  node bench/peers/js/ner.js "$js" < "$WORK/sents.txt" > "$WORK/$js.jsonl" 2> "$WORK/$js.log"
  "$WORK/nerpeer" offsets < "$WORK/$js.jsonl" > "$WORK/$js.conll"
done
comp_rate=$(awk '/tokens\/s/ {print $(NF-1)}' "$WORK/compromise.log")
wink_rate=$(awk '/tokens\/s/ {print $(NF-1)}' "$WORK/wink.log")

# --- table ----------------------------------------------------------------
echo "CoNLL-2003 test, $ntok tokens, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo '| tagger | precision | recall | F1 | tokens/s (one thread) | labels mapped |'
echo '|---|---|---|---|---|---|'
read -r p r f <<<"$sift_f1"
printf '| Sift (embedded model) | %s | %s | %s | %s | PER ORG LOC MISC |\n' "$p" "$r" "$f" "$sift_rate"
row "Apache OpenNLP 2.1 (maxent, trained on CoNLL train)" "$WORK/opennlp.conll" "$onlp_rate" "person→PER organization→ORG location→LOC misc→MISC"
row "prose v2.0.0" "$WORK/prose.conll" "$prose_rate" "PERSON→PER GPE→LOC ORGANIZATION→ORG"
row "compromise 14.17" "$WORK/compromise.conll" "$comp_rate" "people→PER places→LOC organizations→ORG"
row "wink-nlp 2.4 + eng-lite-web-model 1.8" "$WORK/wink.conll" "$wink_rate" "none: its entity types are dates, numbers, URLs…"
echo
awk -v s="$sift_rate" -v p="$prose_rate" 'BEGIN { printf "Sift / prose speed: %.0fx\n", s / p }'
