// Package wordclass learns word classes from unlabelled text with the
// predictive exchange algorithm (Uszkoreit & Brants 2008): words are moved
// between a fixed number of classes to maximise the likelihood of a class
// bigram model P(w_i | w_{i-1}) = P(c(w_i) | w_{i-1}) P(w_i | c(w_i)).
// Like Brown clusters, the classes group words that occur in similar
// contexts (surnames, cities, clubs, months), which lets a tagger
// generalise to names it never saw labelled.
package wordclass

import (
	"context"
	"math"
	"sort"
	"sync"
)

// Corpus accumulates tokenised sentences as word IDs.
type Corpus struct {
	ids   map[string]int32
	words []string
	count []int64
	sents [][]int32
	n     int64
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{ids: map[string]int32{}} }

// Add appends one sentence.
func (c *Corpus) Add(words []string) {
	if len(words) == 0 {
		return
	}
	s := make([]int32, len(words))
	for i, w := range words {
		id, ok := c.ids[w]
		if !ok {
			id = int32(len(c.words))
			c.ids[w] = id
			c.words = append(c.words, w)
			c.count = append(c.count, 0)
		}
		c.count[id]++
		s[i] = id
	}
	c.sents = append(c.sents, s)
	c.n += int64(len(words))
}

// Tokens is the number of tokens added.
func (c *Corpus) Tokens() int64 { return c.n }

// Options control clustering.
type Options struct {
	Classes    int // number of classes
	MinCount   int // words seen fewer times are not classed
	Iterations int // passes over the vocabulary
	Workers    int // goroutines scoring candidate classes (≥ 1)
	// Progress, when set, is called after each pass with the number of
	// words that changed class.
	Progress func(iter, moved int)
}

// Cluster assigns every word seen at least MinCount times a class in
// [0, Classes).
func (c *Corpus) Cluster(ctx context.Context, o Options) (map[string]int, error) {
	if o.Workers < 1 {
		o.Workers = 1
	}
	k := o.Classes
	// Vocabulary: frequent words, most frequent first; 0 = rare, V+1 = <s>.
	var vocab []int32
	for id, n := range c.count {
		if n >= int64(o.MinCount) {
			vocab = append(vocab, int32(id))
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		a, b := vocab[i], vocab[j]
		if c.count[a] != c.count[b] {
			return c.count[a] > c.count[b]
		}
		return c.words[a] < c.words[b]
	})
	v := len(vocab)
	remap := make([]int32, len(c.words)) // corpus id → 1..v, 0 rare
	for i, id := range vocab {
		remap[id] = int32(i + 1)
	}
	start := int32(v + 1)
	nw := v + 2
	// Bigram counts grouped by the second word.
	big := map[uint64]int32{}
	wc := make([]int64, nw)
	for _, s := range c.sents {
		prev := start
		for _, id := range s {
			w := remap[id]
			big[uint64(prev)<<32|uint64(w)]++
			wc[w]++
			prev = w
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	preds := make([][]pair, nw)
	for key, n := range big {
		w := int32(key & 0xffffffff)
		preds[w] = append(preds[w], pair{int32(key >> 32), n})
	}
	for w := range preds {
		sort.Slice(preds[w], func(i, j int) bool { return preds[w][i].prev < preds[w][j].prev })
	}
	// Initial classes: frequency rank modulo k. The rare-word bucket and
	// <s> are words like any other (<s> never occurs as a current word).
	class := make([]int32, nw)
	for w := range class {
		class[w] = int32(w % k)
	}
	nvc := make([]int64, nw*k) // N(v, c)
	nc := make([]int64, k)
	for w := 0; w < nw; w++ {
		c := int(class[w])
		nc[c] += wc[w]
		for _, p := range preds[w] {
			nvc[int(p.prev)*k+c] += int64(p.n)
		}
	}
	order := make([]int, 0, nw)
	for w := 1; w <= v; w++ {
		order = append(order, w)
	}
	order = append(order, 0)
	gain := make([]float64, k)
	part := make([][]float64, o.Workers)
	for i := range part {
		part[i] = make([]float64, k)
	}
	for it := 0; it < o.Iterations; it++ {
		moved := 0
		for _, w := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			a := int(class[w])
			ps := preds[w]
			for _, p := range ps {
				nvc[int(p.prev)*k+a] -= int64(p.n)
			}
			nc[a] -= wc[w]
			for b := range gain {
				gain[b] = -(xlogx(nc[b]+wc[w]) - xlogx(nc[b]))
			}
			if o.Workers > 1 && len(ps)*k > 1<<16 {
				var wg sync.WaitGroup
				chunk := (len(ps) + o.Workers - 1) / o.Workers
				for g := 0; g < o.Workers; g++ {
					lo, hi := g*chunk, min((g+1)*chunk, len(ps))
					wg.Add(1)
					go func(acc []float64, ps []pair) {
						defer wg.Done()
						clear(acc)
						addGains(acc, ps, nvc, k)
					}(part[g], ps[lo:hi])
				}
				wg.Wait()
				for g := range part {
					for b := range gain {
						gain[b] += part[g][b]
					}
				}
			} else {
				addGains(gain, ps, nvc, k)
			}
			best := a
			for b := range gain {
				if gain[b] > gain[best]+1e-9 {
					best = b
				}
			}
			if best != a {
				moved++
			}
			class[w] = int32(best)
			for _, p := range ps {
				nvc[int(p.prev)*k+best] += int64(p.n)
			}
			nc[best] += wc[w]
		}
		if o.Progress != nil {
			o.Progress(it+1, moved)
		}
		if moved == 0 {
			break
		}
	}
	out := make(map[string]int, v)
	for i, id := range vocab {
		out[c.words[id]] = int(class[i+1])
	}
	return out, nil
}

type pair struct{ prev, n int32 }

// addGains adds, for every class b, the change in Σ_v N(v,b)·ln N(v,b)
// from moving a word with predecessor counts ps into b.
func addGains(gain []float64, ps []pair, nvc []int64, k int) {
	tab := xlogxTab
	for _, p := range ps {
		row := nvc[int(p.prev)*k : int(p.prev)*k+k]
		n := int64(p.n)
		gain := gain[:len(row)]
		for b, x := range row {
			y := x + n
			if y < int64(len(tab)) {
				gain[b] += tab[y] - tab[x]
			} else {
				gain[b] += xlogx(y) - xlogx(x)
			}
		}
	}
}

// xlogx is x·ln x with 0·ln 0 = 0.
func xlogx(x int64) float64 {
	if x < int64(len(xlogxTab)) {
		return xlogxTab[x]
	}
	f := float64(x)
	return f * math.Log(f)
}

var xlogxTab = func() []float64 {
	t := make([]float64, 1<<16)
	for i := 1; i < len(t); i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return t
}()
