package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/siftnews/sift/input"
	"github.com/siftnews/sift/internal/relsets"
	"github.com/siftnews/sift/internal/shareddata"
	"github.com/siftnews/sift/reliability"
	"github.com/spf13/cobra"
)

// loadReliabilitySets reads every article-level dataset in ../shared/data
// and runs the attribution stage on each article (for the sourcing
// signals, unless sourcing is false: exporting splits and scoring peers
// need the labels only), with a progress bar when stderr is a terminal.
func loadReliabilitySets(ctx context.Context, stderr io.Writer, sourcing bool) ([]reliability.Set, error) {
	root := shareddata.Root()
	if root == "" {
		return nil, usageError{errors.New("no ../shared/data found (set SIFT_DATA)")}
	}
	if !sourcing {
		return relsets.Labels(ctx, root)
	}
	var bar *progressbar.ProgressBar
	var progress func(done, total int)
	if isTerminalWriter(stderr) {
		progress = func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("attribution"),
					progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
					progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
			}
			bar.Set(done)
		}
	}
	sets, err := relsets.Load(ctx, root, progress)
	if bar != nil {
		bar.Finish()
	}
	return sets, err
}

// loadUserSet reads a labelled CSV/JSONL with Sift's batch readers; the
// label column holds 1/true/fake/unreliable for unreliable articles.
func loadUserSet(ctx context.Context, path string, columns []string) (reliability.Set, error) {
	cols, err := parseColumns(columns)
	if err != nil {
		return reliability.Set{}, err
	}
	r, err := input.Open(ctx, path, input.Options{Columns: cols})
	if err != nil {
		return reliability.Set{}, err
	}
	defer r.Close()
	s := reliability.Set{Name: filepath.Base(path)}
	for {
		d, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *input.RecordError
		if errors.As(err, &re) {
			continue
		}
		if err != nil {
			return s, err
		}
		var bad bool
		switch strings.ToLower(strings.TrimSpace(d.Label)) {
		case "1", "true", "fake", "unreliable", "false_news":
			bad = true
		case "0", "false", "real", "true_news", "reliable", "legit":
		default:
			continue
		}
		s.Examples = append(s.Examples, reliability.Example{Title: d.Title, Text: d.Text, Unreliable: bad})
	}
	if len(s.Examples) == 0 {
		return s, fmt.Errorf("%s: no labelled records (label column: 1/fake/unreliable or 0/real/reliable)", path)
	}
	return s, nil
}

func parseColumns(cs []string) (map[string]string, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	m := map[string]string{}
	for _, c := range cs {
		k, v, ok := strings.Cut(c, "=")
		if !ok {
			return nil, usageError{fmt.Errorf("--column: want FIELD=COLUMN, got %q", c)}
		}
		m[k] = v
	}
	return m, nil
}

func newTrainReliabilityCmd() *cobra.Command {
	var out, data string
	var columns []string
	cmd := &cobra.Command{
		Use:   "reliability",
		Short: "Train the reliability model on the public datasets (or your own labelled file)",
		Long: `Train the calibrated reliability model: logistic regression (AdaGrad, L2) over
hashed word 1–2-grams and character 4-grams of title and text plus the
credibility signals (four of them read from Sift's attribution stage, which
runs on every article first), after source boilerplate is scrubbed out.
Each class weighs half of the loss and, within a class, every dataset
alike, so no large set dominates. The probability is calibrated for a
source never seen: every dataset is scored by a model fitted on the others
and gets its own Platt slope; the median slope is kept and the intercept
stays at the balanced prior (an unseen source's share of unreliable
articles cannot be known). A single source (--data) is calibrated by
Platt scaling cross-fitted over 5 folds: each article is scored by a model
fitted without its fold, and the model itself is fitted on everything.

Without --data it trains on every article-level set in ../shared/data
(isot, fa-kes, FakeNewsAMT, Celebrity, FakeNewsNet, BuzzFeed-Webis; and
two one-class sets: Golbeck's fake and satire stories, unreliable, and the
New York Times, Washington Post, USA Today and Politico articles of
PolNeAR's training split, reliable; labels as documented in
docs/benchmarks.md). With --data it trains on your CSV or
JSONL: a label column with 1/fake/unreliable or 0/real/reliable, and
text/title columns (mapped with --column as in 'sift analyze').

The embedded default is made by:

  sift train reliability -o reliability/model/reliability.bin`,
		Example: `  sift train reliability -o rel.bin
  sift train reliability --data mine.csv --column text=body --column label=is_fake -o rel.bin`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			start := time.Now()
			var sets []reliability.Set
			var err error
			if data != "" {
				var s reliability.Set
				s, err = loadUserSet(ctx, data, columns)
				sets = []reliability.Set{s}
				if err == nil {
					err = relsets.AddSourcing(ctx, sets, nil)
				}
			} else {
				sets, err = loadReliabilitySets(ctx, cmd.ErrOrStderr(), true)
			}
			if err != nil {
				return err
			}
			var ex []reliability.Example
			var names []string
			for _, s := range sets {
				ex = append(ex, s.Examples...)
				names = append(names, fmt.Sprintf("%s:%d", s.Name, len(s.Examples)))
			}
			m, err := reliability.Train(ctx, ex, reliability.TrainOptions{Seed: 1})
			if err != nil {
				return err
			}
			m.Info.Datasets = names
			m.Info.Command = "sift train reliability"
			if err := writeModel(out, m.Save); err != nil {
				return err
			}
			st, _ := os.Stat(out)
			fmt.Fprintf(cmd.OutOrStdout(), "trained on %d articles (%s); wrote %s (%.1f MB) in %s\ncalibration %s\n", len(ex), strings.Join(names, ", "), out,
				float64(st.Size())/1e6, time.Since(start).Round(time.Millisecond), m.Info.Calibration)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "model file to write (required)")
	cmd.Flags().StringVar(&data, "data", "", "your own labelled CSV/JSONL instead of ../shared/data")
	cmd.Flags().StringSliceVar(&columns, "column", nil, "FIELD=COLUMN mapping for --data (fields: id, title, text, label)")
	cmd.MarkFlagRequired("output")
	return cmd
}

