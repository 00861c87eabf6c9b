// Package reliability scores how far to trust a news article: a logistic
// regression over hashed word and character n-grams, trained here on the
// public unreliable-news datasets with source boilerplate scrubbed out,
// its probability calibrated on held-out data (Platt scaling), and every
// score explained by its top contributing features.
package reliability

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// Example is one labelled article.
type Example struct {
	Title, Text string
	Unreliable  bool
	// Source names where the example comes from (a dataset or an
	// outlet). Training weighs every source alike within each class and,
	// given two or more sources, calibrates the probability on sources
	// the fit did not see.
	Source string
	// Sourcing is what the attribution stage found in the text (nil
	// when it was not run).
	Sourcing *Sourcing
	// Group ties examples that must fall on the same side of a split
	// (a fake written as a twin of a legit story); empty for none.
	Group string
}

// Model is a trained, calibrated classifier. It is safe for concurrent use.
type Model struct {
	w    []float32 // nBuckets weights
	bias float32
	// signals: standardised with the training mean and deviation
	sigW, sigMean, sigStd []float64
	ngram                 float32 // n-gram feature scale
	// Platt scaling: p = σ(a·score + c)
	a, c float64
	Info Info
}

// Info is the model's provenance.
type Info struct {
	Command  string   `json:"command,omitempty"`
	Datasets []string `json:"datasets,omitempty"`
	Articles int      `json:"articles"`
	Epochs   int      `json:"epochs"`
	// Calibration records how the probability was calibrated.
	Calibration CalibrationInfo `json:"calibration"`
}

// CalibrationInfo is the calibration p = σ(Slope·score + Intercept) and
// what it was fitted on.
type CalibrationInfo struct {
	// Method is "source-slope", "pooled-platt", "cross-fitted" or
	// "holdout".
	Method    string  `json:"method"`
	Slope     float64 `json:"slope"`
	Intercept float64 `json:"intercept"`
	// Sources are the per-source Platt slopes that source-slope takes
	// the median of (each source scored by a model fitted on the others).
	Sources []SourceFit `json:"sources,omitempty"`
}

// SourceFit is one source's own Platt slope.
type SourceFit struct {
	Source string  `json:"source"`
	Slope  float64 `json:"slope"`
	domain int     // the source's number while training
}

// String describes the calibration in a line.
func (c CalibrationInfo) String() string {
	s := fmt.Sprintf("%s: p = σ(%.3f·score %+.3f)", c.Method, c.Slope, c.Intercept)
	if len(c.Sources) > 0 {
		parts := make([]string, len(c.Sources))
		for i, x := range c.Sources {
			parts[i] = fmt.Sprintf("%s %.2f", x.Source, x.Slope)
		}
		s += "; slope = median of the per-source slopes (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int     // passes over the data (default 6)
	Rate   float64 // AdaGrad base rate (default 0.4)
	L2     float64 // L2 penalty per update on active weights (default 1e-3)
	// Holdout is the share of the data kept out of fitting to calibrate
	// the probability when Calibration is Holdout (default 0.15).
	Holdout float64
	Seed    uint64
	// NoScrub keeps source boilerplate (for the leakage ablation only).
	NoScrub bool
	// NgramScale multiplies the n-gram features (default 1; 0 leaves only
	// the signals).
	NgramScale float64
	// NoSourceBalance weighs examples by class only, not by (source,
	// class) cell (for the ablation).
	NoSourceBalance bool
	// Calibration chooses how the probability is calibrated (the
	// alternatives are for the ablation of 'sift eval reliability').
	Calibration Calibration
}

// Calibration is a way of calibrating the probability.
type Calibration int

const (
	// SourceSlope (the default) calibrates for a source never seen, given
	// data from two or more sources: each source is scored by a model
	// fitted on the others and gets its own Platt fit; the slope is the
	// median of those sources' slopes (robust to a source whose labels
	// the text does not show), and the intercept stays at the balanced
	// prior the model is trained for, since an unseen source's share of
	// unreliable articles cannot be known. One source: Platt scaling
	// cross-fitted over 5 folds (each example scored by a model fitted
	// without its fold).
	SourceSlope Calibration = iota
	// PooledPlatt fits one Platt scaling to every source's left-out
	// scores pooled, each source weighing alike. One source: as
	// SourceSlope.
	PooledPlatt
	// Holdout fits Platt scaling on a stratified 15 % hold-out.
	Holdout
)

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 6
	}
	if o.Rate <= 0 {
		o.Rate = 0.4
	}
	if o.L2 <= 0 {
		o.L2 = 1e-3
	}
	if o.NgramScale == 0 {
		o.NgramScale = 1
	} else if o.NgramScale < 0 {
		o.NgramScale = 0
	}
	if o.Holdout <= 0 || o.Holdout >= 0.5 {
		o.Holdout = 0.15
	}
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

