// Package segeval measures sentence-boundary accuracy of package segment
// on CoNLL-2003 news documents turned back into running text.
package segeval

import (
	"strings"

	"github.com/siftnews/sift/internal/conll"
	"github.com/siftnews/sift/segment"
)

// Layout says how gold sentences are joined into a document.
type Layout int

const (
	// Flat joins every sentence with one space: no line breaks to help.
	Flat Layout = iota
	// News puts sentences that do not end in . ! ? or a closing quote
	// (headlines, datelines, bylines, table rows) on their own line, as
	// they are laid out in an article, and joins the rest with a space.
	News
)

func (l Layout) String() string {
	if l == News {
		return "news layout"
	}
	return "flat"
}

// Result counts boundaries between sentences (the end of a document is
// not a boundary).
type Result struct {
	Docs, Sentences int
	TP, FP, FN      int
}

// Precision, Recall and F1 of the boundaries.
func (r Result) Precision() float64 { return ratio(r.TP, r.TP+r.FP) }
func (r Result) Recall() float64    { return ratio(r.TP, r.TP+r.FN) }
func (r Result) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func endsPunct(s conll.Sentence) bool {
	w := s[len(s)-1].Word
	if w == `"` || w == "''" || w == ")" {
		if len(s) > 1 {
			w = s[len(s)-2].Word
		}
	}
	return strings.HasSuffix(w, ".") || w == "!" || w == "?" || w == "..."
}

// Evaluate builds each document's text in the given layout, segments it
// and compares boundaries with the gold sentence ends. The whole document
// is detokenized at once so that quotation marks pair across sentences; a
// closing mark that CoNLL put at the start of the next sentence stays with
// the sentence it closes.
func Evaluate(docs []conll.Document, layout Layout) Result {
	var res Result
	for _, doc := range docs {
		var words []string
		var lastWord []int // index of each sentence's last word
		for _, s := range doc {
			for _, t := range s {
				words = append(words, t.Word)
			}
			lastWord = append(lastWord, len(words)-1)
		}
		text, spans := conll.Detokenize(words)
		buf := []byte(text)
		gold := map[int]bool{}
		for i, w := range lastWord[:len(lastWord)-1] {
			end := spans[w][1]
			// glued closers (no space) belong to this sentence
			for k := w + 1; k < len(spans) && spans[k][0] == end; k++ {
				end = spans[k][1]
			}
			gold[end] = true
			if layout == News && !endsPunct(doc[i]) && end < len(buf) && buf[end] == ' ' {
				buf[end] = '\n'
			}
		}
		res.Docs++
		res.Sentences += len(doc)
		_, sents := segment.Segment(string(buf))
		got := map[int]bool{}
		for i, s := range sents {
			if i < len(sents)-1 {
				got[s.End] = true
			}
		}
		for e := range got {
			if gold[e] {
				res.TP++
			} else {
				res.FP++
			}
		}
		for e := range gold {
			if !got[e] {
				res.FN++
			}
		}
	}
	return res
}
