// Package seqlab is a generic sequence labeller: an averaged structured
// perceptron over hashed features with BILOU tags for any number of span
// types, decoded by first-order Viterbi restricted to well-formed tag
// sequences. Callers supply the features (as 64-bit hashes) per token; the
// package learns, decodes, saves and loads the weights.
package seqlab

import (
	"context"

	"github.com/siftnews/sift/internal/hashtab"
	"math"
	"math/rand/v2"
	"slices"
	"sync/atomic"
)

// Tags is a BILOU tag set over span types: tag 0 is O, type k has
// B, I, L, U at 1+4k … 4+4k.
type Tags struct {
	Types []string
}

// N is the number of tags.
func (ts Tags) N() int { return 1 + 4*len(ts.Types) }

const (
	posB = iota
	posI
	posL
	posU
)

func tagType(t int) int { return (t - 1) / 4 }
func tagPos(t int) int  { return (t - 1) % 4 }

func allowed(a, b int) bool {
	inside := a > 0 && (tagPos(a) == posB || tagPos(a) == posI)
	if inside {
		return b > 0 && tagType(b) == tagType(a) && (tagPos(b) == posI || tagPos(b) == posL)
	}
	return b == 0 || tagPos(b) == posB || tagPos(b) == posU
}

func canEnd(t int) bool { return t == 0 || tagPos(t) == posL || tagPos(t) == posU }

// Span is a typed token range [Start, End).
type Span struct {
	Start, End, Type int
}

// Encode turns spans (non-overlapping) into BILOU tag indices.
func Encode(n int, spans []Span) []int {
	out := make([]int, n)
	for _, s := range spans {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		if s.End-s.Start == 1 {
			out[s.Start] = 1 + 4*s.Type + posU
			continue
		}
		out[s.Start] = 1 + 4*s.Type + posB
		for j := s.Start + 1; j < s.End-1; j++ {
			out[j] = 1 + 4*s.Type + posI
		}
		out[s.End-1] = 1 + 4*s.Type + posL
	}
	return out
}

// Decode reads spans from a well-formed BILOU tag sequence.
func Decode(tags []int) []Span {
	var out []Span
	open := -1
	for i, t := range tags {
		if t == 0 {
			open = -1
			continue
		}
		switch tagPos(t) {
		case posU:
			out = append(out, Span{i, i + 1, tagType(t)})
			open = -1
		case posB:
			open = i
		case posL:
			if open >= 0 {
				out = append(out, Span{open, i + 1, tagType(t)})
			}
			open = -1
		}
	}
	return out
}

// Model holds the weights for one tag set.
type Model struct {
	tags  Tags
	nt    int
	index map[uint64]int32
	q     []int16                      // w quantised (w ≈ q·scale) once frozen
	rows  atomic.Pointer[hashtab.Rows] // q by feature, for tagging; built on first use
	scale float32
	w     []float32
	trans []float32 // (nt+1) rows (last: start) of nt
	preds [][]int   // allowed predecessors per tag
}

// New returns an untrained model.
func New(tags Tags) *Model {
	m := &Model{tags: tags, nt: tags.N(), index: map[uint64]int32{}}
	m.trans = make([]float32, (m.nt+1)*m.nt)
	m.initPreds()
	return m
}

func (m *Model) initPreds() {
	m.preds = make([][]int, m.nt)
	for t := 0; t < m.nt; t++ {
		for p := 0; p < m.nt; p++ {
			if allowed(p, t) {
				m.preds[t] = append(m.preds[t], p)
			}
		}
	}
}

// Tags returns the model's tag set.
func (m *Model) Tags() Tags { return m.tags }

// Features is the number of features with weights.
func (m *Model) Features() int { return len(m.index) }

// table returns the frozen weights' lookup table, building it on first
// use (a model read from a file is often only used through a Pair).
func (m *Model) table() *hashtab.Rows {
	if t := m.rows.Load(); t != nil {
		return t
	}
	t := hashtab.NewRows(m.index, m.q, m.nt)
	m.rows.CompareAndSwap(nil, t)
	return m.rows.Load()
}