type sample struct {
	v      vec
	sig    []float64
	y      bool
	domain int    // index of the example's source
	group  string // Example.Group
}

func signalValues(title, text string, src *Sourcing) []float64 {
	ss := Signals(title, text, src)
	out := make([]float64, len(ss))
	for i, s := range ss {
		out[i] = s.Value
	}
	return out
}

// prepare featurizes examples (scrubbed unless told otherwise) and
// numbers their sources in first-seen order: sources[d] is source d.
func prepare(ex []Example, noScrub bool) (out []sample, sources []string) {
	out = make([]sample, len(ex))
	domains := map[string]int{}
	for i, e := range ex {
		t := e.Text
		if !noScrub {
			t = Scrub(t)
		}
		d, ok := domains[e.Source]
		if !ok {
			d = len(domains)
			domains[e.Source] = d
			sources = append(sources, e.Source)
		}
		out[i] = sample{v: featurize(e.Title, t), sig: signalValues(e.Title, t, e.Sourcing), y: e.Unreliable, domain: d, group: e.Group}
	}
	return out, sources
}

// Train fits the model on ex.
func Train(ctx context.Context, ex []Example, o TrainOptions) (*Model, error) {
	o.defaults()
	data, sources := prepare(ex, o.NoScrub)
	m, err := trainSamples(ctx, data, o)
	if err != nil {
		return nil, err
	}
	for i, x := range m.Info.Calibration.Sources {
		m.Info.Calibration.Sources[i].Source = sources[x.domain]
	}
	return m, nil
}

func trainSamples(ctx context.Context, data []sample, o TrainOptions) (*Model, error) {
	o.defaults()
	all := make([]int, len(data))
	for i := range all {
		all[i] = i
	}
	nd := 0
	for _, s := range data {
		nd = max(nd, s.domain+1)
	}
	if nd >= 2 && o.Calibration != Holdout {
		if m, ok, err := sourceCalibrated(ctx, data, all, nd, o); err != nil || ok {
			return m, err
		}
	}
	if o.Calibration != Holdout {
		if m, ok, err := crossFitted(ctx, data, all, o); err != nil || ok {
			return m, err
		}
	}
	// stratified hold-out for calibration
	rng := rand.New(rand.NewPCG(o.Seed, 0xc0ffee))
	var pos, neg []int
	for i, s := range data {
		if s.y {
			pos = append(pos, i)
		} else {
			neg = append(neg, i)
		}
	}
	rng.Shuffle(len(pos), func(i, j int) { pos[i], pos[j] = pos[j], pos[i] })
	rng.Shuffle(len(neg), func(i, j int) { neg[i], neg[j] = neg[j], neg[i] })
	hp, hn := int(float64(len(pos))*o.Holdout), int(float64(len(neg))*o.Holdout)
	cal := append(append([]int(nil), pos[:hp]...), neg[:hn]...)
	m, err := fit(ctx, data, append(append([]int(nil), pos[hp:]...), neg[hn:]...), o)
	if err != nil {
		return nil, err
	}
	m.Info.Articles = len(data)
	// Platt scaling on the held-out part (identity when it is too small)
	a, c := 1.0, 0.0
	if len(cal) >= 20 {
		scores := make([]float64, len(cal))
		ys := make([]bool, len(cal))
		for k, i := range cal {
			scores[k], ys[k] = m.score(data[i]), data[i].y
		}
		a, c = platt(scores, ys, nil)
	}
	m.calibrate(CalibrationInfo{Method: "holdout", Slope: a, Intercept: c})
	return m, nil
}

