#!/usr/bin/env bash
# Runs every check Sift has: formatting, go vet, the full test suite and a
# bounded fuzzing pass over every parser. This is the README's test command
# and what .ci/run executes.
set -euo pipefail
cd "$(dirname "$0")/.."

unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
  echo "gofmt needed on:"; echo "$unformatted"; exit 1
fi
go vet ./...
go test -count=1 ./...

# Fuzz every parser for a bounded number of executions (FUZZTIME, default
# 20000x each). A count, not a duration: Go 1.26's fuzz coordinator can report
# a spurious "context deadline exceeded" when a duration runs out
# (go.dev/issue/75804, fixed in Go 1.27).
fuzz() { go test -run '^$' -fuzz "^$2\$" -fuzztime "${FUZZTIME:-20000x}" "$1"; }
fuzz ./repair FuzzClean
fuzz ./repair FuzzDecode
fuzz ./segment FuzzSegment
fuzz ./input FuzzReaders
fuzz ./entity FuzzLoad
fuzz ./quote FuzzLoad
fuzz . FuzzAnalyze
fuzz ./count FuzzFind
fuzz ./when FuzzFind
fuzz ./when FuzzParsePublished
fuzz ./stance FuzzFeatures
fuzz ./internal/wordnet FuzzRead

# Slow: retrain every embedded model with its documented command and check
# that the result is byte-identical (a few minutes). SIFT_SLOW=0 skips it.
if [ "${SIFT_SLOW:-1}" != 0 ]; then
  go test -count=1 -tags slow -run 'TestReproduce|TestIngestSurvivesKill9' -timeout 30m ./cmd/sift
fi
