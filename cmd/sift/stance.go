package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/siftnews/sift/stance"
	"github.com/spf13/cobra"
)

func newEvalStanceCmd() *cobra.Command {
	var data string
	var seed, rounds int
	var testFrac float64
	cmd := &cobra.Command{
		Use:   "stance",
		Short: "Stance of an article towards a headline (FNC-1): FNC score and per-class F1 against a TF-IDF baseline",
		Long: `Evaluate stance detection on the Fake News Challenge (FNC-1) competition
test set: does an article body agree with, disagree with, discuss, or have
nothing to do with a headline's claim?

The labelled pairs are split by body (every pair of a body on the same side;
a body is held out when the FNV-1a hash of "seed:bodyID", mixed by the
murmur3 finaliser, falls in the first
--test share of the hash range). On the training part three systems are
trained and all are scored on the held-out bodies in the same run:
  - the baseline: logistic regression on the TF-IDF cosine of headline and body;
  - logistic regression on all of Sift's pair features;
  - Sift's model: gradient-boosted trees on the same features (TF-IDF
    similarities to the body, its opening and its closest sentences; word,
    bigram and trigram overlap; shared names and numbers; refuting, hedging,
    negation and reporting cues near the headline's words).
Document frequencies come from the training pairs and FNC-1's unlabelled
train_bodies.csv, never from test bodies.

Printed: the FNC-1 weighted score (0.25 for related vs unrelated, 0.75 more
for the exact stance of a related pair) as a share of the best possible,
accuracy, macro-F1, F1 per stance, and the model's confusion matrix.`,
		Example: `  sift eval stance
  sift eval stance --data ../shared/data/fnc1 --seed 2 --test 0.25`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			dir, err := dataPath(data, "fnc1")
			if err != nil {
				return err
			}
			start := time.Now()
			pairs, err := stance.LoadFNC(ctx, dir)
			if err != nil {
				return err
			}
			var unlabelled []string
			if p := filepath.Join(dir, "train_bodies.csv"); fileExists(p) {
				if unlabelled, err = stance.LoadBodies(ctx, p); err != nil {
					return err
				}
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "data: %s (%d labelled pairs, %d unlabelled bodies for document frequencies)\n", dir, len(pairs), len(unlabelled))
			rs, err := stance.Evaluate(ctx, pairs, stance.EvalOptions{Seed: seed, TestFrac: testFrac, Unlabelled: unlabelled,
				GBDT: stance.GBDTOptions{Rounds: rounds, Seed: uint64(seed)}}, out)
			if err != nil {
				return err
			}
			stance.Report(out, rs)
			fmt.Fprintf(out, "(%.1f s, features, training and scoring included)\n", time.Since(start).Seconds())
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&data, "data", "", "FNC-1 directory (default ../shared/data/fnc1)")
	fl.IntVar(&seed, "seed", 1, "seed of the split by body (and of the trees' row sampling)")
	fl.Float64Var(&testFrac, "test", 0.2, "share of bodies held out for testing")
	fl.IntVar(&rounds, "rounds", 300, "boosting rounds")
	return cmd
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
