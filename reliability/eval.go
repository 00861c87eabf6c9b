package reliability

import (
	"context"
	"math/rand/v2"
	"sort"
)

// Set is a named labelled dataset.
type Set struct {
	Name     string
	Examples []Example
}

// Result is one evaluation: predictions pooled over its folds or its
// held-out set.
type Result struct {
	Name    string
	Metrics Metrics
	// Raw keeps the uncalibrated-vs-calibrated comparison: metrics of the
	// same predictions without Platt scaling.
	Uncalibrated Metrics
	P            []float64 `json:"-"`
	Y            []bool    `json:"-"`
}

func predict(m *Model, data []sample) (cal, raw []float64) {
	cal = make([]float64, len(data))
	raw = make([]float64, len(data))
	for i, s := range data {
		z := m.score(s)
		raw[i] = sigmoid(z)
		cal[i] = sigmoid(m.a*z + m.c)
	}
	return cal, raw
}

func labels(data []sample) []bool {
	y := make([]bool, len(data))
	for i, s := range data {
		y[i] = s.y
	}
	return y
}

// Folds assigns each example a stratified fold in [0, k), the same way
// for the same seed (peers are evaluated on exactly these folds).
func Folds(ex []Example, k int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, 0xf01d))
	var pos, neg []int
	for i, e := range ex {
		if e.Unreliable {
			pos = append(pos, i)
		} else {
			neg = append(neg, i)
		}
	}
	rng.Shuffle(len(pos), func(i, j int) { pos[i], pos[j] = pos[j], pos[i] })
	rng.Shuffle(len(neg), func(i, j int) { neg[i], neg[j] = neg[j], neg[i] })
	fold := make([]int, len(ex))
	for r, i := range pos {
		fold[i] = r % k
	}
	for r, i := range neg {
		fold[i] = r % k
	}
	return fold
}

// CrossValidate runs stratified k-fold cross-validation within one set.
func CrossValidate(ctx context.Context, s Set, k int, o TrainOptions) (Result, error) {
	data := prepare(s.Examples, o.NoScrub)
	fold := Folds(s.Examples, k, o.Seed)
	res := Result{Name: s.Name}
	var raw []float64
	for f := 0; f < k; f++ {
		var train, test []sample
		for i, d := range data {
			if fold[i] == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		m, err := trainSamples(ctx, train, o)
		if err != nil {
			return res, err
		}
		c, r := predict(m, test)
		res.P = append(res.P, c...)
		raw = append(raw, r...)
		res.Y = append(res.Y, labels(test)...)
	}
	res.Metrics = Score(res.P, res.Y)
	res.Uncalibrated = Score(raw, res.Y)
	return res, nil
}

// LeaveOneOut trains on every set but one and tests on that one, for each
// set in turn.
func LeaveOneOut(ctx context.Context, sets []Set, o TrainOptions) ([]Result, error) {
	prepared := make([][]sample, len(sets))
	for i, s := range sets {
		prepared[i] = prepare(s.Examples, o.NoScrub)
	}
	var out []Result
	for i, s := range sets {
		var train []sample
		for j := range sets {
			if j != i {
				train = append(train, prepared[j]...)
			}
		}
		m, err := trainSamples(ctx, train, o)
		if err != nil {
			return nil, err
		}
		c, r := predict(m, prepared[i])
		y := labels(prepared[i])
		out = append(out, Result{Name: s.Name, Metrics: Score(c, y), Uncalibrated: Score(r, y), P: c, Y: y})
	}
	return out, nil
}

// Mean averages the metrics of results.
func Mean(rs []Result) Metrics {
	var m Metrics
	for _, r := range rs {
		m.N += r.Metrics.N
		m.Accuracy += r.Metrics.Accuracy
		m.MacroF1 += r.Metrics.MacroF1
		m.AUC += r.Metrics.AUC
		m.ECE += r.Metrics.ECE
		m.Predicted += r.Metrics.Predicted
	}
	n := float64(len(rs))
	if n > 0 {
		m.Accuracy /= n
		m.MacroF1 /= n
		m.AUC /= n
		m.ECE /= n
	}
	return m
}

// SortSets orders sets by name for stable output.
func SortSets(sets []Set) {
	sort.Slice(sets, func(i, j int) bool { return sets[i].Name < sets[j].Name })
}