// calibrationFolds is how many folds crossFitted scores the data in.
const calibrationFolds = 5

// crossFitted fits the model on everything and Platt scaling on every
// example's score from a model fitted without its fold (stratified, twins
// kept together): the whole of the data both trains and calibrates. ok is
// false when the data is too small or has one class.
func crossFitted(ctx context.Context, data []sample, all []int, o TrainOptions) (m *Model, ok bool, err error) {
	k := calibrationFolds
	fold := assignFolds(len(data), func(i int) bool { return data[i].y }, func(i int) string { return data[i].group }, k, o.Seed, 0xca1b)
	pos := 0
	for _, s := range data {
		if s.y {
			pos++
		}
	}
	if len(data) < 4*k || pos == 0 || pos == len(data) {
		return nil, false, nil
	}
	scores := make([]float64, len(data))
	ys := make([]bool, len(data))
	for f := 0; f < k; f++ {
		var in []int
		for i := range data {
			if fold[i] != f {
				in = append(in, i)
			}
		}
		inner, err := fit(ctx, data, in, o)
		if err != nil {
			return nil, false, err
		}
		for i, s := range data {
			if fold[i] == f {
				scores[i], ys[i] = inner.score(s), s.y
			}
		}
	}
	if m, err = fit(ctx, data, all, o); err != nil {
		return nil, false, err
	}
	a, c := platt(scores, ys, nil)
	m.calibrate(CalibrationInfo{Method: "cross-fitted", Slope: a, Intercept: c})
	return m, true, nil
}

// sourceCalibrated fits the model on everything and calibrates it on
// each source's scores from a model fitted on the other sources (see
// SourceSlope and PooledPlatt); ok is false when no source has both
// classes for SourceSlope to estimate a slope on.
func sourceCalibrated(ctx context.Context, data []sample, all []int, nd int, o TrainOptions) (m *Model, ok bool, err error) {
	var scores []float64
	var ys []bool
	var ws []float64
	var slopes []float64
	var sources []SourceFit
	for d := 0; d < nd; d++ {
		var in, out []int
		var pos int
		for i, s := range data {
			if s.domain == d {
				out = append(out, i)
				if s.y {
					pos++
				}
			} else {
				in = append(in, i)
			}
		}
		twoClass := pos > 0 && pos < len(out)
		if len(out) == 0 || len(in) == 0 || o.Calibration == SourceSlope && !twoClass {
			continue
		}
		inner, err := fit(ctx, data, in, o)
		if err != nil {
			return nil, false, err
		}
		var ss []float64
		var yy []bool
		for _, i := range out {
			ss = append(ss, inner.score(data[i]))
			yy = append(yy, data[i].y)
			ws = append(ws, 1/float64(len(out)))
		}
		scores, ys = append(scores, ss...), append(ys, yy...)
		if o.Calibration == SourceSlope {
			a, _ := platt(ss, yy, nil)
			slopes = append(slopes, a)
			sources = append(sources, SourceFit{Slope: a, domain: d}) // named by the caller
		}
	}
	if o.Calibration == SourceSlope && len(slopes) == 0 {
		return nil, false, nil
	}
	m, err = fit(ctx, data, all, o)
	if err != nil {
		return nil, false, err
	}
	if o.Calibration == SourceSlope {
		m.calibrate(CalibrationInfo{Method: "source-slope", Slope: median(slopes), Sources: sources})
	} else {
		a, c := platt(scores, ys, ws)
		m.calibrate(CalibrationInfo{Method: "pooled-platt", Slope: a, Intercept: c})
	}
	return m, true, nil
}

// calibrate sets the model's calibration and its record in Info.
func (m *Model) calibrate(ci CalibrationInfo) {
	m.a, m.c = ci.Slope, ci.Intercept
	m.Info.Calibration = ci
}

func median(x []float64) float64 {
	y := append([]float64(nil), x...)
	sort.Float64s(y)
	n := len(y)
	if n%2 == 1 {
		return y[n/2]
	}
	return (y[n/2-1] + y[n/2]) / 2
}

