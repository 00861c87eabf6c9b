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

// DocOf gives the quote stage what it reads from a segmented text and the
// entity stage's mentions found in it: each token's entity label (IOB2)
// and its word classes from m.
func DocOf(text string, toks []segment.Token, sents []segment.Sentence, m *entity.Model, mentions []entity.Mention) *Doc {
	d := &Doc{Text: text, Tokens: toks, Sents: sents, NER: make([]string, len(toks)),
		Class: make([][entity.NumLevels]uint16, len(toks))}
	for i, t := range toks {
		d.NER[i] = "O"
		d.Class[i] = m.Class(t.Text)
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
