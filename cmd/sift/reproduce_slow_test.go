//go:build slow

package main

import (
	"os"
	"testing"

	"github.com/siftnews/sift/internal/shareddata"
)

// TestReproduceNERModel retrains the entity tagger with the documented
// command and checks that it gives the embedded model byte for byte.
// Run with: go test -tags slow -run TestReproduceNERModel ./cmd/sift
// (about two minutes; needs Debian's wordnet-base and iso-codes).
func TestReproduceNERModel(t *testing.T) {
	shareddata.Dir(t, "conll2003")
	for _, p := range []string{"/usr/share/wordnet/data.noun", "/usr/share/iso-codes/json/iso_3166-1.json"} {
		if _, err := os.Stat(p); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s missing: .ci/run installs wordnet-base and iso-codes", p)
			}
			t.Skipf("%s missing (apt-get install wordnet-base iso-codes)", p)
		}
	}
	reproduces(t, "entity/model/ner.bin", "ner", "-q")
}

// TestReproduceQuoteModel retrains the attribution tagger with the
// documented command and compares bytes with the embedded model.
func TestReproduceQuoteModel(t *testing.T) {
	shareddata.Dir(t, "polnear")
	reproduces(t, "quote/model/quote.bin", "quotes", "-q")
}

// TestReproduceReliabilityModel retrains the reliability model with the
// documented command and compares bytes with the embedded model.
func TestReproduceReliabilityModel(t *testing.T) {
	shareddata.Dir(t, "isot-sample")
	reproduces(t, "reliability/model/reliability.bin", "reliability")
}
