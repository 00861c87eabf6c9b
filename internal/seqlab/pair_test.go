package seqlab

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// randomModel gives a model random weights on the features in keys.
func randomModel(rng *rand.Rand, tags Tags, keys []uint64) *Model {
	m := New(tags)
	for _, k := range keys {
		m.index[k] = int32(len(m.index))
		for range m.nt {
			m.w = append(m.w, float32(rng.NormFloat64()))
		}
	}
	for i := range m.trans {
		m.trans[i] = float32(rng.NormFloat64())
	}
	m.Freeze()
	return m
}

// TestPairEqualsTwoStages checks that the joined table tags exactly as
// the two models run one after the other, with features in the first
// only, the second only, both, neither, and key 0; one Scratch serves
// sequences of every length in turn.
func TestPairEqualsTwoStages(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	pool := make([]uint64, 4000)
	for i := range pool {
		pool[i] = rng.Uint64()
	}
	pool[0] = 0
	first := randomModel(rng, Tags{Types: []string{"CUE"}}, pool[:2500])
	second := randomModel(rng, Tags{Types: []string{"SRC", "CUE", "CNT"}}, pool[1500:3500])
	p := NewPair(first, second)
	var sc Scratch
	for range 200 {
		n := 1 + rng.IntN(40)
		base := make([][]uint64, n)
		for i := range base {
			for range rng.IntN(30) {
				base[i] = append(base[i], pool[rng.IntN(len(pool))])
			}
		}
		more := func(tags []int) [][]uint64 {
			out := make([][]uint64, len(tags))
			for i, tg := range tags {
				out[i] = []uint64{Feat(9).I(tg).U(), pool[3000+rng.IntN(1000)]}
			}
			return out
		}
		var extra [][]uint64
		got1, got2 := p.Tag(base, func(tags []int) [][]uint64 { extra = more(tags); return extra }, &sc)
		want1 := first.Tag(base)
		all := make([][]uint64, n)
		for i := range all {
			all[i] = append(append([]uint64(nil), base[i]...), extra[i]...)
		}
		want2 := second.Tag(all)
		if !reflect.DeepEqual(got1, want1) || !reflect.DeepEqual(got2, want2) {
			t.Fatalf("pair tags %v / %v, two stages %v / %v", got1, got2, want1, want2)
		}
	}
	if a, b := p.Tag(nil, nil, nil); a != nil || b != nil {
		t.Errorf("empty sequence: %v %v", a, b)
	}
}