// fit trains the weights on data[idx] (uncalibrated: a = 1, c = 0).
// Each class weighs half of the loss and, unless o.NoSourceBalance,
// every source within a class weighs alike, so that neither the larger
// class nor the larger source dominates.
func fit(ctx context.Context, data []sample, idx []int, o TrainOptions) (*Model, error) {
	rng := rand.New(rand.NewPCG(o.Seed, 0xc0ffee))
	fit := append([]int(nil), idx...)
	m := &Model{w: make([]float32, nBuckets), ngram: float32(o.NgramScale), a: 1, Info: Info{Articles: len(idx), Epochs: o.Epochs}}
	type cell struct {
		d int
		y bool
	}
	counts := map[cell]float64{}
	for _, i := range fit {
		c := cell{data[i].domain, data[i].y}
		if o.NoSourceBalance {
			c.d = 0
		}
		counts[c]++
	}
	// each class weighs half, and within a class every source alike
	cellsOf := map[bool]float64{}
	for c := range counts {
		cellsOf[c.y]++
	}
	weight := func(s sample) float64 {
		c := cell{s.domain, s.y}
		if o.NoSourceBalance {
			c.d = 0
		}
		return float64(len(fit)) / (float64(len(cellsOf)) * cellsOf[c.y] * counts[c])
	}
	ns := NumSignals
	m.sigW, m.sigMean, m.sigStd = make([]float64, ns), make([]float64, ns), make([]float64, ns)
	for _, i := range fit {
		for k, v := range data[i].sig {
			m.sigMean[k] += v
		}
	}
	for k := range m.sigMean {
		m.sigMean[k] /= float64(max(len(fit), 1))
	}
	for _, i := range fit {
		for k, v := range data[i].sig {
			d := v - m.sigMean[k]
			m.sigStd[k] += d * d
		}
	}
	for k := range m.sigStd {
		m.sigStd[k] = math.Sqrt(m.sigStd[k]/float64(max(len(fit), 1))) + 1e-6
	}
	sg2 := make([]float64, ns)
	g2 := make([]float32, nBuckets)
	var gb float64
	for epoch := 0; epoch < o.Epochs; epoch++ {
		rng.Shuffle(len(fit), func(i, j int) { fit[i], fit[j] = fit[j], fit[i] })
		for k, i := range fit {
			if k%512 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			s := data[i]
			z := m.score(s)
			y := 0.0
			if s.y {
				y = 1
			}
			g := (sigmoid(z) - y) * weight(s)
			for j, f := range s.v.idx {
				gf := float32(g)*s.v.val[j]*m.ngram + float32(o.L2)*m.w[f]
				g2[f] += gf * gf
				m.w[f] -= float32(o.Rate) * gf / float32(math.Sqrt(float64(g2[f]))+1e-8)
			}
			for k, v := range s.sig {
				x := m.std(k, v)
				gk := g*x + o.L2*m.sigW[k]
				sg2[k] += gk * gk
				m.sigW[k] -= o.Rate * gk / (math.Sqrt(sg2[k]) + 1e-8)
			}
			gb += g * g
			m.bias -= float32(o.Rate * g / (math.Sqrt(gb) + 1e-8))
		}
	}
	return m, nil
}

// std standardises signal k, clipped to ±5 deviations.
func (m *Model) std(k int, v float64) float64 {
	return math.Max(-5, math.Min(5, (v-m.sigMean[k])/m.sigStd[k]))
}

func (m *Model) score(s sample) float64 {
	z := float64(m.bias)
	for j, f := range s.v.idx {
		z += float64(m.w[f] * s.v.val[j] * m.ngram)
	}
	for k, v := range s.sig {
		if k < len(m.sigW) {
			z += m.sigW[k] * m.std(k, v)
		}
	}
	return z
}

func (m *Model) sample(title, text string, src *Sourcing) sample {
	return m.sampleScrubbed(title, Scrub(text), src)
}

// sampleScrubbed featurizes a text already scrubbed of boilerplate.
func (m *Model) sampleScrubbed(title, text string, src *Sourcing) sample {
	s := sample{v: featurize(title, text), sig: signalValues(title, text, src)}
	// without a title, or without the attribution stage, those signals
	// carry no evidence either way
	for k, name := range signalNames {
		if k < len(m.sigMean) && (title == "" && strings.HasPrefix(name, "title_") || src == nil && sourcingSignal(name)) {
			s.sig[k] = m.sigMean[k]
		}
	}
	return s
}

