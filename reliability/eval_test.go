package reliability

import (
	"math"
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
