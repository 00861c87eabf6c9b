package stance

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Classifier predicts class probabilities for a feature row.
type Classifier interface {
	Predict(x []float64) []float64
}

// GBDTOptions configure gradient boosting.
type GBDTOptions struct {
	Rounds    int     // boosting rounds (default 300)
	Depth     int     // tree depth (default 4)
	Rate      float64 // learning rate (default 0.1)
	Lambda    float64 // L2 on leaf values (default 1)
	MinLeaf   int     // least examples in a leaf (default 20)
	Subsample float64 // rows drawn per round (default 0.8)
	Bins      int     // histogram bins per feature (default 64)
	Seed      uint64
	// ClassWeight multiplies the loss of each class (nil: all 1).
	ClassWeight []float64
}

func (o *GBDTOptions) defaults() {
	if o.Rounds <= 0 {
		o.Rounds = 300
	}
	if o.Depth <= 0 {
		o.Depth = 4
	}
	if o.Rate <= 0 {
		o.Rate = 0.1
	}
	if o.Lambda <= 0 {
		o.Lambda = 1
	}
	if o.MinLeaf <= 0 {
		o.MinLeaf = 20
	}
	if o.Subsample <= 0 || o.Subsample > 1 {
		o.Subsample = 0.8
	}
	if o.Bins <= 1 || o.Bins > 256 {
		o.Bins = 64
	}
}

// GBDT is a multi-class gradient-boosted tree ensemble (softmax loss,
// second-order leaf values, histogram splits).
type GBDT struct {
	K     int
	edges [][]float64 // per feature: upper bin edges
	trees [][]tree    // per round, per class
	base  []float64
}

type node struct {
	feat, bin   int // split: bin(x[feat]) <= bin goes left
	left, right int // children, -1 for a leaf
	value       float64
}

type tree []node

func (t tree) eval(bins []uint8) float64 {
	i := 0
	for t[i].left >= 0 {
		if int(bins[t[i].feat]) <= t[i].bin {
			i = t[i].left
		} else {
			i = t[i].right
		}
	}
	return t[i].value
}

func quantileEdges(col []float64, bins int) []float64 {
	s := append([]float64(nil), col...)
	sort.Float64s(s)
	var edges []float64
	for b := 1; b < bins; b++ {
		v := s[min(len(s)-1, b*len(s)/bins)]
		if len(edges) == 0 || v > edges[len(edges)-1] {
			edges = append(edges, v)
		}
	}
	return edges
}

func (g *GBDT) binRow(x []float64) []uint8 {
	out := make([]uint8, len(x))
	for j, v := range x {
		out[j] = uint8(sort.SearchFloat64s(g.edges[j], v)) // edges[b-1] < v <= edges[b]
	}
	return out
}

