package entity

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// ErrFormat reports a model file Sift cannot read.
var ErrFormat = errors.New("entity: not a Sift entity model")

const magic = "SIFTNER\x01"

// Save writes the model: gzip over a little-endian binary layout of the
// provenance (JSON), word classes, gazetteer and weights. Weights are
// quantised to int16 with one scale per model and stored sparsely (only
// tags with a non-zero weight), features sorted by hash so that the same
// model always writes the same bytes.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	e := &enc{w: bw}
	e.bytes([]byte(magic))
	info, _ := json.Marshal(m.Info)
	e.bytes(info)
	// word classes
	words := make([]string, 0, len(m.classes))
	for wd := range m.classes {
		words = append(words, wd)
	}
	sort.Strings(words)
	e.uvarint(uint64(len(words)))
	for _, wd := range words {
		e.bytes([]byte(wd))
		for _, c := range m.classes[wd] {
			e.uvarint(uint64(c))
		}
	}
	// gazetteer
	if m.gaz == nil {
		e.uvarint(0)
	} else {
		e.uvarint(uint64(len(m.gaz.Categories)))
		for _, c := range m.gaz.Categories {
			e.bytes([]byte(c))
		}
		e.uvarint(uint64(m.gaz.maxLen))
		keys := make([]uint64, 0, len(m.gaz.phrases))
		for k := range m.gaz.phrases {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		e.uvarint(uint64(len(keys)))
		for _, k := range keys {
			e.u64(k)
			e.uvarint(uint64(m.gaz.phrases[k]))
		}
	}
	e.uvarint(uint64(len(m.stages)))
	for _, st := range m.stages {
		st.save(e)
	}
	if e.err != nil {
		return e.err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	d := &dec{r: bufio.NewReader(zr)}
	if string(d.bytes()) != magic {
		return nil, ErrFormat
	}
	m := &Model{}
	if err := json.Unmarshal(d.bytes(), &m.Info); err != nil && d.err == nil {
		return nil, fmt.Errorf("%w: info: %w", ErrFormat, err)
	}
	n := d.count()
	m.classes = make(map[string][nLevels]uint16, n)
	for i := 0; i < n && d.err == nil; i++ {
		wd := string(d.bytes())
		var c [nLevels]uint16
		for l := range c {
			c[l] = uint16(d.uvarint())
		}
		m.classes[wd] = c
	}
	if nc := d.count(); nc > 0 {
		g := &Gazetteer{phrases: map[uint64]uint32{}}
		for i := 0; i < nc && d.err == nil; i++ {
			g.Categories = append(g.Categories, string(d.bytes()))
		}
		g.maxLen = d.count()
		np := d.count()
		for i := 0; i < np && d.err == nil; i++ {
			k := d.u64()
			g.phrases[k] = uint32(d.uvarint())
		}
		m.gaz = g
	}
	ns := d.count()
	if ns == 0 || ns > 4 {
		return nil, fmt.Errorf("%w: %d stages", ErrFormat, ns)
	}
	for k := 0; k < ns && d.err == nil; k++ {
		m.stages = append(m.stages, loadWeights(d))
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, d.err)
	}
	return m, nil
}

// save writes one stage: int16-quantised weights with one scale, stored
// sparsely (only tags with a non-zero weight), features sorted by hash so
// that the same model always writes the same bytes.
func (st *weights) save(e *enc) {
	scale := quantScale(st.w, st.trans)
	e.f32(scale)
	q := func(v float32) int64 { return int64(math.Round(float64(v / scale))) }
	for _, v := range st.trans {
		e.varint(q(v))
	}
	hashes := make([]uint64, 0, len(st.index))
	for h := range st.index {
		hashes = append(hashes, h)
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i] < hashes[j] })
	e.uvarint(uint64(len(hashes)))
	var prev uint64
	for _, h := range hashes {
		e.uvarint(h - prev) // delta-coded: sorted hashes compress
		prev = h
		r := int(st.index[h]) * nTags
		var mask uint32
		for t := 0; t < nTags; t++ {
			if q(st.w[r+t]) != 0 {
				mask |= 1 << t
			}
		}
		e.uvarint(uint64(mask))
		for t := 0; t < nTags; t++ {
			if mask&(1<<t) != 0 {
				e.varint(q(st.w[r+t]))
			}
		}
	}
}

func loadWeights(d *dec) *weights {
	st := &weights{}
	scale := d.f32()
	st.trans = make([]float32, (nTags+1)*nTags)
	for i := range st.trans {
		st.trans[i] = float32(d.varint()) * scale
	}
	nf := d.count()
	st.index = make(map[uint64]int32, nf)
	st.w = make([]float32, 0, nf*nTags)
	var h uint64
	for i := 0; i < nf && d.err == nil; i++ {
		h += d.uvarint()
		mask := d.uvarint()
		st.index[h] = int32(i)
		for t := 0; t < nTags; t++ {
			v := float32(0)
			if mask&(1<<t) != 0 {
				v = float32(d.varint()) * scale
			}
			st.w = append(st.w, v)
		}
	}
	return st.freeze()
}

type enc struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *enc) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *enc) uvarint(v uint64) { e.write(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *enc) varint(v int64)   { e.write(e.buf[:binary.PutVarint(e.buf[:], v)]) }
func (e *enc) u64(v uint64)     { binary.LittleEndian.PutUint64(e.buf[:8], v); e.write(e.buf[:8]) }
func (e *enc) f32(v float32) {
	binary.LittleEndian.PutUint32(e.buf[:4], math.Float32bits(v))
	e.write(e.buf[:4])
}
func (e *enc) bytes(b []byte) { e.uvarint(uint64(len(b))); e.write(b) }

type dec struct {
	r   *bufio.Reader
	err error
}

func (d *dec) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.err = err
	return v
}
func (d *dec) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	d.err = err
	return v
}

// count reads a length and rejects absurd ones (corrupt input).
func (d *dec) count() int {
	v := d.uvarint()
	if v > 1<<26 {
		if d.err == nil {
			d.err = fmt.Errorf("length %d out of range", v)
		}
		return 0
	}
	return int(v)
}
func (d *dec) read(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	_, d.err = io.ReadFull(d.r, b)
	return b
}
func (d *dec) u64() uint64 {
	b := d.read(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}
func (d *dec) f32() float32 {
	b := d.read(4)
	if b == nil {
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b))
}
func (d *dec) bytes() []byte { return d.read(d.count()) }
