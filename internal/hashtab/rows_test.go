package hashtab

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// build makes a table of size features with random keys and rows of n
// weights spanning the whole int16 range.
func build(tb testing.TB, size, n int, withZero bool) (map[uint64]int32, []int16, *Rows) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(uint64(size), uint64(n)))
	index := map[uint64]int32{}
	if withZero {
		index[0] = 0
	}
	for len(index) < size {
		k := rng.Uint64()
		if _, ok := index[k]; !ok && k != 0 {
			index[k] = int32(len(index))
		}
	}
	q := make([]int16, size*n)
	for i := range q {
		q[i] = int16(rng.IntN(65536) - 32768)
	}
	if len(q) >= 2 {
		q[0], q[1] = 32767, -32768
	}
	return index, q, NewRows(index, q, n)
}

func TestRows(t *testing.T) {
	tests := []struct {
		name     string
		size, n  int
		withZero bool
	}{
		{"empty", 0, 5, false},
		{"one feature", 1, 1, false},
		{"key zero", 10, 13, true},
		{"row of a whole word", 1000, 4, false},
		{"rows across words", 5000, 13, false},
		{"entity tag set", 20000, 17, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			index, q, tab := build(t, tc.size, tc.n, tc.withZero)
			for k, r := range index {
				acc := make([]int32, tc.n)
				acc[0] = 7 // Add adds to what is there
				if !tab.Add(k, acc) {
					t.Fatalf("key %x not found", k)
				}
				want := make([]int32, tc.n)
				for j, v := range q[int(r)*tc.n : int(r)*tc.n+tc.n] {
					want[j] = int32(v)
				}
				want[0] += 7
				if !slices.Equal(acc, want) {
					t.Fatalf("key %x: row %v, want %v", k, acc, want)
				}
			}
			// AddAll sums what Add finds, over batches longer than its own
			keys := []uint64{0}
			for k := range index {
				keys = append(keys, k)
				if len(keys) > 150 {
					break
				}
			}
			for i := range 100 {
				keys = append(keys, uint64(i)*0x9e3779b97f4a7c15+1)
			}
			want := make([]int32, tc.n)
			for _, k := range keys {
				tab.Add(k, want)
			}
			got := make([]int32, tc.n)
			tab.AddAll(keys, got)
			if !slices.Equal(got, want) {
				t.Fatalf("AddAll %v, Add %v", got, want)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			for range 10000 {
				k := rng.Uint64()
				if _, ok := index[k]; ok {
					continue
				}
				acc := make([]int32, tc.n)
				if tab.Add(k, acc) || slices.ContainsFunc(acc, func(v int32) bool { return v != 0 }) {
					t.Fatalf("absent key %x found", k)
				}
			}
			if _, ok := index[0]; !ok {
				acc := make([]int32, tc.n)
				if tab.Add(0, acc) {
					t.Fatal("absent key 0 found")
				}
			}
		})
	}
}

// lookups gives a model-sized table and keys to look up in it, one in
// four present, as a tagger's features are.
func lookups(b *testing.B) (*Rows, []uint64) {
	index, _, tab := build(b, 500000, 13, false)
	keys := make([]uint64, 0, 1<<18)
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range index {
		if len(keys) == cap(keys) {
			break
		}
		keys = append(keys, k)
		for range 3 {
			keys = append(keys, rng.Uint64())
		}
	}
	return tab, keys[:cap(keys)]
}

// BenchmarkRowsAdd looks keys up one at a time.
func BenchmarkRowsAdd(b *testing.B) {
	tab, keys := lookups(b)
	acc := make([]int32, 13)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		tab.Add(keys[i%len(keys)], acc)
	}
}

// BenchmarkRowsAddAll looks the same keys up thirty at a time, as a
// token's features are.
func BenchmarkRowsAddAll(b *testing.B) {
	tab, keys := lookups(b)
	acc := make([]int32, 13)
	b.ResetTimer()
	for i := 0; b.Loop(); i += 30 {
		j := i % (len(keys) - 30)
		tab.AddAll(keys[j:j+30], acc)
	}
	b.ReportMetric(float64(b.N*30)/b.Elapsed().Seconds(), "keys/s")
}
