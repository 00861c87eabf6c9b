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
	a, c := platt(s, y)
	if math.Abs(a-2) > 0.4 || math.Abs(c+1) > 0.4 {
		t.Errorf("platt a=%.2f c=%.2f, want about 2, -1", a, c)
	}
}
