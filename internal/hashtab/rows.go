package hashtab

import (
	"iter"
	"slices"
)

// Rows is a read-only hash table from feature hash to a row of int16
// weights stored right after its key, so that a lookup that finds its
// feature reads one place in memory instead of two (the key's slot, then
// the row elsewhere): tagging is bound by those cache misses.
type Rows struct {
	words  []uint64 // per slot: the key, then the row, four weights a word
	stride int
	n      int
	mask   uint64
	filter []uint64
	fmask  uint64
	zero   []int16 // row of key 0 (0 marks an empty slot), or nil
}

// NewRows builds the table from a feature → row index and the rows
// (row r is q[r*n : r*n+n]).
func NewRows(index map[uint64]int32, q []int16, n int) *Rows {
	return NewRowsSeq(len(index), n, func(yield func(uint64, []int16) bool) {
		for k, r := range index {
			if !yield(k, q[int(r)*n:int(r)*n+n]) {
				return
			}
		}
	})
}

// NewRowsSeq builds the table from size distinct keys and their rows of n
// weights (a row is copied; the caller may reuse it).
func NewRowsSeq(size, n int, rows iter.Seq2[uint64, []int16]) *Rows {
	slots := 16
	for slots < 2*size {
		slots *= 2
	}
	fbits := 1 << 20
	for fbits < 8*size {
		fbits *= 2
	}
	stride := 1 + (n+3)/4
	t := &Rows{words: make([]uint64, slots*stride), stride: stride, n: n, mask: uint64(slots - 1),
		filter: make([]uint64, fbits/64), fmask: uint64(fbits - 1)}
	for k, row := range rows {
		if k == 0 {
			t.zero = slices.Clone(row)
			continue
		}
		b := (k >> 40) & t.fmask
		t.filter[b>>6] |= 1 << (b & 63)
		i := mix(k) & t.mask
		for t.words[int(i)*stride] != 0 {
			i = (i + 1) & t.mask
		}
		s := t.words[int(i)*stride : int(i+1)*stride]
		s[0] = k
		for j, v := range row {
			s[1+j/4] |= uint64(uint16(v)) << (16 * (j % 4))
		}
	}
	return t
}

// Add adds the row of feature k to acc (of length at least the row
// length) and reports whether the table has k.
func (t *Rows) Add(k uint64, acc []int32) bool {
	if k == 0 {
		for j, v := range t.zero {
			acc[j] += int32(v)
		}
		return t.zero != nil
	}
	b := (k >> 40) & t.fmask
	if t.filter[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	return t.probe(k, mix(k)&t.mask, acc)
}

// probe looks for k from slot i on and adds its row to acc.
func (t *Rows) probe(k, i uint64, acc []int32) bool {
	for {
		base := int(i) * t.stride
		switch t.words[base] {
		case k:
			addRow(acc[:t.n], t.words[base+1:base+t.stride])
			return true
		case 0:
			return false
		}
		i = (i + 1) & t.mask
	}
}

// AddAll adds the rows of every key in ks to acc, like calling Add on
// each, but first reads every key's home slot and only then sums the
// rows, so that the cache misses of one token's features overlap instead
// of queuing one behind the other.
func (t *Rows) AddAll(ks []uint64, acc []int32) {
	const batch = 64
	var home [batch]int32
	var first [batch]uint64
	for len(ks) > 0 {
		chunk := ks[:min(len(ks), batch)]
		ks = ks[len(chunk):]
		for j, k := range chunk {
			home[j] = -1
			b := (k >> 40) & t.fmask
			if k == 0 || t.filter[b>>6]&(1<<(b&63)) == 0 {
				continue
			}
			i := mix(k) & t.mask
			home[j] = int32(i)
			first[j] = t.words[int(i)*t.stride]
		}
		for j, k := range chunk {
			switch {
			case home[j] >= 0 && first[j] != 0:
				t.probe(k, uint64(home[j]), acc)
			case k == 0:
				t.Add(0, acc)
			}
		}
	}
}

// addRow adds the int16 weights packed four to a word in s to acc.
func addRow(acc []int32, s []uint64) {
	full := len(acc) / 4
	s = s[:(len(acc)+3)/4]
	for w, x := range s[:full] {
		b := acc[4*w : 4*w+4 : 4*w+4]
		b[0] += int32(int16(x))
		b[1] += int32(int16(x >> 16))
		b[2] += int32(int16(x >> 32))
		b[3] += int32(int16(x >> 48))
	}
	for j := full * 4; j < len(acc); j++ {
		acc[j] += int32(int16(s[j>>2] >> (16 * (j & 3))))
	}
}

// mix spreads a key's high bits into the low bits that pick its slot.
func mix(k uint64) uint64 { return k ^ k>>29 }