func (m *Model) emissions(feats [][]uint64) []float32 {
	nt := m.nt
	em := make([]float32, len(feats)*nt)
	if m.q != nil {
		rows := m.table()
		acc := make([]int32, nt)
		for i, fs := range feats {
			clear(acc)
			rows.AddAll(fs, acc)
			row := em[i*nt : (i+1)*nt]
			for t := range row {
				row[t] = float32(acc[t]) * m.scale
			}
		}
		return em
	}
	for i, fs := range feats {
		row := em[i*nt : (i+1)*nt]
		for _, f := range fs {
			r, ok := m.index[f]
			if !ok {
				continue
			}
			ws := m.w[int(r)*nt : int(r)*nt+nt]
			for t := range row {
				row[t] += ws[t]
			}
		}
	}
	return em
}

// Tag returns the best tag sequence for one sequence's features.
func (m *Model) Tag(feats [][]uint64) []int {
	return m.decode(m.emissions(feats), nil)
}

// decode runs Viterbi over emissions (n rows of the tag count), with s's
// buffers when s is not nil.
func (m *Model) decode(em []float32, s *Scratch) []int {
	nt := m.nt
	n := len(em) / nt
	if n == 0 {
		return nil
	}
	if s == nil {
		s = new(Scratch)
	}
	neg := float32(math.Inf(-1))
	s.score = slices.Grow(s.score[:0], n*nt)[:n*nt]
	s.back = slices.Grow(s.back[:0], n*nt)[:n*nt]
	score, back := s.score, s.back
	start := m.trans[nt*nt:]
	for t := 0; t < nt; t++ {
		if allowed(-1, t) {
			score[t] = em[t] + start[t]
		} else {
			score[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev := score[(i-1)*nt : i*nt]
		for t := 0; t < nt; t++ {
			best, arg := neg, -1
			for _, p := range m.preds[t] {
				if prev[p] == neg {
					continue
				}
				if v := prev[p] + m.trans[p*nt+t]; arg < 0 || v > best {
					best, arg = v, p
				}
			}
			if arg < 0 {
				score[i*nt+t] = neg
				back[i*nt+t] = 0
				continue
			}
			score[i*nt+t] = best + em[i*nt+t]
			back[i*nt+t] = int32(arg)
		}
	}
	best, arg := neg, 0
	for t := 0; t < nt; t++ {
		if canEnd(t) && score[(n-1)*nt+t] > best {
			best, arg = score[(n-1)*nt+t], t
		}
	}
	out := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*nt+arg])
	}
	return out
}

// Example is one training sequence.
type Example struct {
	Feats [][]uint64
	Gold  []int
}

// TrainOptions control Train.
type TrainOptions struct {
	Epochs   int
	Patience int
	Seed     uint64
	// Replicas, when above 1, trains that many perceptrons side by side,
	// each visiting the examples in its own order, and tags with the mean
	// of their averaged weights: the order's luck averages out.
	Replicas int
	// Eval scores a candidate (averaged) model on held-out data; the best
	// epoch is kept. Without it, the last epoch is kept.
	Eval func(*Model) float64
	// Epoch, when set, is called after each epoch with the mistakes made
	// (summed over replicas) and the Eval score.
	Epoch func(epoch, mistakes int, score float64, best bool)
}

// replica is one perceptron's state while training: its weights and
// their running sums for averaging, over the feature rows all replicas
// share.
type replica struct {
	m     *Model
	u, tu []float64
	c     float64
	order []int
	rng   *rand.Rand
}