var signalNames = func() []string {
	var out []string
	for _, s := range Signals("", "", nil) {
		out = append(out, s.Name)
	}
	return out
}()

// platt fits σ(a·s + c) to labels by Newton's method on the log loss,
// with Platt's smoothed targets and a weak ridge prior towards the
// identity (a = 1, c = 0) so that a perfectly separated hold-out set
// cannot send the slope to infinity; a is kept within [0.05, 20].
func platt(s []float64, y []bool, weight []float64) (float64, float64) {
	wt := func(i int) float64 {
		if weight == nil {
			return 1
		}
		return weight[i]
	}
	var np, nn, total float64
	for i, v := range y {
		if v {
			np++
		} else {
			nn++
		}
		total += wt(i)
	}
	norm := float64(len(y)) / math.Max(total, 1e-12)
	tp, tn := (np+1)/(np+2), 1/(nn+2)
	const ridge = 1.0
	target := func(i int) float64 {
		if y[i] {
			return tp
		}
		return tn
	}
	// penalised log loss, for the line search
	loss := func(a, c float64) float64 {
		l := 0.5 * ridge * ((a-1)*(a-1) + c*c)
		for i, si := range s {
			z, t := a*si+c, target(i)
			// log(1+e^z) − t·z, computed stably
			l += wt(i) * norm * (math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - t*z)
		}
		return l
	}
	a, c := 1.0, 0.0
	cur := loss(a, c)
	for it := 0; it < 100; it++ {
		var ga, gc, haa, hac, hcc float64
		for i, si := range s {
			p := sigmoid(a*si + c)
			wi := wt(i) * norm
			d := (p - target(i)) * wi
			ga += d * si
			gc += d
			w := p * (1 - p) * wi
			haa += w * si * si
			hac += w * si
			hcc += w
		}
		ga += ridge * (a - 1)
		gc += ridge * c
		haa += ridge
		hcc += ridge
		det := haa*hcc - hac*hac
		if math.Abs(det) < 1e-12 {
			break
		}
		da := (hcc*ga - hac*gc) / det
		dc := (haa*gc - hac*ga) / det
		// Newton's step, halved until the loss goes down
		step := 1.0
		for ; step > 1e-6; step /= 2 {
			if l := loss(a-step*da, c-step*dc); l <= cur {
				cur = l
				break
			}
		}
		if step <= 1e-6 {
			break
		}
		a, c = a-step*da, c-step*dc
		if step*(math.Abs(da)+math.Abs(dc)) < 1e-9 {
			break
		}
	}
	return math.Max(0.05, math.Min(20, a)), c
}

// Probability is the calibrated probability that the article is
// unreliable; src is what the attribution stage found (nil if it did not
// run).
func (m *Model) Probability(title, text string, src *Sourcing) float64 {
	return sigmoid(m.a*m.score(m.sample(title, text, src)) + m.c)
}

// Contribution is one feature's share of a score.
type Contribution struct {
	Feature string  `json:"feature"`
	Weight  float64 `json:"weight"` // > 0 pushes towards unreliable
}

// Explain returns the n features that contributed most (by absolute
// weight × value) to the article's score.
func (m *Model) Explain(title, text string, n int) []Contribution {
	text = Scrub(text)
	return m.explain(featurize(title, text), title, text, n)
}

// explain ranks the contributions of an already featurized, scrubbed text.
func (m *Model) explain(v vec, title, scrubbed string, n int) []Contribution {
	names := featureNames(title, scrubbed)
	cs := make([]Contribution, 0, len(v.idx))
	for j, f := range v.idx {
		cs = append(cs, Contribution{Feature: names[f], Weight: m.a * float64(m.w[f]*v.val[j]*m.ngram)})
	}
	sort.Slice(cs, func(i, j int) bool {
		if math.Abs(cs[i].Weight) != math.Abs(cs[j].Weight) {
			return math.Abs(cs[i].Weight) > math.Abs(cs[j].Weight)
		}
		return cs[i].Feature < cs[j].Feature
	})
	if len(cs) > n {
		cs = cs[:n]
	}
	return cs
}
