// Package quote finds who said what in an article: quotations (direct,
// mixed and reported), their cues and their sources, learned from the
// PolNeAR attribution corpus, with speakers resolved to the article's
// entity clusters.
package quote

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
	"sort"
	"sync/atomic"

	"github.com/siftnews/sift/internal/embedded"
	"github.com/siftnews/sift/internal/seqlab"
	"github.com/siftnews/sift/internal/wordnet"
)

// Model tags attribution sources, cues and contents.
type Model struct {
	cues   *seqlab.Model // stage 1: cue spans
	tagger *seqlab.Model // stage 2: sources, cues, contents, reading stage 1
	cueLex map[string]float32
	nouns  *wordnet.Table              // WordNet noun classes, to type nominal speakers
	pair   atomic.Pointer[seqlab.Pair] // both stages in one table, built on first use
	// Info describes how the model was made.
	Info Info
}

// Info is the model's provenance.
type Info struct {
	Command  string  `json:"command,omitempty"`
	Epochs   int     `json:"epochs"`
	DevF1    float64 `json:"dev_f1"`
	Features int     `json:"features"`
	CueWords int     `json:"cue_words"`
}

// ErrFormat reports a model file Sift cannot read.
var ErrFormat = errors.New("quote: not a Sift attribution model")

const magic = "SIFTQUO\x02"

// Save writes the model (gzip; deterministic bytes).
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	info, _ := json.Marshal(m.Info)
	var hdr []byte
	hdr = append(hdr, magic...)
	hdr = binary.AppendUvarint(hdr, uint64(len(info)))
	hdr = append(hdr, info...)
	words := make([]string, 0, len(m.cueLex))
	for w := range m.cueLex {
		words = append(words, w)
	}
	sort.Strings(words)
	hdr = binary.AppendUvarint(hdr, uint64(len(words)))
	for _, w := range words {
		hdr = binary.AppendUvarint(hdr, uint64(len(w)))
		hdr = append(hdr, w...)
		hdr = binary.LittleEndian.AppendUint32(hdr, math.Float32bits(m.cueLex[w]))
	}
	if _, err := bw.Write(hdr); err != nil {
		return err
	}
	if err := m.cues.Write(bw); err != nil {
		return err
	}
	if err := m.tagger.Write(bw); err != nil {
		return err
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
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, ErrFormat
	}
	readBytes := func() ([]byte, error) {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1<<20 {
			return nil, fmt.Errorf("%w: bad length", ErrFormat)
		}
		b := make([]byte, n)
		_, err = io.ReadFull(br, b)
		return b, err
	}
	nouns, err := wordnet.Embedded()
	if err != nil {
		return nil, err
	}
	m := &Model{cueLex: map[string]float32{}, nouns: nouns}
	info, err := readBytes()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if err := json.Unmarshal(info, &m.Info); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<22 {
		return nil, fmt.Errorf("%w: bad lexicon", ErrFormat)
	}
	for i := uint64(0); i < n; i++ {
		w, err := readBytes()
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrFormat, err)
		}
		var b [4]byte
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrFormat, err)
		}
		m.cueLex[string(w)] = math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	}
	if m.cues, err = seqlab.Read(br); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if m.tagger, err = seqlab.Read(br); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	m.stages() // build the lookup table now rather than in the first Find
	return m, nil
}

// stages returns the two taggers joined.
func (m *Model) stages() *seqlab.Pair {
	if p := m.pair.Load(); p != nil {
		return p
	}
	m.pair.CompareAndSwap(nil, seqlab.NewPair(m.cues, m.tagger))
	return m.pair.Load()
}

//go:embed model/quote.bin
var defaultModel []byte

var loadDefault = embedded.Lazy("attribution", defaultModel, Load)

// Default returns the embedded model, loaded once on first use.
func Default() (*Model, error) { return loadDefault() }
