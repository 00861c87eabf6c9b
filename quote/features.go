package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/internal/seqlab"
	"github.com/siftnews/sift/segment"
)

// Span types the attribution tagger labels.
const (
	typeSource = iota
	typeCue
	typeContent
)

var tagSet = seqlab.Tags{Types: []string{"SRC", "CUE", "CNT"}}

// Doc is what the quote stage reads: a clean text, its tokens and
// sentences, and each token's entity tag (IOB2, "O" when none).
type Doc struct {
	Text   string
	Tokens []segment.Token
	Sents  []segment.Sentence
	NER    []string
	// Class holds each token's word classes (from the entity model), used
	// as part-of-speech-like features; nil when unknown.
	Class [][entity.NumLevels]uint16
}

// unit is a run of tokens tagged as one sequence: a paragraph, or a piece
// of a very long one cut at a sentence boundary.
type unit struct{ first, last int }

const maxUnit = 300

func units(d *Doc) []unit {
	var out []unit
	start := 0
	flush := func(end int) {
		for end-start > maxUnit {
			cut := start + maxUnit
			// cut at the last sentence start inside the window
			for _, s := range d.Sents {
				if s.First > start && s.First <= start+maxUnit {
					cut = s.First
				}
			}
			out = append(out, unit{start, cut})
			start = cut
		}
		if end > start {
			out = append(out, unit{start, end})
		}
		start = end
	}
	for i, t := range d.Tokens {
		if i > 0 && t.Newline {
			flush(i)
		}
	}
	flush(len(d.Tokens))
	return out
}

// Feature templates.
const (
	fBias byte = iota
	fWord
	fShape
	fSuffix
	fPrev
	fNext
	fPrev2
	fNext2
	fBiL
	fBiR
	fQuote
	fQuoteWord
	fQuoteMark
	fCue
	fCueP
	fCueN
	fCueDist
	fNER
	fPron
	fSentStart
	fSentEnd
	fPunctCtx
	fAfterClose
	fCaps
	fUnitStart
	fCueSide
	fClass
	fClassCtx
	fSpeakerColon
	fCueTag
	fCueRel
	fCueRelWord
	fCueNear
)

var cueTagSet = seqlab.Tags{Types: []string{"CUE"}}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "it": true, "you": true,
	"him": true, "her": true, "them": true, "his": true, "their": true, "its": true, "who": true}

func lowerNorm(w string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '„', '«', '»', '"':
			return '"'
		case '‘', '’', '‛':
			return '\''
		case '–', '—':
			return '-'
		}
		if unicode.IsDigit(r) {
			return '0'
		}
		return unicode.ToLower(r)
	}, w)
}

// shortShape appends w's shape to b: X, x and d for upper-case, lower-case
// and digit runs, ASCII punctuation as itself, * for anything else.
func shortShape(b []byte, w string) []byte {
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < 128:
			c = byte(r)
		default:
			c = '*'
		}
		if c != last {
			b = append(b, c)
		}
		last = c
	}
	return b
}

func isOpenQuote(w string) bool  { return w == "“" || w == "«" || w == "‘" || w == "„" }
func isCloseQuote(w string) bool { return w == "”" || w == "»" || w == "’" }
func isQuoteMark(w string) bool  { return isOpenQuote(w) || isCloseQuote(w) || w == "\"" }

// quoteState marks, in in (of len(toks)), the tokens inside quotation
// marks within a unit: curly and guillemet quotes pair explicitly; a
// straight quote opens when it is attached to the word after it only and
// closes when attached to the word before it only, and otherwise (spaced
// on both sides, or on neither) alternates. So a quotation that ran over
// a paragraph break the text has lost (`explosion. "People had fallen …`:
// no closing mark before the next paragraph's opening one) stays open
// instead of turning the rest of the text inside out. A unit that opens
// with ” attached to a word opens a quotation there.
func quoteState(toks []segment.Token, in []bool) []bool {
	clear(in)
	open := false
	for i, t := range toks {
		w := t.Text
		switch {
		case isOpenQuote(w) && w != "‘":
			open = true
			continue
		case isCloseQuote(w) && w != "’":
			// a paragraph opened with the closing mark typed for the
			// opening one, attached to its first word: ”Mr. Trump embodies …
			open = i == 0 && w == "”" && len(toks) > 1 && toks[1].Start == t.End && isWordStart(toks[1].Text)
			continue
		case w == "\"":
			open = straightOpens(toks, i, i+1, open)
			continue
		}
		in[i] = open
	}
	return in
}

