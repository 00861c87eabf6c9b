package stance

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Metrics are the FNC-1 measures of a set of predictions.
type Metrics struct {
	N        int
	Score    float64 // FNC-1 weighted score
	MaxScore float64
	Relative float64 // Score / MaxScore
	Accuracy float64
	MacroF1  float64
	F1       []float64 // per stance, in the order of Stances
	P, R     []float64
	// Confusion[gold][predicted]
	Confusion [][]int
}

// Score computes FNC-1 metrics. The FNC-1 score gives 0.25 for telling
// related from unrelated correctly and 0.75 more for the exact stance of a
// related pair.
func Score(gold, pred []int) Metrics {
	k := len(Stances)
	unrelated := Index("unrelated")
	m := Metrics{N: len(gold), F1: make([]float64, k), P: make([]float64, k), R: make([]float64, k), Confusion: make([][]int, k)}
	for i := range m.Confusion {
		m.Confusion[i] = make([]int, k)
	}
	correct := 0
	for i, g := range gold {
		p := pred[i]
		m.Confusion[g][p]++
		if g == p {
			correct++
		}
		if g == unrelated {
			m.MaxScore += 0.25
			if p == unrelated {
				m.Score += 0.25
			}
			continue
		}
		m.MaxScore++
		if p != unrelated {
			m.Score += 0.25
		}
		if p == g {
			m.Score += 0.75
		}
	}
	if m.MaxScore > 0 {
		m.Relative = m.Score / m.MaxScore
	}
	if m.N > 0 {
		m.Accuracy = float64(correct) / float64(m.N)
	}
	for c := 0; c < k; c++ {
		tp, fp, fn := 0, 0, 0
		for g := 0; g < k; g++ {
			for p := 0; p < k; p++ {
				switch {
				case g == c && p == c:
					tp += m.Confusion[g][p]
				case p == c:
					fp += m.Confusion[g][p]
				case g == c:
					fn += m.Confusion[g][p]
				}
			}
		}
		if tp+fp > 0 {
			m.P[c] = float64(tp) / float64(tp+fp)
		}
		if tp+fn > 0 {
			m.R[c] = float64(tp) / float64(tp+fn)
		}
		if m.P[c]+m.R[c] > 0 {
			m.F1[c] = 2 * m.P[c] * m.R[c] / (m.P[c] + m.R[c])
		}
		m.MacroF1 += m.F1[c] / float64(k)
	}
	return m
}

// Systems are what Evaluate compares.
type Result struct {
	Name    string
	Metrics Metrics
}

// EvalOptions configure Evaluate.
type EvalOptions struct {
	Seed     int     // of the split by body (default 1)
	TestFrac float64 // share of bodies held out (default 0.2)
	// Unlabelled bodies add to the document frequencies (never test data).
	Unlabelled []string
	GBDT       GBDTOptions
}

// Evaluate splits pairs by body, trains the baseline (logistic regression
// on the TF-IDF cosine of headline and body), logistic regression on every
// feature, and the boosted trees on the training part, and scores all
// three on the held-out bodies. It reports the sizes of the split on w.
func Evaluate(ctx context.Context, pairs []Pair, o EvalOptions, w io.Writer) ([]Result, error) {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.TestFrac <= 0 || o.TestFrac >= 1 {
		o.TestFrac = 0.2
	}
	train, test := Split(pairs, o.Seed, o.TestFrac)
	if len(train) == 0 || len(test) == 0 {
		return nil, fmt.Errorf("%w: the split left an empty side (%d train, %d test)", ErrData, len(train), len(test))
	}
	texts := append([]string(nil), o.Unlabelled...)
	seenBody := map[int]bool{}
	for _, p := range train {
		texts = append(texts, p.Headline)
		if !seenBody[p.BodyID] {
			seenBody[p.BodyID] = true
			texts = append(texts, p.Body)
		}
	}
	f := NewFeaturizer(texts)
	rows := func(ps []Pair) ([][]float64, []int, error) {
		X, y := make([][]float64, len(ps)), make([]int, len(ps))
		for i, p := range ps {
			if i%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, nil, err
				}
			}
			X[i], y[i] = f.Features(p.Headline, p.Body), Index(p.Stance)
		}
		return X, y, nil
	}
	Xtr, ytr, err := rows(train)
	if err != nil {
		return nil, err
	}
	Xte, yte, err := rows(test)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "split by body (seed %d, %.0f%% of bodies held out): train %d pairs / %d bodies, test %d pairs / %d bodies\n",
		o.Seed, 100*o.TestFrac, len(train), len(seenBody), len(test), countBodies(test))
	cos := []int{0}
	systems := []struct {
		name  string
		model Classifier
	}{
		{"baseline: TF-IDF cosine + logistic regression", TrainLogistic(Xtr, ytr, len(Stances), cos, 0, 300)},
		{"logistic regression, all features", TrainLogistic(Xtr, ytr, len(Stances), nil, 1e-4, 300)},
		{"sift: boosted trees, all features", TrainGBDT(Xtr, ytr, len(Stances), o.GBDT)},
	}
	var out []Result
	for _, s := range systems {
		pred := make([]int, len(Xte))
		for i, x := range Xte {
			pred[i] = argmax(s.model.Predict(x))
		}
		out = append(out, Result{Name: s.name, Metrics: Score(yte, pred)})
	}
	return out, nil
}

func countBodies(ps []Pair) int {
	seen := map[int]bool{}
	for _, p := range ps {
		seen[p.BodyID] = true
	}
	return len(seen)
}

func argmax(p []float64) int {
	best := 0
	for i, v := range p {
		if v > p[best] {
			best = i
		}
	}
	return best
}

// Report writes results as a table.
func Report(w io.Writer, rs []Result) {
	fmt.Fprintf(w, "\n%-48s %10s %8s %8s %8s %8s %8s %8s\n", "system", "FNC score", "acc", "macroF1", "F1 agr", "F1 dis", "F1 disc", "F1 unr")
	for _, r := range rs {
		m := r.Metrics
		fmt.Fprintf(w, "%-48s %9.1f%% %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f\n", r.Name, 100*m.Relative, m.Accuracy, m.MacroF1, m.F1[0], m.F1[1], m.F1[2], m.F1[3])
	}
	if len(rs) > 0 {
		m := rs[len(rs)-1].Metrics
		fmt.Fprintf(w, "\nconfusion of %q (rows gold, columns predicted; %s):\n", rs[len(rs)-1].Name, strings.Join(Stances, ", "))
		for g, row := range m.Confusion {
			fmt.Fprintf(w, "  %-10s", Stances[g])
			for _, n := range row {
				fmt.Fprintf(w, " %6d", n)
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "FNC score %.2f of %.2f\n", m.Score, m.MaxScore)
	}
}
