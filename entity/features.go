package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is the FNV-1a hash of its template byte
// and its string values; the model stores weights only for hashes it kept.
const (
	fBias byte = iota
	fWord
	fLower
	fShape
	fPrefix
	fSuffix
	fPrev1
	fNext1
	fPrev2
	fNext2
	fBigramL
	fBigramR
	fShapeP
	fShapeN
	fShape3
	fClass
	fClassP
	fClassN
	fGaz
	fGazP
	fGazN
	fFirst
	fHeadline
	fDocCap
	fDocLower
	fHist
	fHistPrev
	fPrevWordShape
	fNextWordShape
	fLen
	fS1
	fS1Ctx
	fAgg
	fAggMajority
	fInMWE
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0x1f
	h *= fnvPrime
	return h
}

func feat(t byte) uint64 { return (fnvOffset ^ uint64(t)) * fnvPrime }

func feat1(t byte, a string) uint64    { return hstr(feat(t), a) }
func feat2(t byte, a, b string) uint64 { return hstr(hstr(feat(t), a), b) }
func featN(t byte, n int, a string) uint64 {
	return hstr(feat(t)^uint64(n+1)*0x9e3779b97f4a7c15, a)
}

// tok is what the features read of one token.
type tok struct {
	word, lower, shape, short string
	caps                      uint8
	class                     [nLevels]uint16
	gaz                       []uint8 // per gazetteer category: 0, or B=1 I=2 L=3 U=4 of a match
}

// capitalisation classes
const (
	capsOther uint8 = iota
	capsLower
	capsInit
	capsAll
	capsMixed
	capsDigit
	capsPunct
)

// normWord maps typographic variants to the forms news corpora use.
func normWord(w string) string {
	if strings.IndexFunc(w, func(r rune) bool { return r > 127 }) < 0 {
		return w
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '„', '«', '»':
			return '"'
		case '‘', '’', '‛':
			return '\''
		case '–', '—', '‒', '−':
			return '-'
		}
		return r
	}, w)
}

// lowerNum lowercases w and maps every digit to 0.
func lowerNum(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '0'
			}
			return unicode.ToLower(r)
		}, w)
	}
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		d := c
		if c >= 'A' && c <= 'Z' {
			d = c + 32
		} else if c >= '1' && c <= '9' {
			d = '0'
		}
		if d != c && b == nil {
			b = []byte(w)
		}
		if b != nil {
			b[i] = d
		}
	}
	if b == nil {
		return w
	}
	return string(b)
}

// shapes returns the word shape with runs capped at 2 (Xxx → Xxx, McDonald
// → XxXxx) and the short shape with every run collapsed (XxXx).
func shapes(w string) (shape, short string, caps uint8) {
	var sb, ss []byte
	var last byte
	run := 0
	up, low, dig, other := 0, 0, 0, 0
	firstUp := false
	for i, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			up++
			if i == 0 {
				firstUp = true
			}
		case unicode.IsLower(r):
			c = 'x'
			low++
		case unicode.IsDigit(r):
			c = 'd'
			dig++
		default:
			other++
			if r < utf8.RuneSelf {
				c = byte(r)
			} else {
				c = '*'
			}
		}
		if c == last {
			run++
		} else {
			run = 1
			ss = append(ss, c)
		}
		if run <= 3 {
			sb = append(sb, c)
		}
		last = c
	}
	switch {
	case up+low == 0 && dig > 0:
		caps = capsDigit
	case up+low+dig == 0:
		caps = capsPunct
	case up > 0 && low == 0:
		caps = capsAll
	case firstUp && up == 1:
		caps = capsInit
	case up == 0:
		caps = capsLower
	case firstUp:
		caps = capsMixed
	default:
		caps = capsOther
	}
	return string(sb), string(ss), caps
}

var capsNames = [...]string{"other", "lower", "init", "all", "mixed", "digit", "punct"}

func isCap(c uint8) bool { return c == capsInit || c == capsAll || c == capsMixed }

// docInfo is what the tagger knows about the whole document.
type docInfo struct {
	// capMid holds lowercased words seen capitalised inside a sentence
	// of ordinary (not all-caps) text, not at its start.
	capMid map[string]bool
	// lowerSeen holds words seen entirely in lowercase.
	lowerSeen map[string]bool
	// hist maps a lowercased word to the entity types (bit per type, plus
	// bit nTypes for O) the tagger gave it earlier in the document.
	hist map[string]uint8
	// histPrev is hist for the previous word (to see "Mr X" later as X).
}

func headline(ts []tok) bool {
	letters, caps := 0, 0
	for _, t := range ts {
		switch t.caps {
		case capsAll:
			caps++
			letters++
		case capsLower, capsInit, capsMixed, capsOther:
			letters++
		}
	}
	return letters >= 2 && caps*10 >= letters*8
}

