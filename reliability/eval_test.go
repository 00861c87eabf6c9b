package reliability

import (
	"context"
	"math"
	"strings"
	"testing"
)

func TestScoreMetrics(t *testing.T) {
	p := []float64{0.9, 0.8, 0.3, 0.2, 0.6, 0.4}
	y := []bool{true, true, false, false, false, true}
	m := Score(p, y)
	if m.Accuracy != 4.0/6 || m.Predicted != 3 {
		t.Errorf("accuracy %v predicted %d", m.Accuracy, m.Predicted)
	}
	// positives 0.9 0.8 0.4; negatives 0.3 0.2 0.6: 8 of 9 pairs ordered
	if math.Abs(m.AUC-8.0/9) > 1e-9 {
		t.Errorf("AUC %v", m.AUC)
	}
	if m.ECE <= 0 || m.ECE > 1 {
		t.Errorf("ECE %v", m.ECE)
	}
	perfect := Score([]float64{1, 0}, []bool{true, false})
	if perfect.MacroF1 != 1 || perfect.ECE != 0 || perfect.AUC != 1 {
		t.Errorf("perfect: %+v", perfect)
	}
}

func TestPlattRecoversScale(t *testing.T) {
	var s []float64
	var y []bool
	for i := 0; i < 2000; i++ {
		x := float64(i%200)/20 - 5
		s = append(s, x)
		// true probability σ(2x - 1)
		y = append(y, float64((i*7919)%1000)/1000 < sigmoid(2*x-1))
	}
	a, c := platt(s, y, nil)
	if math.Abs(a-2) > 0.4 || math.Abs(c+1) > 0.4 {
		t.Errorf("platt a=%.2f c=%.2f, want about 2, -1", a, c)
	}
}

// TestPlattWeightedConverges: scores far from zero on one side used to
// send an undamped Newton step off to a = 20, c = −900.
func TestPlattWeightedConverges(t *testing.T) {
	var s, w []float64
	var y []bool
	for i := 0; i < 3000; i++ {
		x := -4 + float64(i%100)/40 // −4 … −1.5
		s = append(s, x)
		y = append(y, (i*7919)%1000 < 300+int(60*(x+4)))
		w = append(w, 1+float64(i%3))
	}
	a, c := platt(s, y, w)
	if a <= 0.05 || a >= 5 || math.Abs(c) > 10 {
		t.Errorf("platt a=%.3f c=%.3f, want a modest slope and intercept", a, c)
	}
	// the fitted probabilities match the base rate on average
	var mp, my float64
	for i := range s {
		mp += sigmoid(a*s[i] + c)
		if y[i] {
			my++
		}
	}
	if d := math.Abs(mp-my) / float64(len(s)); d > 0.03 {
		t.Errorf("mean p off the base rate by %.3f", d)
	}
}

