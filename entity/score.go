package entity

import (
	"io"
	"sort"
	"strings"

	"github.com/siftnews/sift/internal/conll"
)

// Chunk is a typed token range [Start, End) within a sentence, as read from
// IOB tags.
type Chunk struct {
	Sent, Start, End int
	Type             string
}

// Chunks reads entity chunks from one sentence's IOB1/IOB2/BILOU tags the
// way conlleval does: a chunk starts at B-/U-, at an I-/L- whose type
// differs from the open chunk, or at an I-/L- after O; it ends before O, a
// B-/U-, or a type change, and after L-/U-.
func Chunks(sent int, tags []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, Chunk{Sent: sent, Start: open, End: i, Type: typ})
			open = -1
		}
	}
	for i, t := range tags {
		prefix, tt := splitTag(t)
		switch prefix {
		case "O", "":
			closeAt(i)
		case "B", "U":
			closeAt(i)
			open, typ = i, tt
		case "I", "L":
			if open < 0 || typ != tt {
				closeAt(i)
				open, typ = i, tt
			}
		}
		if prefix == "L" || prefix == "U" {
			closeAt(i + 1)
		}
	}
	closeAt(len(tags))
	return out
}

func splitTag(t string) (prefix, typ string) {
	if t == "O" || t == "" {
		return "O", ""
	}
	if p, ty, ok := strings.Cut(t, "-"); ok {
		switch p {
		case "S":
			p = "U"
		case "E":
			p = "L"
		}
		return p, ty
	}
	return "O", ""
}

// Counts is a conlleval tally for one type or for all types.
type Counts struct {
	Gold, Pred, Correct int
}

// Precision is correct/predicted (0 when nothing was predicted).
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Pred) }

// Recall is correct/gold.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score is the exact-span-match result over a data set: micro-averaged
// over all chunks, and per type.
type Score struct {
	Tokens  int
	All     Counts
	ByType  map[string]Counts
	Correct int // tokens whose tag (after conversion to IOB2) is right
}

// Add tallies one sentence's gold and predicted tags (same length).
func (s *Score) Add(gold, pred []string) {
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	s.Tokens += len(gold)
	g, p := Chunks(0, gold), Chunks(0, pred)
	type key struct {
		a, b int
		t    string
	}
	gs := make(map[key]bool, len(g))
	for _, c := range g {
		gs[key{c.Start, c.End, c.Type}] = true
		t := s.ByType[c.Type]
		t.Gold++
		s.ByType[c.Type] = t
		s.All.Gold++
	}
	for _, c := range p {
		t := s.ByType[c.Type]
		t.Pred++
		s.All.Pred++
		if gs[key{c.Start, c.End, c.Type}] {
			t.Correct++
			s.All.Correct++
		}
		s.ByType[c.Type] = t
	}
	gi, pi := IOB2(gold), IOB2(pred)
	for i := range gi {
		if i < len(pi) && gi[i] == pi[i] {
			s.Correct++
		}
	}
}

// Types lists the entity types seen, sorted.
func (s *Score) Types() []string {
	out := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Accuracy is the share of tokens tagged right.
func (s *Score) Accuracy() float64 { return ratio(s.Correct, s.Tokens) }

// IOB2 rewrites any IOB1/IOB2/BILOU tag sequence as IOB2.
func IOB2(tags []string) []string {
	out := make([]string, len(tags))
	for i := range out {
		out[i] = "O"
	}
	for _, c := range Chunks(0, tags) {
		out[c.Start] = "B-" + c.Type
		for j := c.Start + 1; j < c.End; j++ {
			out[j] = "I-" + c.Type
		}
	}
	return out
}

// ReadCoNLL reads a CoNLL column file (word first, tag last; -DOCSTART-
// lines separate documents) as documents of tagged sentences.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	docs, err := conll.Read(r)
	if err != nil {
		return nil, err
	}
	out := make([]Document, len(docs))
	for i, d := range docs {
		for _, s := range d {
			es := Sentence{Words: make([]string, len(s)), Tags: make([]string, len(s))}
			for j, t := range s {
				es.Words[j], es.Tags[j] = t.Word, t.Tag
			}
			out[i] = append(out[i], es)
		}
	}
	return out, nil
}
