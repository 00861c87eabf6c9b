#!/usr/bin/env bash
# Reproduces the core figures in docs/benchmarks.md: repair + tokenisation +
# sentence segmentation throughput on one core, and sentence-boundary
# accuracy on CoNLL-2003. Needs ../shared/data for the news text (falls back
# to the bundled examples without it).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u +%Y-%m-%d) $(go version | cut -d' ' -f3) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
go test -run '^$' -bench 'Core|Repair|Segment|Analyze' -benchmem -count "${COUNT:-3}" -cpu 1 .
go test -run '^$' -bench 'CSV' -benchmem -count "${COUNT:-3}" -cpu 1 ./input
go run ./cmd/sift eval sentences
go run ./cmd/sift eval sentences --data ../shared/data/conll2003/valid.txt
go test -run TestGoldSentences -v ./segment | grep 'golden sentence cases'