// Train learns weights from examples with the averaged structured
// perceptron and returns the best model and its epoch.
func Train(ctx context.Context, tags Tags, data []Example, o TrainOptions) (*Model, int, error) {
	if o.Epochs <= 0 {
		o.Epochs = 10
	}
	if o.Patience <= 0 {
		o.Patience = 3
	}
	o.Replicas = max(o.Replicas, 1)
	index := map[uint64]int32{}
	nt := tags.N()
	reps := make([]*replica, o.Replicas)
	for k := range reps {
		r := &replica{m: New(tags), tu: make([]float64, (nt+1)*nt), c: 1, order: make([]int, len(data))}
		r.m.index = index
		for i := range r.order {
			r.order[i] = i
		}
		seed := o.Seed
		if k > 0 {
			seed = o.Seed ^ uint64(k)*0x9e3779b97f4a7c15
		}
		r.rng = rand.New(rand.NewPCG(seed, 0x5eed))
		reps[k] = r
	}
	averaged := func() *Model {
		a := New(tags)
		a.index = make(map[uint64]int32, len(index))
		for f, r := range index {
			a.index[f] = r
		}
		a.w = make([]float32, len(index)*nt)
		sum := make([]float64, len(a.w))
		tsum := make([]float64, len(a.trans))
		for _, r := range reps {
			for i := range r.m.w {
				sum[i] += float64(r.m.w[i]) - r.u[i]/r.c
			}
			for i := range r.m.trans {
				tsum[i] += float64(r.m.trans[i]) - r.tu[i]/r.c
			}
		}
		k := float64(len(reps))
		for i := range sum {
			a.w[i] = float32(sum[i] / k)
		}
		for i := range tsum {
			a.trans[i] = float32(tsum[i] / k)
		}
		a.Freeze()
		return a
	}
	var best *Model
	bestScore, bestEpoch, stale := math.Inf(-1), 0, 0
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		mistakes := 0
		for _, r := range reps {
			n, err := r.epoch(ctx, data)
			if err != nil {
				return nil, 0, err
			}
			mistakes += n
		}
		if o.Eval == nil {
			if epoch == o.Epochs {
				best, bestEpoch = averaged(), epoch
			}
			if o.Epoch != nil {
				o.Epoch(epoch, mistakes, 0, epoch == o.Epochs)
			}
			continue
		}
		a := averaged()
		s := o.Eval(a)
		isBest := s > bestScore
		if isBest {
			best, bestScore, bestEpoch, stale = a, s, epoch, 0
		} else {
			stale++
		}
		if o.Epoch != nil {
			o.Epoch(epoch, mistakes, s, isBest)
		}
		if stale >= o.Patience {
			break
		}
	}
	return best, bestEpoch, nil
}

// row returns feature f's row in the index the replicas share, adding it,
// with the replica's weights grown to cover it.
func (r *replica) row(f uint64) int {
	id, ok := r.m.index[f]
	if !ok {
		id = int32(len(r.m.index))
		r.m.index[f] = id
	}
	r.cover()
	return int(id)
}

// cover grows the replica's weights to every row of the shared index
// (other replicas add rows too).
func (r *replica) cover() {
	if need := len(r.m.index) * r.m.nt; len(r.m.w) < need {
		r.m.w = append(r.m.w, make([]float32, need-len(r.m.w))...)
		r.u = append(r.u, make([]float64, need-len(r.u))...)
	}
}

// epoch makes one perceptron pass over data in a new random order and
// returns the examples it mistagged.
func (r *replica) epoch(ctx context.Context, data []Example) (int, error) {
	m, nt := r.m, r.m.nt
	r.cover()
	r.rng.Shuffle(len(r.order), func(i, j int) { r.order[i], r.order[j] = r.order[j], r.order[i] })
	mistakes := 0
	for k, di := range r.order {
		if k%256 == 0 && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		ex := data[di]
		pred := m.Tag(ex.Feats)
		if !slices.Equal(pred, ex.Gold) {
			mistakes++
			for i, g := range ex.Gold {
				p := pred[i]
				if g != p {
					for _, f := range ex.Feats[i] {
						w := r.row(f) * nt
						m.w[w+g]++
						r.u[w+g] += r.c
						m.w[w+p]--
						r.u[w+p] -= r.c
					}
				}
				pg, pp := nt, nt
				if i > 0 {
					pg, pp = ex.Gold[i-1], pred[i-1]
				}
				if pg != pp || g != p {
					m.trans[pg*nt+g]++
					r.tu[pg*nt+g] += r.c
					m.trans[pp*nt+p]--
					r.tu[pp*nt+p] -= r.c
				}
			}
		}
		r.c++
	}
	return mistakes, nil
}

// Prune drops features whose weights are all at most min in absolute value.
func (m *Model) Prune(min float32) {
	idx := make(map[uint64]int32, len(m.index))
	var w []float32
	for f, r := range m.index {
		ws := m.w[int(r)*m.nt : int(r)*m.nt+m.nt]
		keep := false
		for _, v := range ws {
			if v > min || v < -min {
				keep = true
				break
			}
		}
		if keep {
			idx[f] = int32(len(idx))
			w = append(w, ws...)
		}
	}
	m.index, m.w = idx, w
	m.Freeze()
}

// Freeze quantises the weights for tagging (the lookup table is built on
// first use, by Tag or a Pair); the weights must not change afterwards.
func (m *Model) Freeze() {
	m.rows.Store(nil)
	maxAbs := float32(0)
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	m.scale = 1
	if maxAbs > 0 {
		m.scale = maxAbs / 32767
	}
	m.q = make([]int16, len(m.w))
	for i, v := range m.w {
		m.q[i] = int16(math.Round(float64(v / m.scale)))
	}
}
