package reliability

import (
	"math"
	"sort"
)

// Metrics are the standard scores of probabilistic binary predictions
// (positive class: unreliable).
type Metrics struct {
	N        int     `json:"n"`
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"`
	AUC      float64 `json:"roc_auc"`
	ECE      float64 `json:"ece"`
	// Predicted counts how many were predicted unreliable.
	Predicted int `json:"predicted_unreliable"`
}

// Score computes accuracy and macro-F1 at 0.5, ROC-AUC, and expected
// calibration error over 10 equal-width bins.
func Score(p []float64, y []bool) Metrics {
	m := Metrics{N: len(p)}
	if len(p) == 0 {
		return m
	}
	var tp, fp, tn, fn float64
	for i, pi := range p {
		pred := pi >= 0.5
		if pred {
			m.Predicted++
		}
		switch {
		case pred && y[i]:
			tp++
		case pred && !y[i]:
			fp++
		case !pred && !y[i]:
			tn++
		default:
			fn++
		}
	}
	m.Accuracy = (tp + tn) / float64(len(p))
	f1 := func(tp, fp, fn float64) float64 {
		if 2*tp+fp+fn == 0 {
			return 0
		}
		return 2 * tp / (2*tp + fp + fn)
	}
	m.MacroF1 = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2
	m.AUC = auc(p, y)
	m.ECE = ece(p, y, 10)
	return m
}

// auc is the probability that a random positive scores above a random
// negative (ties count half), by ranks.
func auc(p []float64, y []bool) float64 {
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	var pos, neg, rankSum float64
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && p[idx[j]] == p[idx[i]] {
			j++
		}
		avg := float64(i+j+1) / 2 // 1-based average rank
		for k := i; k < j; k++ {
			if y[idx[k]] {
				rankSum += avg
			}
		}
		i = j
	}
	for _, v := range y {
		if v {
			pos++
		} else {
			neg++
		}
	}
	if pos == 0 || neg == 0 {
		return math.NaN()
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

// Bin is one bin of a reliability diagram.
type Bin struct {
	Lo, Hi     float64
	N          int
	MeanP      float64
	Unreliable float64 // observed share
}

// Bins splits predictions into n equal-width probability bins.
func Bins(p []float64, y []bool, n int) []Bin {
	bins := make([]Bin, n)
	for i := range bins {
		bins[i].Lo, bins[i].Hi = float64(i)/float64(n), float64(i+1)/float64(n)
	}
	for i, pi := range p {
		k := min(int(pi*float64(n)), n-1)
		bins[k].N++
		bins[k].MeanP += pi
		if y[i] {
			bins[k].Unreliable++
		}
	}
	for i := range bins {
		if bins[i].N > 0 {
			bins[i].MeanP /= float64(bins[i].N)
			bins[i].Unreliable /= float64(bins[i].N)
		}
	}
	return bins
}

func ece(p []float64, y []bool, n int) float64 {
	var e float64
	for _, b := range Bins(p, y, n) {
		if b.N > 0 {
			e += float64(b.N) / float64(len(p)) * math.Abs(b.MeanP-b.Unreliable)
		}
	}
	return e
}
