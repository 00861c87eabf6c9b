package entity

import (
	"github.com/siftnews/sift/internal/hashtab"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nLevels is the number of word-class granularities the model reads.
const nLevels = 3

// Model is a trained entity tagger: an averaged structured perceptron
// over hashed features, decoded with first-order Viterbi over BILOU tags,
// together with the word classes and gazetteers its features read. A Model
// is safe for concurrent use.
type Model struct {
	// stages are the tagger's passes: the first reads the text; the
	// second also reads what the first concluded about the whole document.
	stages  []*weights
	classes map[string][nLevels]uint16
	gaz     *Gazetteer
	// Info describes how the model was made.
	Info Info
}

// Info is the model's provenance, stored in the model file.
type Info struct {
	Command   string  `json:"command,omitempty"`
	Epochs    []int   `json:"epochs"`
	DevF1     float64 `json:"dev_f1"`
	Refit     bool    `json:"refit_on_dev,omitempty"`
	Features  int     `json:"features"`
	Classes   int     `json:"classes"`
	Gazetteer int     `json:"gazetteer_entries"`
}

// Mention is one entity the tagger found: tokens [Start, End) of sentence
// Sent.
type Mention struct {
	Sent, Start, End int
	Type             string
}

// prepare computes per-token attributes of a sentence.
func (m *Model) prepare(words []string) []tok {
	ts := make([]tok, len(words))
	for i, w := range words {
		t := &ts[i]
		t.word = normWord(w)
		t.lower = lowerNum(t.word)
		t.shape, t.short, t.caps = shapes(t.word)
		t.class = m.classOf(t.word, t.caps)
	}
	if m.gaz != nil {
		m.gaz.mark(ts)
	}
	return ts
}

func (m *Model) classOf(w string, caps uint8) [nLevels]uint16 {
	if c, ok := m.classes[w]; ok {
		return c
	}
	if caps == capsAll && utf8.RuneCountInString(w) > 1 {
		if c, ok := m.classes[titleCase(w)]; ok {
			return c
		}
	}
	if caps != capsLower {
		if c, ok := m.classes[strings.ToLower(w)]; ok {
			return c
		}
	}
	return [nLevels]uint16{}
}

// weights are one stage's perceptron weights.
type weights struct {
	index map[uint64]int32
	rows  *hashtab.Rows // q by feature, for tagging; nil while training
	w     []float32     // len(index) rows of nTags weights
	trans []float32     // (nTags+1) rows (last: sentence start) of nTags
	// q holds w quantised to int16 (w ≈ q·scale), as the model file
	// stores it: half the memory traffic when tagging.
	q     []int16
	scale float32
}

// freeze builds the fast lookup table and the quantised weights; the
// weights must not change after.
func (m *weights) freeze() *weights {
	m.scale = quantScale(m.w, m.trans)
	m.q = make([]int16, len(m.w))
	for i, v := range m.w {
		m.q[i] = int16(math.Round(float64(v / m.scale)))
	}
	m.rows = hashtab.NewRows(m.index, m.q, nTags)
	return m
}

// quantScale maps the largest absolute weight to 32767.
func quantScale(w, trans []float32) float32 {
	maxAbs := float32(0)
	for _, v := range w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	for _, v := range trans {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	if maxAbs == 0 {
		return 1
	}
	return maxAbs / 32767
}

func newWeights() *weights {
	return &weights{index: map[uint64]int32{}, trans: make([]float32, (nTags+1)*nTags)}
}

// emissions sets em to the sum of each token's feature weights.
func (m *weights) emissions(feats [][]uint64, em [][nTags]float32) {
	for i := range feats {
		em[i] = [nTags]float32{}
	}
	m.addEmissions(feats, em)
}

// addEmissions adds each token's feature weights into em.
func (m *weights) addEmissions(feats [][]uint64, em [][nTags]float32) {
	if m.q != nil {
		for i, fs := range feats {
			var acc [nTags]int32
			m.rows.AddAll(fs, acc[:])
			row := &em[i]
			for t := range row {
				row[t] += float32(acc[t]) * m.scale
			}
		}
		return
	}
	for i, fs := range feats {
		row := &em[i]
		for _, f := range fs {
			r, ok := m.index[f]
			if !ok {
				continue
			}
			ws := m.w[int(r)*nTags : int(r)*nTags+nTags]
			for t := range row {
				row[t] += ws[t]
			}
		}
	}
}

// viterbi returns the best BILOU tag sequence for the emission scores.
// Only transitions BILOU allows are considered (predsOf), so every path
// it returns is well formed.
func viterbi(em [][nTags]float32, trans []float32, out []int) []int {
	n := len(em)
	out = out[:0]
	if n == 0 {
		return out
	}
	neg := float32(math.Inf(-1))
	score := make([][nTags]float32, n)
	back := make([][nTags]uint8, n)
	start := trans[nTags*nTags:]
	for t := 0; t < nTags; t++ {
		if allowed(-1, t) {
			score[0][t] = em[0][t] + start[t]
		} else {
			score[0][t] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev := &score[i-1]
		for t := 0; t < nTags; t++ {
			ps := predsOf[t]
			arg := ps[0]
			best := prev[arg] + trans[int(arg)*nTags+t]
			for _, p := range ps[1:] {
				if s := prev[p] + trans[int(p)*nTags+t]; s > best {
					best, arg = s, p
				}
			}
			score[i][t] = best + em[i][t]
			back[i][t] = arg
		}
	}
	best, arg := neg, 0
	for t := 0; t < nTags; t++ {
		if canEnd(t) && score[n-1][t] > best {
			best, arg = score[n-1][t], t
		}
	}
	for i := 0; i < n; i++ {
		out = append(out, 0)
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i][arg])
	}
	return out
}

// predsOf lists, for each tag, the tags that may precede it.
var predsOf = func() (p [nTags][]uint8) {
	for t := 0; t < nTags; t++ {
		for q := 0; q < nTags; q++ {
			if allowed(q, t) {
				p[t] = append(p[t], uint8(q))
			}
		}
	}
	return p
}()

// updateHist records the tagger's labels for the document history.
func updateHist(s []tok, tags []int, d *docInfo) {
	for i, t := range tags {
		if !isCap(s[i].caps) {
			continue
		}
		bit := uint8(1) << nTypes
		if t != tagO {
			bit = 1 << tagType(t)
		}
		d.hist[s[i].lower] |= bit
	}
}

// Recognize tags a document given as sentences of words and returns its
// entity mentions in order. Sentences are read in order: what the tagger
// concluded about a word earlier in the document is a feature later.
func (m *Model) Recognize(doc [][]string) []Mention {
	tags, _ := m.tagDoc(doc)
	return mentions(doc, tags)
}

// RecognizeClasses is Recognize that also returns the word classes (as
// Class gives them) of every sentence's words, which the tagger computes
// anyway: later stages reading them need not look them up again.
func (m *Model) RecognizeClasses(doc [][]string) ([]Mention, [][][NumLevels]uint16) {
	tags, classes := m.tagDoc(doc)
	return mentions(doc, tags), classes
}

// mentions reads the mentions off the tags. A mention does not end in
// punctuation the tokenizer split off: in "… for Human Rights. The army
// …" the tagger may run "Syrian Observatory for Human Rights" on over the
// period.
func mentions(doc [][]string, tags [][]int) []Mention {
	var out []Mention
	for si, tags := range tags {
		for _, c := range Chunks(si, iob2Names(tags)) {
			for c.End-1 > c.Start && c.End <= len(doc[si]) && punctOnly(doc[si][c.End-1]) {
				c.End--
			}
			// "rlMbTt5WwY Capitol Watch": the end of a link before a name
			for c.End-1 > c.Start && c.End <= len(doc[si]) && linkID(doc[si][c.Start]) {
				c.Start++
			}
			out = append(out, Mention{Sent: si, Start: c.Start, End: c.End, Type: c.Type})
		}
	}
	return out
}

// TagIOB2 tags a document and returns IOB2 tag names per token.
func (m *Model) TagIOB2(doc [][]string) [][]string {
	tags, _ := m.tagDoc(doc)
	out := make([][]string, len(tags))
	for i, t := range tags {
		out[i] = iob2Names(t)
	}
	return out
}

// maxPiece is the longest run of tokens tagged as one sequence; longer
// "sentences" (tables, text without punctuation) are cut into pieces so
// that memory stays bounded on any input.
const maxPiece = 250

// tagDoc returns the tags of every sentence's words, and their classes.
func (m *Model) tagDoc(doc [][]string) ([][]int, [][][nLevels]uint16) {
	// Cut overlong sentences into pieces, tag the pieces, glue them back.
	var pieces [][]string
	var owner []int
	for si, s := range doc {
		for len(s) > maxPiece {
			pieces, owner = append(pieces, s[:maxPiece]), append(owner, si)
			s = s[maxPiece:]
		}
		pieces, owner = append(pieces, s), append(owner, si)
	}
	toks := make([][]tok, len(pieces))
	for i, s := range pieces {
		toks[i] = m.prepare(s)
	}
	d := newDocInfo(toks)
	// Static features are computed once per sentence and kept for the
	// second stage, unless the document is so long that keeping them
	// would cost more memory than recomputing costs time.
	total := 0
	for _, s := range toks {
		total += len(s)
	}
	var cache [][][]uint64
	if len(m.stages) > 1 && total <= 50_000 {
		cache = make([][][]uint64, len(toks))
	}
	static := func(si int, buf [][]uint64) [][]uint64 {
		if cache != nil && cache[si] != nil {
			return cache[si]
		}
		s := toks[si]
		if cache != nil {
			buf = nil
		}
		for len(buf) < len(s) {
			buf = append(buf, make([]uint64, 0, 128))
		}
		buf = buf[:len(s)]
		m.staticFeatures(s, d, buf)
		if cache != nil {
			cache[si] = buf
		}
		return buf
	}
	var pred [][]int
	for k, st := range m.stages {
		var agg *aggInfo
		if k > 0 {
			agg = newAggInfo(toks, pred)
		}
		pred = st.decodeDoc(toks, static, agg)
	}
	out := make([][]int, len(doc))
	classes := make([][][nLevels]uint16, len(doc))
	for i, p := range pred {
		out[owner[i]] = append(out[owner[i]], p...)
		for _, t := range toks[i] {
			classes[owner[i]] = append(classes[owner[i]], t.class)
		}
	}
	return out, classes
}

// decodeDoc tags the sentences of a document in order, feeding each
// sentence's labels into the history features of the next. static
// computes a sentence's static features into a reusable buffer.
func (st *weights) decodeDoc(toks [][]tok, static func(si int, buf [][]uint64) [][]uint64, agg *aggInfo) [][]int {
	hist := &docInfo{hist: map[string]uint8{}}
	out := make([][]int, len(toks))
	var em [][nTags]float32
	var sbuf, feats [][]uint64
	for si, s := range toks {
		if len(s) == 0 {
			continue
		}
		if cap(em) < len(s) {
			em = make([][nTags]float32, len(s))
		}
		em = em[:len(s)]
		sbuf = static(si, sbuf)
		st.emissions(sbuf, em)
		feats = dynamicOnly(toks, si, hist, agg, feats)
		st.addEmissions(feats, em)
		out[si] = viterbi(em, st.trans, nil)
		updateHist(s, out[si], hist)
	}
	return out
}

// dynamicFeatures appends to each token's static features those that
// depend on earlier decisions: the history and, in the second stage, the
// first stage's view of the document.
func dynamicFeatures(toks [][]tok, si int, static [][]uint64, hist *docInfo, agg *aggInfo, feats [][]uint64) [][]uint64 {
	feats = dynamicOnly(toks, si, hist, agg, feats)
	for i := range feats {
		feats[i] = append(feats[i], static[i]...)
	}
	return feats
}

// dynamicOnly computes only the features that depend on earlier decisions.
func dynamicOnly(toks [][]tok, si int, hist *docInfo, agg *aggInfo, feats [][]uint64) [][]uint64 {
	s := toks[si]
	for len(feats) < len(s) {
		feats = append(feats, make([]uint64, 0, 128))
	}
	feats = feats[:len(s)]
	for i := range s {
		f := histFeatures(s, hist, i, feats[i][:0])
		if agg != nil {
			f = agg.features(s, si, i, f)
		}
		feats[i] = f
	}
	return feats
}

// WordClasses returns the model's word classes (shared, do not modify).
func (m *Model) WordClasses() WordClasses { return m.classes }

// Gazetteer returns the model's gazetteer, or nil.
func (m *Model) Gazetteer() *Gazetteer { return m.gaz }

// Class returns a word's class at each granularity (0: none), as learned
// from unlabelled news; other stages use them as part-of-speech-like
// features.
func (m *Model) Class(word string) [NumLevels]uint16 {
	_, _, caps := shapes(word)
	return m.classOf(normWord(word), caps)
}

// punctOnly reports a word made of punctuation only: ".", ",", "--".
// linkID reports a word that is the random identifier ending a short
// link ("pic.twitter.com/rlMbTt5WwY", "t.co/8B8AyA7V1s"): letters and
// digits whose case changes four times or more. Names with a digit
// ("Breaking911") or inner capitals ("McDonald") change it less.
func linkID(w string) bool {
	if len(w) < 8 || len(w) > 16 {
		return false
	}
	digit, changes, prev := false, 0, 0
	for _, r := range w {
		c := 0
		switch {
		case r >= '0' && r <= '9':
			digit = true
			continue
		case r >= 'a' && r <= 'z':
			c = 1
		case r >= 'A' && r <= 'Z':
			c = 2
		default:
			return false
		}
		if prev != 0 && c != prev {
			changes++
		}
		prev = c
	}
	return digit && changes >= 4
}

func punctOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return w != ""
}
