package hashtab

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
	slots := 16
	for slots < 2*len(index) {
		slots *= 2
	}
	fbits := 1 << 20
	for fbits < 8*len(index) {
		fbits *= 2
	}
	stride := 1 + (n+3)/4
	t := &Rows{words: make([]uint64, slots*stride), stride: stride, n: n, mask: uint64(slots - 1),
		filter: make([]uint64, fbits/64), fmask: uint64(fbits - 1)}
	for k, r := range index {
		row := q[int(r)*n : int(r)*n+n]
		if k == 0 {
			t.zero = row
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
	i := mix(k) & t.mask
	for {
		base := int(i) * t.stride
		switch t.words[base] {
		case k:
			s := t.words[base+1 : base+t.stride]
			acc = acc[:t.n]
			for j := range acc {
				acc[j] += int32(int16(s[j>>2] >> (16 * (j & 3))))
			}
			return true
		case 0:
			return false
		}
		i = (i + 1) & t.mask
	}
}

// mix spreads a key's high bits into the low bits that pick its slot.
func mix(k uint64) uint64 { return k ^ k>>29 }
