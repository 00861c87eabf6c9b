// Package hashtab is a read-only hash table from 64-bit feature hashes to
// weight rows, for the linear models' inner loops.
package hashtab

// Table is a read-only open-addressing hash table from feature hash to
// weight row, built once a model is trained or loaded. Feature hashes are
// already uniformly spread, so probing starts at their low bits. A bit
// filter small enough to stay in cache answers most lookups of features
// the model does not have (the majority) without touching the table.
type Table struct {
	slots  []slot
	mask   uint64
	filter []uint64
	fmask  uint64
	zero   int32 // row of key 0 (0 marks an empty slot), or -1
}

type slot struct {
	key uint64
	row int32
}

// New builds a table from a feature → row index.
func New(index map[uint64]int32) *Table {
	n := 16
	for n < 2*len(index) {
		n *= 2
	}
	fbits := 1 << 20
	for fbits < 8*len(index) {
		fbits *= 2
	}
	t := &Table{slots: make([]slot, n), mask: uint64(n - 1), filter: make([]uint64, fbits/64), fmask: uint64(fbits - 1), zero: -1}
	for k, r := range index {
		if k == 0 {
			t.zero = r
			continue
		}
		b := (k >> 40) & t.fmask
		t.filter[b>>6] |= 1 << (b & 63)
		i := mix(k) & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{k, r}
	}
	return t
}

func mix(k uint64) uint64 { return k ^ k>>29 }

// Get returns the row of feature k.
func (t *Table) Get(k uint64) (int32, bool) {
	if k == 0 {
		return t.zero, t.zero >= 0
	}
	b := (k >> 40) & t.fmask
	if t.filter[b>>6]&(1<<(b&63)) == 0 {
		return 0, false
	}
	i := mix(k) & t.mask
	for {
		s := t.slots[i]
		switch s.key {
		case k:
			return s.row, true
		case 0:
			return 0, false
		}
		i = (i + 1) & t.mask
	}
}
