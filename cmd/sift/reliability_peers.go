package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/siftnews/sift/reliability"
)

// exportSplits writes the exact cross-validation folds and leave-one-
// dataset-out splits as TSV (label 0/1, tab, scrubbed title and text on one
// line), so that peers train and test on the same articles.
func exportSplits(dir string, sets []reliability.Set, folds int) error {
	line := func(e reliability.Example) string {
		t := e.Title + " . " + reliability.Scrub(e.Text)
		t = strings.Join(strings.Fields(t), " ")
		l := "0"
		if e.Unreliable {
			l = "1"
		}
		return l + "\t" + t + "\n"
	}
	write := func(path string, ex []reliability.Example) error {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		var b strings.Builder
		for _, e := range ex {
			b.WriteString(line(e))
		}
		return os.WriteFile(path, []byte(b.String()), 0o644)
	}
	for i, s := range sets {
		if s.TrainOnly {
			continue // in every LODO training file, never tested
		}
		fold := reliability.Folds(s.Examples, folds, 1)
		for f := 0; f < folds; f++ {
			var tr, te []reliability.Example
			for j, e := range s.Examples {
				if fold[j] == f {
					te = append(te, e)
				} else {
					tr = append(tr, e)
				}
			}
			d := filepath.Join(dir, "cv", s.Name, strconv.Itoa(f))
			if err := write(filepath.Join(d, "train.tsv"), tr); err != nil {
				return err
			}
			if err := write(filepath.Join(d, "test.tsv"), te); err != nil {
				return err
			}
		}
		var tr []reliability.Example
		for j, o := range sets {
			if j != i {
				tr = append(tr, o.Examples...)
			}
		}
		d := filepath.Join(dir, "lodo", s.Name)
		if err := write(filepath.Join(d, "train.tsv"), tr); err != nil {
			return err
		}
		if err := write(filepath.Join(d, "test.tsv"), s.Examples); err != nil {
			return err
		}
	}
	return nil
}

// readSplitPreds reads a split's gold labels and a peer's probabilities.
func readSplitPreds(d, peer string) ([]float64, []bool, error) {
	tf, err := os.Open(filepath.Join(d, "test.tsv"))
	if err != nil {
		return nil, nil, err
	}
	defer tf.Close()
	var y []bool
	sc := bufio.NewScanner(tf)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		y = append(y, strings.HasPrefix(sc.Text(), "1"))
	}
	b, err := os.ReadFile(filepath.Join(d, "pred."+peer))
	if err != nil {
		return nil, nil, err
	}
	var p []float64
	for _, f := range strings.Fields(string(b)) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", d, err)
		}
		p = append(p, v)
	}
	if len(p) != len(y) {
		return nil, nil, fmt.Errorf("%s: %d predictions for %d articles", d, len(p), len(y))
	}
	return p, y, nil
}

// scorePeer prints CV and LODO tables for a peer's predictions, with
// Sift's own metrics code.
func scorePeer(out io.Writer, dir, peer string, sets []reliability.Set, folds int) error {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(out, "peer %s: stratified %d-fold CV (same folds as Sift)\n", peer, folds)
	fmt.Fprintf(w, "set\taccuracy\tmacro-F1\tROC-AUC\tECE\t\n")
	var cv, lodo []reliability.Result
	for _, s := range sets {
		if s.TrainOnly {
			continue
		}
		var P []float64
		var Y []bool
		for f := 0; f < folds; f++ {
			p, y, err := readSplitPreds(filepath.Join(dir, "cv", s.Name, strconv.Itoa(f)), peer)
			if err != nil {
				return err
			}
			P, Y = append(P, p...), append(Y, y...)
		}
		r := reliability.Result{Name: s.Name, Metrics: reliability.Score(P, Y)}
		cv = append(cv, r)
		fmt.Fprintf(w, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t\n", s.Name, r.Metrics.Accuracy, r.Metrics.MacroF1, r.Metrics.AUC, r.Metrics.ECE)
	}
	m := reliability.Mean(cv)
	fmt.Fprintf(w, "mean\t%.3f\t%.3f\t%.3f\t%.3f\t\n", m.Accuracy, m.MacroF1, m.AUC, m.ECE)
	w.Flush()
	fmt.Fprintf(out, "\npeer %s: leave one dataset out\n", peer)
	fmt.Fprintf(w, "set\taccuracy\tmacro-F1\tROC-AUC\tECE\t\n")
	for _, s := range sets {
		if s.TrainOnly {
			continue
		}
		p, y, err := readSplitPreds(filepath.Join(dir, "lodo", s.Name), peer)
		if err != nil {
			return err
		}
		r := reliability.Result{Name: s.Name, Metrics: reliability.Score(p, y)}
		lodo = append(lodo, r)
		fmt.Fprintf(w, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t\n", s.Name, r.Metrics.Accuracy, r.Metrics.MacroF1, r.Metrics.AUC, r.Metrics.ECE)
	}
	m = reliability.Mean(lodo)
	fmt.Fprintf(w, "mean\t%.3f\t%.3f\t%.3f\t%.3f\t\n", m.Accuracy, m.MacroF1, m.AUC, m.ECE)
	return w.Flush()
}
