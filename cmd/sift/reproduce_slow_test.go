//go:build slow

package main

import (
	"bytes"
	"os"
	"path/filepath"
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
	out := filepath.Join(t.TempDir(), "ner.bin")
	stdout, stderr, code := runCLI(t, "", "train", "ner", "-q", "-o", out)
	if code != exitOK {
		t.Fatalf("train ner: exit %d\n%s\n%s", code, stdout, stderr)
	}
	t.Log(stdout)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "entity", "model", "ner.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("retrained model (%d bytes) differs from entity/model/ner.bin (%d bytes)", len(got), len(want))
	}
}

// TestReproduceQuoteModel retrains the attribution tagger with the
// documented command and compares bytes with the embedded model.
func TestReproduceQuoteModel(t *testing.T) {
	shareddata.Dir(t, "polnear")
	out := filepath.Join(t.TempDir(), "quote.bin")
	stdout, stderr, code := runCLI(t, "", "train", "quotes", "-q", "-o", out)
	if code != exitOK {
		t.Fatalf("train quotes: exit %d\n%s\n%s", code, stdout, stderr)
	}
	t.Log(stdout)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "quote", "model", "quote.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("retrained model (%d bytes) differs from quote/model/quote.bin (%d bytes)", len(got), len(want))
	}
}

// TestReproduceReliabilityModel retrains the reliability model with the
// documented command and compares bytes with the embedded model.
func TestReproduceReliabilityModel(t *testing.T) {
	shareddata.Dir(t, "isot-sample")
	out := filepath.Join(t.TempDir(), "reliability.bin")
	stdout, stderr, code := runCLI(t, "", "train", "reliability", "-o", out)
	if code != exitOK {
		t.Fatalf("train reliability: exit %d\n%s\n%s", code, stdout, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "reliability", "model", "reliability.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("retrained model (%d bytes) differs from reliability/model/reliability.bin (%d bytes)", len(got), len(want))
	}
}