func TestFoldsKeepGroups(t *testing.T) {
	var ex []Example
	for i := 0; i < 100; i++ {
		g := ""
		if i < 60 {
			g = string(rune('a' + i/2)) // twins: 0-1, 2-3, …
		}
		ex = append(ex, Example{Unreliable: i%2 == 0, Group: g})
	}
	fold := Folds(ex, 5, 1)
	count := make([]int, 5)
	for i := 0; i < 100; i++ {
		count[fold[i]]++
		if i < 60 && i%2 == 0 && fold[i] != fold[i+1] {
			t.Errorf("twins %d and %d in folds %d and %d", i, i+1, fold[i], fold[i+1])
		}
	}
	for f, n := range count {
		if n < 16 || n > 24 {
			t.Errorf("fold %d holds %d of 100", f, n)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{0.05, 0.8, 0.7, 1.9, 0.9}, 0.8},
	} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// syntheticSources builds sources whose classes differ by a few words,
// noisily, so that each source has a finite Platt slope; oneClass adds
// a source of reliable articles only.
func syntheticSources(oneClass bool) []Example {
	good := []string{"officials", "said", "report", "according", "data", "minister"}
	bad := []string{"shocking", "truth", "hidden", "wow", "exposed", "secret"}
	var ex []Example
	for si, src := range []string{"a", "b", "c"} {
		for i := 0; i < 120; i++ {
			unreliable := i%2 == 0
			var words []string
			for k := 0; k < 12; k++ {
				// the class's own words most of the time, the other's
				// otherwise (more often in source c)
				own := (i*31+k*17+si*7)%10 >= 2+si
				if own == unreliable {
					words = append(words, bad[(i+k)%len(bad)])
				} else {
					words = append(words, good[(i+k)%len(good)])
				}
			}
			ex = append(ex, Example{Title: "t", Text: strings.Join(words, " ") + ".", Unreliable: unreliable, Source: src})
		}
	}
	if oneClass {
		for i := 0; i < 60; i++ {
			ex = append(ex, Example{Title: "t", Text: strings.Repeat(good[i%len(good)]+" ", 10), Source: "mainstream"})
		}
	}
	return ex
}

// TestSourceSlopeCalibration: calibrated for an unseen source, the
// intercept stays at the balanced prior (labels at p = 0.5 unchanged)
// and the slope shrinks the scores rather than flipping them; pooled
// Platt scaling moves the intercept.
func TestSourceSlopeCalibration(t *testing.T) {
	ctx := context.Background()
	for _, oneClass := range []bool{false, true} {
		ex := syntheticSources(oneClass)
		m, err := Train(ctx, ex, TrainOptions{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if m.c != 0 || m.a <= 0.05 || m.a >= 20 {
			t.Errorf("oneClass=%v: a=%.3f c=%.3f, want 0.05 < a < 20 and c = 0", oneClass, m.a, m.c)
		}
		// the slopes of the two-class sources, by name (not the
		// one-class source's, which has none)
		var names []string
		for _, x := range m.Info.Calibration.Sources {
			names = append(names, x.Source)
		}
		if got := strings.Join(names, ","); got != "a,b,c" || m.Info.Calibration.Method != "source-slope" {
			t.Errorf("oneClass=%v: calibration %v, want source-slope over a,b,c", oneClass, m.Info.Calibration)
		}
		for _, e := range ex[:40] {
			s := m.sample(e.Title, e.Text, nil)
			if z := m.score(s); (z > 0) != (m.Probability(e.Title, e.Text, nil) > 0.5) && z != 0 {
				t.Fatalf("calibration flipped a label: score %.3f", z)
			}
		}
		pooled, err := Train(ctx, ex, TrainOptions{Seed: 1, Calibration: PooledPlatt})
		if err != nil {
			t.Fatal(err)
		}
		if pooled.c == 0 {
			t.Errorf("oneClass=%v: pooled Platt left the intercept at 0", oneClass)
		}
	}
	// only one-class sources (no slope to take), or one source:
	// Platt scaling cross-fitted over folds; Holdout on request
	var split, one []Example
	for i := 0; i < 100; i++ {
		split = append(split, Example{Text: "officials said the report", Source: "x"}, Example{Text: "shocking truth exposed", Unreliable: true, Source: "y"})
	}
	for _, e := range syntheticSources(false) {
		e.Source = "mine"
		one = append(one, e)
	}
	for _, tc := range []struct {
		name string
		ex   []Example
		o    TrainOptions
		want string
	}{
		{"one-class sources", split, TrainOptions{Seed: 1}, "cross-fitted"},
		{"one source", one, TrainOptions{Seed: 1}, "cross-fitted"},
		{"one source, hold-out", one, TrainOptions{Seed: 1, Calibration: Holdout}, "holdout"},
		{"sources, hold-out", syntheticSources(true), TrainOptions{Seed: 1, Calibration: Holdout}, "holdout"},
	} {
		m, err := Train(ctx, tc.ex, tc.o)
		if err != nil {
			t.Fatal(err)
		}
		if c := m.Info.Calibration; c.Method != tc.want || c.Slope != m.a || c.Intercept != m.c {
			t.Errorf("%s: calibration %v (a=%.3f c=%.3f), want %s", tc.name, c, m.a, m.c, tc.want)
		}
	}
}
