// Package stance tells how an article body stands towards a headline's
// claim — agree, disagree, discuss or unrelated — the FNC-1 task (Fake
// News Challenge, stage 1). Sift uses it to ask whether one article
// supports or refutes another's claim.
//
// The model is gradient-boosted regression trees (softmax over the four
// stances) over hand-built features of the pair: TF-IDF similarities of
// the headline to the whole body, its opening and its closest sentences;
// word, bigram and trigram overlap; names and numbers shared; and
// refuting, hedging, negation and reporting cues in the sentences closest
// to the headline. A baseline — logistic regression on the TF-IDF cosine
// alone — is trained on the same split for comparison.
package stance

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// Stances, in the order of the model's outputs.
var Stances = []string{"agree", "disagree", "discuss", "unrelated"}

// Index of a stance name, or -1.
func Index(s string) int {
	for i, x := range Stances {
		if x == s {
			return i
		}
	}
	return -1
}

// Pair is a headline and an article body with the body's stance towards
// the headline (empty when unknown).
type Pair struct {
	Headline string
	BodyID   int
	Body     string
	Stance   string
}

// ErrData reports a malformed FNC-1 file.
var ErrData = errors.New("stance: bad FNC-1 data")

// LoadFNC reads the FNC-1 competition test set from dir
// (competition_test_stances.csv and competition_test_bodies.csv).
func LoadFNC(ctx context.Context, dir string) ([]Pair, error) {
	bodies := map[int]string{}
	if err := readCSV(ctx, filepath.Join(dir, "competition_test_bodies.csv"), func(rec []string) error {
		if len(rec) < 2 {
			return fmt.Errorf("%w: want Body ID,articleBody", ErrData)
		}
		id, err := strconv.Atoi(rec[0])
		if err != nil {
			return fmt.Errorf("%w: body id %q", ErrData, rec[0])
		}
		bodies[id] = rec[1]
		return nil
	}); err != nil {
		return nil, err
	}
	var pairs []Pair
	err := readCSV(ctx, filepath.Join(dir, "competition_test_stances.csv"), func(rec []string) error {
		if len(rec) < 3 {
			return fmt.Errorf("%w: want Headline,Body ID,Stance", ErrData)
		}
		id, err := strconv.Atoi(rec[1])
		if err != nil {
			return fmt.Errorf("%w: body id %q", ErrData, rec[1])
		}
		body, ok := bodies[id]
		if !ok {
			return fmt.Errorf("%w: body %d is not in the bodies file", ErrData, id)
		}
		if Index(rec[2]) < 0 {
			return fmt.Errorf("%w: stance %q", ErrData, rec[2])
		}
		pairs = append(pairs, Pair{Headline: rec[0], BodyID: id, Body: body, Stance: rec[2]})
		return nil
	})
	return pairs, err
}

// LoadBodies reads a bodies file (Body ID,articleBody), such as FNC-1's
// unlabelled train_bodies.csv, for document frequencies.
func LoadBodies(ctx context.Context, path string) ([]string, error) {
	var out []string
	err := readCSV(ctx, path, func(rec []string) error {
		if len(rec) < 2 {
			return fmt.Errorf("%w: want Body ID,articleBody", ErrData)
		}
		out = append(out, rec[1])
		return nil
	})
	return out, err
}

func readCSV(ctx context.Context, path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	if _, err := r.Read(); err != nil { // header
		return fmt.Errorf("%s: %w", path, err)
	}
	for n := 2; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := fn(rec); err != nil {
			line, _ := r.FieldPos(0)
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
}

// Split divides pairs by body: every pair of a body lands on the same
// side, so no test body is seen in training. A body is in the test part
// when the FNV-1a hash of "seed:bodyID", mixed by the murmur3 finaliser,
// falls in the first testFrac of the hash range — deterministic and
// independent of the order of the data.
func Split(pairs []Pair, seed int, testFrac float64) (train, test []Pair) {
	for _, p := range pairs {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d:%d", seed, p.BodyID)
		x := h.Sum64()
		x ^= x >> 33
		x *= 0xff51afd7ed558ccd
		x ^= x >> 33
		x *= 0xc4ceb9fe1a85ec53
		x ^= x >> 33
		if float64(x>>11)/float64(1<<53) < testFrac {
			test = append(test, p)
		} else {
			train = append(train, p)
		}
	}
	return train, test
}
