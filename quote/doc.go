package quote

import (
	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/segment"
)

// NewDoc segments text and, when m is not nil, tags its entities, giving
// the quote stage what it reads. (sift.Analyze builds the Doc from its own
// stages instead.)
func NewDoc(text string, m *entity.Model) *Doc {
	toks, sents := segment.Segment(text)
	d := &Doc{Text: text, Tokens: toks, Sents: sents, NER: make([]string, len(toks))}
	for i := range d.NER {
		d.NER[i] = "O"
	}
	if m == nil {
		return d
	}
	d.Class = make([][entity.NumLevels]uint16, len(toks))
	for i, t := range toks {
		d.Class[i] = m.Class(t.Text)
	}
	words := make([][]string, len(sents))
	for i, s := range sents {
		for _, t := range toks[s.First:s.Last] {
			words[i] = append(words[i], t.Text)
		}
	}
	for si, tags := range m.TagIOB2(words) {
		copy(d.NER[sents[si].First:], tags)
	}
	return d
}

// DocOf gives the quote stage what it reads from a segmented text and
// what the entity stage found in it (entity.Model.RecognizeClasses): each
// token's entity label (IOB2) and its word classes (classes[s][j] for
// the j-th word of sentence s; m.Class for any token outside them).
func DocOf(text string, toks []segment.Token, sents []segment.Sentence, m *entity.Model, mentions []entity.Mention, classes [][][entity.NumLevels]uint16) *Doc {
	d := &Doc{Text: text, Tokens: toks, Sents: sents, NER: make([]string, len(toks)),
		Class: make([][entity.NumLevels]uint16, len(toks))}
	known := make([]bool, len(toks))
	for si, cs := range classes {
		if si < len(sents) {
			n := copy(d.Class[sents[si].First:sents[si].Last], cs)
			for k := sents[si].First; k < sents[si].First+n; k++ {
				known[k] = true
			}
		}
	}
	for i, t := range toks {
		d.NER[i] = "O"
		if !known[i] {
			d.Class[i] = m.Class(t.Text)
		}
	}
	for _, mn := range mentions {
		base := sents[mn.Sent].First
		d.NER[base+mn.Start] = "B-" + mn.Type
		for k := base + mn.Start + 1; k < base+mn.End; k++ {
			d.NER[k] = "I-" + mn.Type
		}
	}
	return d
}

// EntitySentences gives the entity stage its input from segmented text:
// each sentence's words, and the same words as entity tokens with their
// offsets (for entity.Link).
func EntitySentences(toks []segment.Token, sents []segment.Sentence) ([][]string, [][]entity.Token) {
	words := make([][]string, len(sents))
	etoks := make([][]entity.Token, len(sents))
	for i, s := range sents {
		for _, t := range toks[s.First:s.Last] {
			words[i] = append(words[i], t.Text)
			etoks[i] = append(etoks[i], entity.Token{Text: t.Text, Start: t.Start, End: t.End})
		}
	}
	return words, etoks
}