func newDocInfo(doc [][]tok) *docInfo {
	d := &docInfo{capMid: map[string]bool{}, lowerSeen: map[string]bool{}, hist: map[string]uint8{}}
	for _, s := range doc {
		hl := headline(s)
		for i, t := range s {
			switch {
			case t.caps == capsLower:
				d.lowerSeen[t.lower] = true
			case !hl && i > 0 && isCap(t.caps) && s[i-1].caps != capsPunct:
				d.capMid[t.lower] = true
			}
		}
	}
	return d
}

// static features of each token of a sentence (everything but history).
func (m *Model) staticFeatures(s []tok, d *docInfo, out [][]uint64) {
	hl := headline(s)
	get := func(i int) *tok {
		if i < 0 || i >= len(s) {
			return nil
		}
		return &s[i]
	}
	lw := func(i int) string {
		if t := get(i); t != nil {
			return t.lower
		}
		if i < 0 {
			return "<s>"
		}
		return "</s>"
	}
	sh := func(i int) string {
		if t := get(i); t != nil {
			return t.short
		}
		return "_"
	}
	for i := range s {
		t := &s[i]
		f := out[i][:0]
		f = append(f, feat(fBias), feat1(fWord, t.word), feat1(fLower, t.lower), feat1(fShape, t.shape))
		if t.caps != capsPunct {
			n := 0
			for j := range t.lower {
				if j == 0 {
					continue
				}
				n++
				if n > 4 {
					break
				}
				f = append(f, featN(fPrefix, n, t.lower[:j]))
			}
			n = 0
			for j := len(t.lower) - 1; j > 0 && n < 4; j-- {
				if !utf8.RuneStart(t.lower[j]) {
					continue
				}
				n++
				f = append(f, featN(fSuffix, n, t.lower[j:]))
			}
		}
		f = append(f,
			feat1(fPrev1, lw(i-1)), feat1(fNext1, lw(i+1)),
			feat1(fPrev2, lw(i-2)), feat1(fNext2, lw(i+2)),
			feat2(fBigramL, lw(i-1), t.lower), feat2(fBigramR, t.lower, lw(i+1)),
			feat1(fShapeP, sh(i-1)), feat1(fShapeN, sh(i+1)),
			hstr(feat2(fShape3, sh(i-1), t.short), sh(i+1)),
			feat2(fPrevWordShape, lw(i-1), t.short), feat2(fNextWordShape, t.short, lw(i+1)),
		)
		if n := len(t.lower); n <= 3 {
			f = append(f, featN(fLen, n, capsNames[t.caps]))
		}
		for l := 0; l < nLevels; l++ {
			if c := t.class[l]; c != 0 {
				f = append(f, featN(fClass, l, u16(c)))
			}
			if p := get(i - 1); p != nil && p.class[l] != 0 {
				f = append(f, featN(fClassP, l, u16(p.class[l])))
			}
			if n := get(i + 1); n != nil && n.class[l] != 0 {
				f = append(f, featN(fClassN, l, u16(n.class[l])))
			}
		}
		for c, pos := range t.gaz {
			if pos != 0 {
				f = append(f, featN(fGaz, c, string(rune('0'+pos))))
				f = append(f, featN(fGaz, c, string(rune('0'+pos))+capsNames[t.caps]))
			}
		}
		if p := get(i - 1); p != nil {
			for c, pos := range p.gaz {
				if pos != 0 {
					f = append(f, featN(fGazP, c, string(rune('0'+pos))))
				}
			}
		}
		if n := get(i + 1); n != nil {
			for c, pos := range n.gaz {
				if pos != 0 {
					f = append(f, featN(fGazN, c, string(rune('0'+pos))))
				}
			}
		}
		if i == 0 {
			f = append(f, feat1(fFirst, capsNames[t.caps]))
		}
		if hl {
			f = append(f, feat1(fHeadline, capsNames[t.caps]), feat2(fHeadline, capsNames[t.caps], t.lower))
		}
		if isCap(t.caps) && (i == 0 || hl || s[i-1].caps == capsPunct) {
			f = append(f, feat2(fDocCap, boolStr(d.capMid[t.lower]), boolStr(d.lowerSeen[t.lower])))
		}
		if t.caps == capsLower {
			f = append(f, feat1(fDocLower, boolStr(d.capMid[t.lower])))
		}
		out[i] = f
	}
}

// histFeatures are the labels the tagger gave the same word earlier in the
// document ("extended prediction history", Ratinov & Roth 2009).
func histFeatures(s []tok, d *docInfo, i int, f []uint64) []uint64 {
	t := &s[i]
	if t.caps == capsPunct || t.caps == capsDigit {
		return f
	}
	if h := d.hist[t.lower]; h != 0 {
		f = append(f, featN(fHist, int(h), capsNames[t.caps]))
	}
	return f
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func u16(c uint16) string { return string([]byte{byte(c >> 8), byte(c)}) }

// titleCase upper-cases the first letter of w and lower-cases the rest.
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}
