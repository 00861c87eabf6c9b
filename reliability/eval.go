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
	// TrainOnly marks a set that is trained on but never held out (a set
	// of one class, which macro-F1 cannot score).
	TrainOnly bool
}

// Result is one evaluation: predictions pooled over its folds or its
// held-out set.
type Result struct {
	Name    string
	Metrics Metrics
	// Raw keeps the uncalibrated-vs-calibrated comparison: metrics of the
	// same predictions without Platt scaling.
	Uncalibrated Metrics
	// Calibration is the held-out run's calibration (LeaveOneOut and
	// HoldOut only).
	Calibration CalibrationInfo
	P           []float64 `json:"-"`
	Y           []bool    `json:"-"`
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
// Examples that share a Group fall in the same fold.
func Folds(ex []Example, k int, seed uint64) []int {
	return assignFolds(len(ex), func(i int) bool { return ex[i].Unreliable }, func(i int) string { return ex[i].Group }, k, seed, 0xf01d)
}

// assignFolds gives each of n examples a fold in [0, k), stratified by
// class, examples of one group together; stream picks the random stream.
func assignFolds(n int, unreliable func(int) bool, group func(int) string, k int, seed, stream uint64) []int {
	rng := rand.New(rand.NewPCG(seed, stream))
	// units: one per group (or per ungrouped example), in first-seen order
	var units [][]int
	byGroup := map[string]int{}
	for i := 0; i < n; i++ {
		g := group(i)
		if g == "" {
			units = append(units, []int{i})
			continue
		}
		u, ok := byGroup[g]
		if !ok {
			u = len(units)
			byGroup[g] = u
			units = append(units, nil)
		}
		units[u] = append(units[u], i)
	}
	// stratify units by their share of unreliable examples
	var pos, neg, mixed []int
	for u, members := range units {
		p := 0
		for _, i := range members {
			if unreliable(i) {
				p++
			}
		}
		switch {
		case p == len(members):
			pos = append(pos, u)
		case p == 0:
			neg = append(neg, u)
		default:
			mixed = append(mixed, u)
		}
	}
	fold := make([]int, n)
	for _, class := range [][]int{pos, neg, mixed} {
		rng.Shuffle(len(class), func(i, j int) { class[i], class[j] = class[j], class[i] })
		for r, u := range class {
			for _, i := range units[u] {
				fold[i] = r % k
			}
		}
	}
	return fold
}

// CrossValidate runs stratified k-fold cross-validation within one set.
func CrossValidate(ctx context.Context, s Set, k int, o TrainOptions) (Result, error) {
	data, _ := prepare(s.Examples, o.NoScrub)
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
// set in turn (sets marked TrainOnly are trained on, never held out).
func LeaveOneOut(ctx context.Context, sets []Set, o TrainOptions) ([]Result, error) {
	prepared := prepareSets(sets, o)
	var out []Result
	for i, s := range sets {
		if s.TrainOnly {
			continue
		}
		r, err := holdOut(ctx, sets, prepared, i, o)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// HoldOut trains on every set but sets[i] and tests on sets[i], whether
// or not it is TrainOnly.
func HoldOut(ctx context.Context, sets []Set, i int, o TrainOptions) (Result, error) {
	return holdOut(ctx, sets, prepareSets(sets, o), i, o)
}

// prepareSets featurizes every set; each set is its own source.
func prepareSets(sets []Set, o TrainOptions) [][]sample {
	prepared := make([][]sample, len(sets))
	for i, s := range sets {
		prepared[i], _ = prepare(s.Examples, o.NoScrub)
		for k := range prepared[i] {
			prepared[i][k].domain = i
		}
	}
	return prepared
}

func holdOut(ctx context.Context, sets []Set, prepared [][]sample, i int, o TrainOptions) (Result, error) {
	var train []sample
	for j := range sets {
		if j != i {
			train = append(train, prepared[j]...)
		}
	}
	m, err := trainSamples(ctx, train, o)
	if err != nil {
		return Result{}, err
	}
	c, r := predict(m, prepared[i])
	y := labels(prepared[i])
	cal := m.Info.Calibration
	for k, x := range cal.Sources {
		cal.Sources[k].Source = sets[x.domain].Name
	}
	return Result{Name: sets[i].Name, Metrics: Score(c, y), Uncalibrated: Score(r, y), Calibration: cal, P: c, Y: y}, nil
}

// Mean averages the metrics of results.
func Mean(rs []Result) Metrics {
	return meanOf(rs, func(r Result) Metrics { return r.Metrics })
}

// MeanUncalibrated averages the metrics of results before calibration.
func MeanUncalibrated(rs []Result) Metrics {
	return meanOf(rs, func(r Result) Metrics { return r.Uncalibrated })
}

func meanOf(rs []Result, get func(Result) Metrics) Metrics {
	var m Metrics
	for _, r := range rs {
		g := get(r)
		m.N += g.N
		m.Accuracy += g.Accuracy
		m.MacroF1 += g.MacroF1
		m.AUC += g.AUC
		m.ECE += g.ECE
		m.Predicted += g.Predicted
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