// TrainGBDT fits the ensemble to rows X with classes y in [0, k).
func TrainGBDT(X [][]float64, y []int, k int, o GBDTOptions) *GBDT {
	o.defaults()
	n, d := len(X), len(X[0])
	g := &GBDT{K: k, edges: make([][]float64, d), base: make([]float64, k)}
	col := make([]float64, n)
	for j := 0; j < d; j++ {
		for i := range X {
			col[i] = X[i][j]
		}
		g.edges[j] = quantileEdges(col, o.Bins)
	}
	B := make([][]uint8, n)
	for i := range X {
		B[i] = g.binRow(X[i])
	}
	w := make([]float64, n)
	prior := make([]float64, k)
	for i, c := range y {
		w[i] = 1
		if o.ClassWeight != nil {
			w[i] = o.ClassWeight[c]
		}
		prior[c] += w[i]
	}
	var tot float64
	for _, p := range prior {
		tot += p
	}
	for c := range g.base {
		g.base[c] = math.Log(math.Max(prior[c], 1e-9) / tot)
	}
	F := make([][]float64, n)
	for i := range F {
		F[i] = append([]float64(nil), g.base...)
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	grad, hess := make([]float64, n), make([]float64, n)
	P := make([][]float64, n)
	for i := range P {
		P[i] = make([]float64, k)
	}
	for round := 0; round < o.Rounds; round++ {
		var rows []int
		for i := 0; i < n; i++ {
			if rng.Float64() < o.Subsample {
				rows = append(rows, i)
			}
		}
		for _, i := range rows {
			softmax(F[i], P[i])
		}
		trees := make([]tree, k)
		for c := 0; c < k; c++ {
			for _, i := range rows {
				p := P[i]
				yc := 0.0
				if y[i] == c {
					yc = 1
				}
				grad[i] = w[i] * (p[c] - yc)
				hess[i] = w[i] * math.Max(p[c]*(1-p[c]), 1e-6)
			}
			trees[c] = grow(B, rows, grad, hess, d, o)
		}
		for i := range F {
			for c := 0; c < k; c++ {
				F[i][c] += trees[c].eval(B[i])
			}
		}
		g.trees = append(g.trees, trees)
	}
	return g
}

func softmax(f, p []float64) {
	m := f[0]
	for _, v := range f[1:] {
		m = math.Max(m, v)
	}
	var s float64
	for i, v := range f {
		p[i] = math.Exp(v - m)
		s += p[i]
	}
	for i := range p {
		p[i] /= s
	}
}

// grow builds one regression tree on gradients and hessians, depth first.
func grow(B [][]uint8, rows []int, grad, hess []float64, d int, o GBDTOptions) tree {
	var t tree
	var build func(rows []int, depth int) int
	build = func(rows []int, depth int) int {
		var G, H float64
		for _, i := range rows {
			G += grad[i]
			H += hess[i]
		}
		id := len(t)
		t = append(t, node{left: -1, right: -1, value: -o.Rate * G / (H + o.Lambda)})
		if depth >= o.Depth || len(rows) < 2*o.MinLeaf {
			return id
		}
		parent := G * G / (H + o.Lambda)
		bestGain, bestF, bestB := 1e-9, -1, -1
		gh := make([]float64, 2*o.Bins)
		cnt := make([]int, o.Bins)
		for j := 0; j < d; j++ {
			clear(gh)
			clear(cnt)
			for _, i := range rows {
				b := B[i][j]
				gh[2*b] += grad[i]
				gh[2*b+1] += hess[i]
				cnt[b]++
			}
			var gl, hl float64
			nl := 0
			for b := 0; b < o.Bins-1; b++ {
				gl += gh[2*b]
				hl += gh[2*b+1]
				nl += cnt[b]
				if nl < o.MinLeaf {
					continue
				}
				if len(rows)-nl < o.MinLeaf {
					break
				}
				gr, hr := G-gl, H-hl
				gain := gl*gl/(hl+o.Lambda) + gr*gr/(hr+o.Lambda) - parent
				if gain > bestGain {
					bestGain, bestF, bestB = gain, j, b
				}
			}
		}
		if bestF < 0 {
			return id
		}
		var left, right []int
		for _, i := range rows {
			if int(B[i][bestF]) <= bestB {
				left = append(left, i)
			} else {
				right = append(right, i)
			}
		}
		l := build(left, depth+1)
		r := build(right, depth+1)
		t[id].feat, t[id].bin, t[id].left, t[id].right = bestF, bestB, l, r
		return id
	}
	build(rows, 0)
	return t
}

// Predict returns class probabilities.
func (g *GBDT) Predict(x []float64) []float64 {
	b := g.binRow(x)
	f := append([]float64(nil), g.base...)
	for _, trees := range g.trees {
		for c, t := range trees {
			f[c] += t.eval(b)
		}
	}
	p := make([]float64, g.K)
	softmax(f, p)
	return p
}

// Logistic is multinomial logistic regression on standardised features.
type Logistic struct {
	K          int
	mean, sd   []float64
	W          [][]float64 // K × (d+1), last column the bias
	Features   []int       // columns of the row it reads (nil: all)
	Iterations int
}

// TrainLogistic fits multinomial logistic regression by full-batch
// gradient descent with L2 (lambda) on the given columns of X (nil: all).
func TrainLogistic(X [][]float64, y []int, k int, cols []int, lambda float64, iters int) *Logistic {
	if cols == nil {
		for j := range X[0] {
			cols = append(cols, j)
		}
	}
	d := len(cols)
	m := &Logistic{K: k, mean: make([]float64, d), sd: make([]float64, d), Features: cols, Iterations: iters}
	n := float64(len(X))
	for jj, j := range cols {
		for _, x := range X {
			m.mean[jj] += x[j] / n
		}
		for _, x := range X {
			m.sd[jj] += (x[j] - m.mean[jj]) * (x[j] - m.mean[jj]) / n
		}
		m.sd[jj] = math.Sqrt(m.sd[jj])
		if m.sd[jj] == 0 {
			m.sd[jj] = 1
		}
	}
	Z := make([][]float64, len(X))
	for i, x := range X {
		Z[i] = m.row(x)
	}
	m.W = make([][]float64, k)
	for c := range m.W {
		m.W[c] = make([]float64, d+1)
	}
	grad := make([][]float64, k)
	for c := range grad {
		grad[c] = make([]float64, d+1)
	}
	p := make([]float64, k)
	f := make([]float64, k)
	const lr = 0.5
	for it := 0; it < iters; it++ {
		for c := range grad {
			clear(grad[c])
		}
		for i, z := range Z {
			m.scores(z, f)
			softmax(f, p)
			for c := 0; c < k; c++ {
				e := p[c]
				if y[i] == c {
					e--
				}
				for j, v := range z {
					grad[c][j] += e * v / n
				}
				grad[c][d] += e / n
			}
		}
		for c := 0; c < k; c++ {
			for j := 0; j < d; j++ {
				m.W[c][j] -= lr * (grad[c][j] + lambda*m.W[c][j])
			}
			m.W[c][d] -= lr * grad[c][d]
		}
	}
	return m
}

func (m *Logistic) row(x []float64) []float64 {
	z := make([]float64, len(m.Features))
	for jj, j := range m.Features {
		z[jj] = (x[j] - m.mean[jj]) / m.sd[jj]
	}
	return z
}

func (m *Logistic) scores(z, f []float64) {
	d := len(z)
	for c := range f {
		s := m.W[c][d]
		for j, v := range z {
			s += m.W[c][j] * v
		}
		f[c] = s
	}
}

// Predict returns class probabilities.
func (m *Logistic) Predict(x []float64) []float64 {
	f := make([]float64, m.K)
	p := make([]float64, m.K)
	m.scores(m.row(x), f)
	softmax(f, p)
	return p
}
