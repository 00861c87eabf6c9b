package seqlab

import (
	"slices"

	"github.com/siftnews/sift/internal/hashtab"
)

// Pair is a two-stage tagger: the second model reads the same base
// features as the first plus features made from the first's tags. One
// table holds both models' weights side by side, so each base feature is
// looked up once for both stages: tagging is bound by those lookups'
// cache misses. Its tags equal running the two models one after the other.
type Pair struct {
	first, second *Model
	rows          *hashtab.Rows // every feature of either: first's row, then second's
}

// NewPair joins two frozen or read models.
func NewPair(first, second *Model) *Pair {
	n1, n2 := first.nt, second.nt
	size := len(second.index)
	for f := range first.index {
		if _, ok := second.index[f]; !ok {
			size++
		}
	}
	rows := func(yield func(uint64, []int16) bool) {
		row := make([]int16, n1+n2)
		for f, r := range second.index {
			clear(row)
			if r1, ok := first.index[f]; ok {
				copy(row, first.q[int(r1)*n1:int(r1)*n1+n1])
			}
			copy(row[n1:], second.q[int(r)*n2:int(r)*n2+n2])
			if !yield(f, row) {
				return
			}
		}
		clear(row)
		for f, r := range first.index {
			if _, ok := second.index[f]; !ok {
				copy(row, first.q[int(r)*n1:int(r)*n1+n1])
				if !yield(f, row) {
					return
				}
			}
		}
	}
	return &Pair{first: first, second: second, rows: hashtab.NewRowsSeq(size, n1+n2, rows)}
}

// Scratch holds the buffers tagging reuses from one sequence to the next,
// so that tagging a document's paragraphs in turn allocates little. The
// zero value is ready; one Scratch serves one goroutine.
type Scratch struct {
	acc   []int32
	em    []float32
	score []float32
	back  []int32
}

// Tag tags one sequence with the first model on base, then with the
// second on base plus the features more makes from the first's tags
// (one slice per token, or nil); it returns both tag sequences. s may be
// nil.
func (p *Pair) Tag(base [][]uint64, more func(first []int) [][]uint64, s *Scratch) (first, second []int) {
	if s == nil {
		s = new(Scratch)
	}
	n1, n2 := p.first.nt, p.second.nt
	w := n1 + n2
	n := len(base)
	if n == 0 {
		return nil, nil
	}
	s.acc = slices.Grow(s.acc[:0], n*w)[:n*w]
	acc := s.acc
	clear(acc)
	for i, fs := range base {
		p.rows.AddAll(fs, acc[i*w:(i+1)*w])
	}
	s.em = slices.Grow(s.em[:0], n*max(n1, n2))[:n*max(n1, n2)]
	em := s.em
	for i := range n {
		for t := range n1 {
			em[i*n1+t] = float32(acc[i*w+t]) * p.first.scale
		}
	}
	first = p.first.decode(em[:n*n1], s)
	// the first's part of acc is no longer read: these rows add to the
	// second's
	for i, fs := range more(first) {
		p.rows.AddAll(fs, acc[i*w:(i+1)*w])
	}
	for i := range n {
		for t := range n2 {
			em[i*n2+t] = float32(acc[i*w+n1+t]) * p.second.scale
		}
	}
	return first, p.second.decode(em[:n*n2], s)
}
