package reliability

import (
	"bufio"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/siftnews/sift/internal/embedded"
)

// ErrFormat reports a model file Sift cannot read.
var ErrFormat = errors.New("reliability: not a Sift reliability model")

const magic = "SIFTREL\x01"

// Save writes the model: gzip over provenance (JSON), calibration,
// signal standardisation and weights, and the n-gram weights quantised to
// int16 (zig-zag varints, so the many near-zero buckets compress well).
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var b []byte
	b = append(b, magic...)
	info, _ := json.Marshal(m.Info)
	b = binary.AppendUvarint(b, uint64(len(info)))
	b = append(b, info...)
	f64 := func(v float64) { b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v)) }
	f64(float64(m.bias))
	f64(m.a)
	f64(m.c)
	f64(float64(m.ngram))
	b = binary.AppendUvarint(b, uint64(len(m.sigW)))
	for k := range m.sigW {
		f64(m.sigW[k])
		f64(m.sigMean[k])
		f64(m.sigStd[k])
	}
	maxAbs := float32(0)
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = maxAbs / 32767
	}
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scale))
	b = binary.AppendUvarint(b, uint64(len(m.w)))
	if _, err := bw.Write(b); err != nil {
		return err
	}
	var buf [binary.MaxVarintLen64]byte
	for _, v := range m.w {
		n := binary.PutVarint(buf[:], int64(math.Round(float64(v/scale))))
		if _, err := bw.Write(buf[:n]); err != nil {
			return err
		}
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
	br := bufio.NewReader(zr)
	fail := func(err error) (*Model, error) { return nil, fmt.Errorf("%w: %w", ErrFormat, err) }
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, ErrFormat
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<20 {
		return fail(errors.New("bad info"))
	}
	info := make([]byte, n)
	if _, err := io.ReadFull(br, info); err != nil {
		return fail(err)
	}
	m := &Model{}
	if err := json.Unmarshal(info, &m.Info); err != nil {
		return fail(err)
	}
	var e8 [8]byte
	f64 := func() float64 {
		if _, e := io.ReadFull(br, e8[:]); e != nil && err == nil {
			err = e
		}
		return math.Float64frombits(binary.LittleEndian.Uint64(e8[:]))
	}
	m.bias = float32(f64())
	m.a, m.c = f64(), f64()
	m.ngram = float32(f64())
	ns, e := binary.ReadUvarint(br)
	if e != nil || ns > 256 {
		return fail(errors.New("bad signals"))
	}
	m.sigW, m.sigMean, m.sigStd = make([]float64, ns), make([]float64, ns), make([]float64, ns)
	for k := range m.sigW {
		m.sigW[k], m.sigMean[k], m.sigStd[k] = f64(), f64(), f64()
	}
	var s4 [4]byte
	if _, e := io.ReadFull(br, s4[:]); e != nil {
		return fail(e)
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(s4[:]))
	nw, e := binary.ReadUvarint(br)
	if e != nil || nw != nBuckets {
		return fail(fmt.Errorf("want %d weights, have %d", nBuckets, nw))
	}
	m.w = make([]float32, nw)
	for i := range m.w {
		v, e := binary.ReadVarint(br)
		if e != nil {
			return fail(e)
		}
		m.w[i] = float32(v) * scale
	}
	if err != nil {
		return fail(err)
	}
	return m, nil
}

//go:embed model/reliability.bin
var defaultModel []byte

var loadDefault = embedded.Lazy("reliability", defaultModel, Load)

// Default returns the embedded model, loaded once on first use.
func Default() (*Model, error) { return loadDefault() }