// straightOpens reads a straight quotation mark, the same both ways, made
// of tokens [a, b): whether a quotation is open after it, given open
// before it. It opens when attached to the word after it only, closes when
// attached to the word before it only, and otherwise alternates.
func straightOpens(toks []segment.Token, a, b int, open bool) bool {
	before := a == 0 || toks[a-1].End < toks[a].Start
	after := b == len(toks) || toks[b].Start > toks[b-1].End
	switch {
	case before && !after && isWordStart(toks[b].Text):
		return true
	case !before && after:
		return false
	}
	return !open
}

// isWordStart reports whether w begins with a letter or digit.
func isWordStart(w string) bool {
	for _, r := range w {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

func bucket(d int) int {
	switch {
	case d <= 2:
		return d
	case d <= 4:
		return 3
	case d <= 8:
		return 4
	case d <= 16:
		return 5
	}
	return 6
}

func cueBucket(p float32) int {
	switch {
	case p <= 0:
		return 0
	case p < 0.05:
		return 1
	case p < 0.15:
		return 2
	case p < 0.35:
		return 3
	case p < 0.6:
		return 4
	}
	return 5
}

// scratch holds the buffers tagging reuses from one unit to the next
// (the features of the unit being tagged live in them, until the scratch
// is used again); the zero value is ready.
type scratch struct {
	feats, cueFeats []uint64
	out, cueOut     [][]uint64
	tags            seqlab.Scratch
	lw              []string
	hw              []uint64 // word hashes
	cue             []float32
	inQ, start, end []bool
	left, right     []int
	sent, firstCue  []int
	cueLeft         []int
	cueRight        []int
}

// slice returns *b resliced to n elements (reallocated only when too
// small; the old values stay).
func slice[T any](b *[]T, n int) []T {
	*b = slices.Grow((*b)[:0], n)[:n]
	return *b
}

// sentencesIn returns the sentences that overlap tokens [first, last):
// d.Sents is in text order.
func sentencesIn(d *Doc, first, last int) []segment.Sentence {
	a := sort.Search(len(d.Sents), func(i int) bool { return d.Sents[i].Last > first })
	b := a
	for b < len(d.Sents) && d.Sents[b].First < last {
		b++
	}
	return d.Sents[a:b]
}

// buffers returns room for n tokens' features, per features a token (cue
// says which of the scratch's two sets).
func (s *scratch) buffers(n, per int, cue bool) ([]uint64, [][]uint64) {
	buf, out := &s.feats, &s.out
	if cue {
		buf, out = &s.cueFeats, &s.cueOut
	}
	if cap(*buf) < per*n {
		*buf = make([]uint64, per*n+per*n/2)
	}
	if cap(*out) < n {
		*out = make([][]uint64, n+n/2)
	}
	return (*buf)[:per*n], (*out)[:n]
}

// wordHash is a lowercased word's hash: its own feature, and the value
// other features add with Hasher.H.
func wordHash(w string) uint64 { return seqlab.Feat(fWord).S(w).U() }

// features computes every token's features for one unit, in s's buffers.
func (m *Model) features(d *Doc, u unit, s *scratch) [][]uint64 {
	toks := d.Tokens[u.first:u.last]
	n := len(toks)
	lw := slice(&s.lw, n)
	cue := slice(&s.cue, n)
	hw := slice(&s.hw, n)
	for i, t := range toks {
		lw[i] = lowerNorm(t.Text)
		cue[i] = m.cueLex[lw[i]]
		hw[i] = wordHash(lw[i])
	}
	inQ := quoteState(toks, slice(&s.inQ, n))
	sentStart := slice(&s.start, n)
	sentEnd := slice(&s.end, n)
	clear(sentStart)
	clear(sentEnd)
	for _, s := range sentencesIn(d, u.first, u.last) {
		if s.First >= u.first && s.First < u.last {
			sentStart[s.First-u.first] = true
		}
		if s.Last-1 >= u.first && s.Last-1 < u.last {
			sentEnd[s.Last-1-u.first] = true
		}
	}
	// distance to the nearest strong cue on each side
	const strong = 0.2
	left := slice(&s.left, n)
	right := slice(&s.right, n)
	last := -1
	for i := 0; i < n; i++ {
		left[i] = -1
		if last >= 0 {
			left[i] = i - last
		}
		if cue[i] >= strong {
			last = i
		}
	}
	last = -1
	for i := n - 1; i >= 0; i-- {
		right[i] = -1
		if last >= 0 {
			right[i] = last - i
		}
		if cue[i] >= strong {
			last = i
		}
	}
	word := func(i int) string {
		if i < 0 {
			return "<p>"
		}
		if i >= n {
			return "</p>"
		}
		return lw[i]
	}
	pStart, pEnd := wordHash("<p>"), wordHash("</p>")
	wh := func(i int) uint64 {
		if i < 0 {
			return pStart
		}
		if i >= n {
			return pEnd
		}
		return hw[i]
	}
	// transcript style "WALLACE: …": a colon among the first tokens of a
	// paragraph after capitalised words
	colon := -1
	lead := 0 // a transcript quoted whole: "WALLACE: …
	if n > 0 && (toks[0].Text == "\"" || isOpenQuote(toks[0].Text)) {
		lead = 1
	}
	for i := lead + 1; i < n && i <= lead+5; i++ {
		if toks[i].Text == ":" {
			allCap := true
			for _, t := range toks[lead:i] {
				if r := []rune(t.Text); len(r) == 0 || !unicode.IsUpper(r[0]) && t.Text != "." {
					allCap = false
				}
			}
			if allCap {
				colon = i
			}
			break
		}
	}
	const per = 40 // room for a token's features
	buf, out := s.buffers(n, per, false)
	var shape [32]byte
	for i, t := range toks {
		w := lw[i]
		q := "o"
		if inQ[i] {
			q = "i"
		}
		f := buf[per*i : per*i : per*i+per]
		cp, cn := -1, -1
		if i > 0 {
			cp = cueBucket(cue[i-1])
		}
		if i+1 < n {
			cn = cueBucket(cue[i+1])
		}
		f = append(f,
			hw[i],
			seqlab.Feat(fShape).B(shortShape(shape[:0], t.Text)).U(),
			seqlab.Feat(fPrev).H(wh(i-1)).U(),
			seqlab.Feat(fNext).H(wh(i+1)).U(),
			seqlab.Feat(fPrev2).H(wh(i-2)).U(),
			seqlab.Feat(fNext2).H(wh(i+2)).U(),
			seqlab.Feat(fBiL).H(wh(i-1)).H(hw[i]).U(),
			seqlab.Feat(fBiR).H(hw[i]).H(wh(i+1)).U(),
			seqlab.Feat(fCue).I(cp).I(cueBucket(cue[i])).I(cn).U(),
			seqlab.Feat(fCueSide).I(bucket(left[i])).I(bucket(right[i])).S(q).U(),
		)
		if len(w) > 3 {
			f = append(f, seqlab.Feat(fSuffix).S(w[len(w)-3:]).U())
		}
		if cue[i] > 0 {
			f = append(f, seqlab.Feat(fQuoteWord).S(q).H(hw[i]).U())
		}
		if isQuoteMark(t.Text) {
			f = append(f, seqlab.Feat(fQuoteMark).S(t.Text).U())
		}
		if d.NER != nil {
			f = append(f, seqlab.Feat(fNER).S(d.NER[u.first+i]).U())
		}
		if d.Class != nil {
			c := d.Class[u.first+i]
			f = append(f, seqlab.Feat(fClass).I(0).I(int(c[0])).U(), seqlab.Feat(fClass).I(1).I(int(c[1])).U(), seqlab.Feat(fClass).I(2).I(int(c[2])).U())
			cp, cn := uint16(65535), uint16(65535)
			if i > 0 {
				cp = d.Class[u.first+i-1][0]
			}
			if i+1 < n {
				cn = d.Class[u.first+i+1][0]
			}
			f = append(f, seqlab.Feat(fClassCtx).I(int(cp)).I(int(c[0])).U(), seqlab.Feat(fClassCtx).I(int(c[0])).I(int(cn)).S("r").U())
		}
		if pronouns[w] {
			f = append(f, seqlab.Feat(fPron).H(hw[i]).U())
		}
		if sentStart[i] {
			f = append(f, seqlab.Feat(fSentStart).U())
		}
		if sentEnd[i] {
			f = append(f, seqlab.Feat(fSentEnd).U())
		}
		if i == 0 {
			f = append(f, seqlab.Feat(fUnitStart).U())
		}
		if colon >= 0 {
			switch {
			case i < colon:
				f = append(f, seqlab.Feat(fSpeakerColon).S("name").U())
			case i == colon:
				f = append(f, seqlab.Feat(fSpeakerColon).S("colon").U())
			default:
				f = append(f, seqlab.Feat(fSpeakerColon).S("after").U())
			}
		}
		f = append(f, seqlab.Feat(fPunctCtx).S(punctClass(word(i-1))).S(punctClass(word(i+1))).U())
		if i > 0 && (isCloseQuote(toks[i-1].Text) || toks[i-1].Text == "\"" && !inQ[i]) {
			f = append(f, seqlab.Feat(fAfterClose).H(hw[i]).U())
		}
		out[i] = f
	}
	return out
}

func punctClass(w string) string {
	switch w {
	case ",", ".", ":", ";", "\"", "'", "(", ")", "-", "<p>", "</p>", "that":
		return w
	}
	return "w"
}

// withCues adds to each token's base features those cueFeatures makes,
// as the second stage is trained on them.
func withCues(d *Doc, u unit, base [][]uint64, cueTags []int) [][]uint64 {
	hw := make([]uint64, u.last-u.first)
	for i, t := range d.Tokens[u.first:u.last] {
		hw[i] = wordHash(lowerNorm(t.Text))
	}
	more := cueFeatures(d, u, cueTags, hw, new(scratch))
	out := make([][]uint64, len(base))
	for i := range base {
		out[i] = append(append(make([]uint64, 0, len(base[i])+len(more[i])), base[i]...), more[i]...)
	}
	return out
}

// cueFeatures says, for each token, what the cue stage found: its own
// cue tag, the nearest predicted cue on each side (distance, and whether
// in the same sentence), and where the token sits relative to the first
// cue of its sentence. hw holds the tokens' word hashes (wordHash of
// lowerNorm); the features are made in s's buffers.
func cueFeatures(d *Doc, u unit, cueTags []int, hw []uint64, s *scratch) [][]uint64 {
	n := len(cueTags)
	// sent: each token's sentence, numbered from 1 within the unit (0:
	// none); firstCue: each sentence's first cue token, or -1
	sent := slice(&s.sent, n)
	clear(sent)
	ss := sentencesIn(d, u.first, u.last)
	for k, st := range ss {
		for t := max(st.First, u.first); t < min(st.Last, u.last); t++ {
			sent[t-u.first] = k + 1
		}
	}
	firstCue := slice(&s.firstCue, len(ss)+1)
	for k := range firstCue {
		firstCue[k] = -1
	}
	for i, t := range cueTags {
		if t != 0 && firstCue[sent[i]] < 0 {
			firstCue[sent[i]] = i
		}
	}
	left := slice(&s.cueLeft, n)
	right := slice(&s.cueRight, n)
	last := -1
	for i := 0; i < n; i++ {
		left[i] = last
		if cueTags[i] != 0 {
			last = i
		}
	}
	last = -1
	for i := n - 1; i >= 0; i-- {
		right[i] = last
		if cueTags[i] != 0 {
			last = i
		}
	}
	const per = 5 // features a token gets here
	buf, out := s.buffers(n, per, true)
	for i := range n {
		f := buf[per*i : per*i : per*i+per]
		f = append(f, seqlab.Feat(fCueTag).I(cueTags[i]).U())
		near := func(side string, j int) {
			if j < 0 {
				f = append(f, seqlab.Feat(fCueNear).S(side).S("none").U())
				return
			}
			same := "same"
			if sent[j] != sent[i] {
				same = "other"
			}
			f = append(f, seqlab.Feat(fCueNear).S(side).S(same).I(bucket(abs(j-i))).U())
		}
		near("L", left[i])
		near("R", right[i])
		rel := "none"
		if fc := firstCue[sent[i]]; fc >= 0 {
			switch {
			case i < fc:
				rel = "before"
			case i > fc:
				rel = "after"
			default:
				rel = "at"
			}
		}
		f = append(f, seqlab.Feat(fCueRel).S(rel).U(), seqlab.Feat(fCueRelWord).S(rel).H(hw[i]).U())
		out[i] = f
	}
	return out
}

// tagUnit runs both stages on one unit, in s's buffers.
func (m *Model) tagUnit(d *Doc, u unit, s *scratch) []int {
	ts := &s.tags
	base := m.features(d, u, s)
	hw := s.hw[:len(base)]
	_, tags := m.stages().Tag(base, func(cueTags []int) [][]uint64 { return cueFeatures(d, u, cueTags, hw, s) }, ts)
	return tags
}
