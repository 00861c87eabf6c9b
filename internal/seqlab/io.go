package seqlab

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// ErrFormat reports weights Sift cannot read.
var ErrFormat = errors.New("seqlab: bad model data")

// Hasher builds feature hashes: FNV-1a over a template byte and strings.
type Hasher uint64

const fnvPrime = 1099511628211

// Feat starts a feature of template t.
func Feat(t byte) Hasher { return Hasher((14695981039346656037 ^ uint64(t)) * fnvPrime) }

// S adds a string value.
func (h Hasher) S(s string) Hasher { return addBytes(h, s) }

// B adds a value given as bytes, as S adds the same string.
func (h Hasher) B(b []byte) Hasher { return addBytes(h, b) }

func addBytes[T ~string | ~[]byte](h Hasher, s T) Hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	x ^= 0x1f
	x *= fnvPrime
	return Hasher(x)
}

// H adds a value that is itself a hash (a word's, say), so that a string
// hashed once can join many features.
func (h Hasher) H(v uint64) Hasher {
	x := (uint64(h) ^ v) * fnvPrime
	return Hasher(x ^ x>>32)
}

// I adds a small integer value.
func (h Hasher) I(n int) Hasher {
	x := uint64(h) ^ uint64(n+1)*0x9e3779b97f4a7c15
	return Hasher(x * fnvPrime)
}

// U returns the feature hash.
func (h Hasher) U() uint64 { return uint64(h) }

// Write stores the model: tag types, transitions and int16-quantised
// weights of each feature (sorted by hash, so the same model always
// writes the same bytes).
func (m *Model) Write(w io.Writer) error {
	bw := &errWriter{w: w}
	bw.uvarint(uint64(len(m.tags.Types)))
	for _, t := range m.tags.Types {
		bw.str(t)
	}
	maxAbs := float32(0)
	for _, v := range append(append([]float32(nil), m.w...), m.trans...) {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = maxAbs / 32767
	}
	q := func(v float32) int64 { return int64(math.Round(float64(v / scale))) }
	bw.u32(math.Float32bits(scale))
	for _, v := range m.trans {
		bw.varint(q(v))
	}
	hs := make([]uint64, 0, len(m.index))
	for h := range m.index {
		hs = append(hs, h)
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i] < hs[j] })
	bw.uvarint(uint64(len(hs)))
	var prev uint64
	for _, h := range hs {
		bw.uvarint(h - prev)
		prev = h
		r := int(m.index[h]) * m.nt
		var mask uint64
		for t := 0; t < m.nt; t++ {
			if q(m.w[r+t]) != 0 {
				mask |= 1 << t
			}
		}
		bw.uvarint(mask)
		for t := 0; t < m.nt; t++ {
			if mask&(1<<t) != 0 {
				bw.varint(q(m.w[r+t]))
			}
		}
	}
	return bw.err
}

// Read loads a model written by Write.
func Read(r io.ByteReader) (*Model, error) {
	d := &errReader{r: r}
	nty := d.count(64)
	var tags Tags
	for i := 0; i < nty && d.err == nil; i++ {
		tags.Types = append(tags.Types, d.str())
	}
	if d.err != nil || nty == 0 {
		return nil, fmt.Errorf("%w: %v", ErrFormat, d.err)
	}
	m := New(tags)
	scale := math.Float32frombits(d.u32())
	for i := range m.trans {
		m.trans[i] = float32(d.varint()) * scale
	}
	nf := d.count(1 << 26)
	m.w = make([]float32, 0, nf*m.nt)
	var h uint64
	for i := 0; i < nf && d.err == nil; i++ {
		h += d.uvarint()
		mask := d.uvarint()
		m.index[h] = int32(i)
		for t := 0; t < m.nt; t++ {
			v := float32(0)
			if mask&(1<<t) != 0 {
				v = float32(d.varint()) * scale
			}
			m.w = append(m.w, v)
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, d.err)
	}
	m.Freeze()
	return m, nil
}

type errWriter struct {
	w   io.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *errWriter) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *errWriter) uvarint(v uint64) { e.write(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *errWriter) varint(v int64)   { e.write(e.buf[:binary.PutVarint(e.buf[:], v)]) }
func (e *errWriter) u32(v uint32)     { binary.LittleEndian.PutUint32(e.buf[:4], v); e.write(e.buf[:4]) }
func (e *errWriter) str(s string)     { e.uvarint(uint64(len(s))); e.write([]byte(s)) }

type errReader struct {
	r   io.ByteReader
	err error
}

func (d *errReader) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.err = err
	return v
}
func (d *errReader) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	d.err = err
	return v
}
func (d *errReader) count(limit int) int {
	v := d.uvarint()
	if v > uint64(limit) {
		if d.err == nil {
			d.err = fmt.Errorf("length %d out of range", v)
		}
		return 0
	}
	return int(v)
}
func (d *errReader) u32() uint32 {
	var b [4]byte
	for i := range b {
		if d.err != nil {
			return 0
		}
		b[i], d.err = d.r.ReadByte()
	}
	return binary.LittleEndian.Uint32(b[:])
}
func (d *errReader) str() string {
	n := d.count(1 << 16)
	var sb strings.Builder
	for i := 0; i < n && d.err == nil; i++ {
		c, err := d.r.ReadByte()
		d.err = err
		sb.WriteByte(c)
	}
	return sb.String()
}