func newEvalReliabilityCmd() *cobra.Command {
	var diagram, export, score, peer string
	var folds int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "reliability",
		Short: "Evaluate the reliability model: per-dataset CV, leave-one-dataset-out, calibration",
		Long: `Evaluate the reliability model on the public datasets with the standard metrics:
accuracy and macro-F1 at p = 0.5, ROC-AUC, and expected calibration error
(ECE, 10 equal-width bins); "predicted" counts the articles scored
unreliable (p ≥ 0.5), against "unreliable", the articles labelled so.

  (i)   stratified k-fold cross-validation within each dataset;
  (ii)  leave-one-dataset-out: train on all the others, test on the one left
        out — the honest figure for articles from a source never seen;
  (iii) the leakage ablation: LODO again without scrubbing source
        boilerplate (datelines, bylines, site names, share lines);
  (iv)  the recipe ablation: LODO again with each part of the training
        recipe changed (calibration, source balance, one-class sets,
        sourcing signals).

Every table shows ECE after and before calibration ("ECE uncal."). With
two or more training sources the probability is calibrated for a source
never seen: each source is scored by a model fitted on the others, each
gets its own Platt slope, and the median slope is kept; the intercept
stays at the balanced prior (an unseen source's share of unreliable
articles cannot be known), so calibration leaves the labels at p = 0.5
as they are. One source (each CV fold's training part): Platt scaling
cross-fitted over 5 inner folds.

A reliability diagram of the LODO predictions is written as SVG.`,
		Example: `  sift eval reliability
  sift eval reliability --diagram docs/reliability-lodo.svg`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			sets, err := loadReliabilitySets(ctx, cmd.ErrOrStderr(), export == "" && score == "")
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if export != "" {
				if err := exportSplits(export, sets, folds); err != nil {
					return err
				}
				held := 0
				for _, s := range sets {
					if !s.TrainOnly {
						held++
					}
				}
				fmt.Fprintf(out, "wrote the CV folds and LODO splits of %d datasets (%d more in every LODO training file) under %s\n", held, len(sets)-held, export)
				return nil
			}
			if score != "" {
				if peer == "" {
					return usageError{errors.New("--score needs --peer NAME (predictions in pred.NAME)")}
				}
				return scorePeer(out, score, peer, sets, folds)
			}
			o := reliability.TrainOptions{Seed: seed}
			w := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
			header := "set\tarticles\tunreliable\tpredicted\taccuracy\tmacro-F1\tROC-AUC\tECE\tECE uncal.\t\n"
			row := func(r reliability.Result, n, bad int) {
				fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", r.Name, n, bad, r.Metrics.Predicted, r.Metrics.Accuracy, r.Metrics.MacroF1, r.Metrics.AUC, r.Metrics.ECE, r.Uncalibrated.ECE)
			}
			count := func(s reliability.Set) (int, int) {
				bad := 0
				for _, e := range s.Examples {
					if e.Unreliable {
						bad++
					}
				}
				return len(s.Examples), bad
			}
			fmt.Fprintf(out, "(i) stratified %d-fold cross-validation within each dataset\n", folds)
			fmt.Fprint(w, header)
			var cv []reliability.Result
			for _, s := range sets {
				if s.TrainOnly {
					continue
				}
				r, err := reliability.CrossValidate(ctx, s, folds, o)
				if err != nil {
					return err
				}
				cv = append(cv, r)
				n, bad := count(s)
				row(r, n, bad)
			}
			meanRow := func(rs []reliability.Result) reliability.Metrics {
				m := reliability.Mean(rs)
				fmt.Fprintf(w, "mean\t\t\t\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", m.Accuracy, m.MacroF1, m.AUC, m.ECE, reliability.MeanUncalibrated(rs).ECE)
				return m
			}
			mean := meanRow(cv)
			w.Flush()
			fmt.Fprintf(out, "\n(ii) leave one dataset out (train on the others)\n")
			fmt.Fprint(w, header)
			lodo, err := reliability.LeaveOneOut(ctx, sets, o)
			if err != nil {
				return err
			}
			byName := map[string]reliability.Set{}
			for _, s := range sets {
				byName[s.Name] = s
			}
			for _, r := range lodo {
				n, bad := count(byName[r.Name])
				row(r, n, bad)
			}
			mean = meanRow(lodo)
			w.Flush()
			fmt.Fprintln(out, "calibration of each run (the held-out set's own slope is not among those it takes the median of):")
			for _, r := range lodo {
				fmt.Fprintf(out, "  %-15s %s\n", r.Name, r.Calibration)
			}
			for i, s := range sets {
				if !s.TrainOnly {
					continue
				}
				r, err := reliability.HoldOut(ctx, sets, i, o)
				if err != nil {
					return err
				}
				var sum float64
				for _, p := range r.P {
					sum += p
				}
				class := "reliable"
				if len(s.Examples) > 0 && s.Examples[0].Unreliable {
					class = "unreliable"
				}
				right := int(math.Round(r.Metrics.Accuracy * float64(r.Metrics.N)))
				fmt.Fprintf(out, "%s (all %s; trained on in the rows above) held out: %d of %d scored %s (%.1f%%), mean p_unreliable %.3f\n",
					s.Name, class, right, r.Metrics.N, class, 100*r.Metrics.Accuracy, sum/float64(max(len(r.P), 1)))
			}
			o.NoScrub = true
			raw, err := reliability.LeaveOneOut(ctx, sets, o)
			if err != nil {
				return err
			}
			rm := reliability.Mean(raw)
			isot, err := reliability.CrossValidate(ctx, sets[0], folds, o)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "\n(iii) leakage ablation, without scrubbing boilerplate: LODO mean macro-F1 %.3f (scrubbed %.3f); %s CV macro-F1 %.3f (scrubbed %.3f)\n",
				rm.MacroF1, mean.MacroF1, sets[0].Name, isot.Metrics.MacroF1, cv[0].Metrics.MacroF1)
			fmt.Fprintf(out, "\n(iv) recipe ablation, LODO mean macro-F1 / ECE (full recipe %.3f / %.3f):\n", mean.MacroF1, mean.ECE)
			var twoClass []reliability.Set
			noSourcing := make([]reliability.Set, len(sets))
			for i, s := range sets {
				if !s.TrainOnly {
					twoClass = append(twoClass, s)
				}
				noSourcing[i] = s
				noSourcing[i].Examples = make([]reliability.Example, len(s.Examples))
				for j, e := range s.Examples {
					e.Sourcing = nil
					noSourcing[i].Examples[j] = e
				}
			}
			for _, ab := range []struct {
				what string
				sets []reliability.Set
				o    reliability.TrainOptions
			}{
				{"calibrated on a 15% hold-out instead of on left-out sources", sets, reliability.TrainOptions{Seed: seed, Calibration: reliability.Holdout}},
				{"one Platt fit to all left-out sources' scores pooled", sets, reliability.TrainOptions{Seed: seed, Calibration: reliability.PooledPlatt}},
				{"classes balanced, sources not", sets, reliability.TrainOptions{Seed: seed, NoSourceBalance: true}},
				{"without the one-class sets in training", twoClass, reliability.TrainOptions{Seed: seed}},
				{"without the sourcing signals (attribution stage)", noSourcing, reliability.TrainOptions{Seed: seed}},
			} {
				rs, err := reliability.LeaveOneOut(ctx, ab.sets, ab.o)
				if err != nil {
					return err
				}
				am := reliability.Mean(rs)
				fmt.Fprintf(out, "  %-60s %.3f / %.3f\n", ab.what, am.MacroF1, am.ECE)
			}
			if diagram != "" {
				var p []float64
				var y []bool
				for _, r := range lodo {
					p = append(p, r.P...)
					y = append(y, r.Y...)
				}
				if err := os.WriteFile(diagram, []byte(reliability.DiagramSVG(reliability.Bins(p, y, 10), "Leave-one-dataset-out")), 0o644); err != nil {
					return err
				}
				fmt.Fprintf(out, "\nreliability diagram of the LODO predictions: %s\n", diagram)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&diagram, "diagram", "reliability-lodo.svg", "where to write the reliability diagram (SVG); empty for none")
	cmd.Flags().IntVar(&folds, "folds", 5, "cross-validation folds")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed for the training order, the hold-out draw and the CV folds (peers are scored on the folds of seed 1)")
	cmd.Flags().StringVar(&export, "export", "", "write the exact CV folds and LODO splits as TSV under this directory, for peers, and stop")
	cmd.Flags().StringVar(&score, "score", "", "score a peer's predictions (pred.PEER beside each test.tsv) under this directory")
	cmd.Flags().StringVar(&peer, "peer", "", "the peer name for --score")
	return cmd
}
