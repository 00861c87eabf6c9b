package quote

import (
	"github.com/siftnews/sift/entity"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Counts tallies matches for one kind of span (gold, predicted, correct),
// with precision, recall and F1 — the same tally as entity scoring.
type Counts = entity.Counts

func addCounts(c *Counts, o Counts) { c.Gold += o.Gold; c.Pred += o.Pred; c.Correct += o.Correct }

// PartScores are exact and overlap matches for one part (cue, source or
// content).
type PartScores struct{ Exact, Overlap Counts }

// Scores is the evaluation of predicted attributions against gold ones.
type Scores struct {
	Cue, Source, Content PartScores
	// Pair counts attributions whose source matches exactly and whose
	// content overlaps, both with the same gold attribution.
	Pair Counts
	Docs int
}

// Mean is the average of source exact F1 and content overlap F1, the two
// figures the attribution stage is judged on; training selects epochs by it.
func (s Scores) Mean() float64 { return (s.Source.Exact.F1() + s.Content.Overlap.F1()) / 2 }

// trim narrows a span past white space, punctuation and quotation marks
// at both ends, so "“Go,”" and "Go" compare equal.
func trim(text string, s Span) Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[:s.End])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		s.End -= n
	}
	return s
}

func hull(ss []Span) (Span, bool) {
	if len(ss) == 0 {
		return Span{}, false
	}
	h := ss[0]
	for _, s := range ss[1:] {
		h.Start, h.End = min(h.Start, s.Start), max(h.End, s.End)
	}
	return h, true
}

func overlap(a, b Span) int { return max(0, min(a.End, b.End)-max(a.Start, b.Start)) }

// match pairs predicted with gold spans one to one: exact matches first,
// then overlaps, largest overlap first. It returns, for each gold span, the
// predicted index matched exactly (-1) and by overlap (-1).
func match(gold, pred []Span) (exact, over []int) {
	exact = make([]int, len(gold))
	over = make([]int, len(gold))
	for i := range gold {
		exact[i], over[i] = -1, -1
	}
	used := make([]bool, len(pred))
	for gi, g := range gold {
		for pi, p := range pred {
			if !used[pi] && p == g {
				exact[gi], used[pi] = pi, true
				break
			}
		}
	}
	type cand struct{ g, p, o int }
	var cs []cand
	for gi, g := range gold {
		for pi, p := range pred {
			if o := overlap(g, p); o > 0 {
				cs = append(cs, cand{gi, pi, o})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].o > cs[j].o })
	usedO := make([]bool, len(pred))
	for gi := range gold {
		if exact[gi] >= 0 {
			over[gi] = exact[gi]
			usedO[exact[gi]] = true
		}
	}
	for _, c := range cs {
		if over[c.g] < 0 && !usedO[c.p] {
			over[c.g], usedO[c.p] = c.p, true
		}
	}
	return exact, over
}

// Attribution is one predicted attribution in byte spans, as scored.
type scored struct {
	source, cue, content Span
	hasSource, hasCue    bool
	hasContent           bool
}

func scorePart(text string, gold, pred []Span) PartScores {
	var g, p []Span
	for _, s := range gold {
		if t := trim(text, s); t.End > t.Start {
			g = append(g, t)
		}
	}
	for _, s := range pred {
		if t := trim(text, s); t.End > t.Start {
			p = append(p, t)
		}
	}
	exact, over := match(g, p)
	var ps PartScores
	ps.Exact = Counts{Gold: len(g), Pred: len(p)}
	ps.Overlap = ps.Exact
	for i := range g {
		if exact[i] >= 0 {
			ps.Exact.Correct++
		}
		if over[i] >= 0 {
			ps.Overlap.Correct++
		}
	}
	return ps
}

// Evaluate runs the model on each document and scores it against the gold
// attributions. Discontinuous gold parts are compared by their hull.
func (m *Model) Evaluate(data []Labeled) Scores {
	var sc Scores
	for _, l := range data {
		pred := m.extract(l.Doc)
		sc.Add(scoreDoc(l, m.byteSpans(l.Doc, pred)))
	}
	return sc
}

func (m *Model) byteSpans(d *Doc, fs []found) []scored {
	out := make([]scored, 0, len(fs))
	bs := func(t tokSpan) Span { return Span{d.Tokens[t.a].Start, d.Tokens[t.b-1].End} }
	for _, f := range fs {
		var s scored
		if f.source.ok() {
			s.source, s.hasSource = bs(f.source), true
		}
		if f.cue.ok() {
			s.cue, s.hasCue = bs(f.cue), true
		}
		if len(f.contents) > 0 {
			s.content = Span{bs(f.contents[0]).Start, bs(f.contents[len(f.contents)-1]).End}
			s.hasContent = true
		}
		out = append(out, s)
	}
	return out
}

// Add adds o's counts to s.
func (s *Scores) Add(o Scores) {
	addCounts(&s.Cue.Exact, o.Cue.Exact)
	addCounts(&s.Cue.Overlap, o.Cue.Overlap)
	addCounts(&s.Source.Exact, o.Source.Exact)
	addCounts(&s.Source.Overlap, o.Source.Overlap)
	addCounts(&s.Content.Exact, o.Content.Exact)
	addCounts(&s.Content.Overlap, o.Content.Overlap)
	addCounts(&s.Pair, o.Pair)
	s.Docs += o.Docs
}

func scoreDoc(l Labeled, pred []scored) Scores {
	text := l.Doc.Text
	var gc, gs, gn, pc, ps, pn []Span
	for _, a := range l.Attrs {
		if h, ok := hull(a.Cue); ok {
			gc = append(gc, h)
		}
		if h, ok := hull(a.Source); ok {
			gs = append(gs, h)
		}
		if h, ok := hull(a.Content); ok {
			gn = append(gn, h)
		}
	}
	for _, p := range pred {
		if p.hasCue {
			pc = append(pc, p.cue)
		}
		if p.hasSource {
			ps = append(ps, p.source)
		}
		if p.hasContent {
			pn = append(pn, p.content)
		}
	}
	sc := Scores{Docs: 1, Cue: scorePart(text, gc, pc), Source: scorePart(text, gs, ps), Content: scorePart(text, gn, pn)}
	// pairs: a gold attribution with source and content is found when one
	// prediction's source equals its source and its content overlaps.
	used := make([]bool, len(pred))
	for _, a := range l.Attrs {
		src, ok1 := hull(a.Source)
		cnt, ok2 := hull(a.Content)
		if !ok1 || !ok2 {
			continue
		}
		sc.Pair.Gold++
		src, cnt = trim(text, src), trim(text, cnt)
		for i, p := range pred {
			if used[i] || !p.hasSource || !p.hasContent {
				continue
			}
			if trim(text, p.source) == src && overlap(trim(text, p.content), cnt) > 0 {
				used[i] = true
				sc.Pair.Correct++
				break
			}
		}
	}
	for _, p := range pred {
		if p.hasSource && p.hasContent {
			sc.Pair.Pred++
		}
	}
	return sc
}

// Agreement scores one annotation of a text against another by the rules
// of Evaluate, gold taken as the reference: two annotators' agreement on
// the scale of the model's scores.
func Agreement(text string, gold, other []GoldAttribution) Scores {
	pred := make([]scored, 0, len(other))
	for _, a := range other {
		var s scored
		s.source, s.hasSource = hull(a.Source)
		s.cue, s.hasCue = hull(a.Cue)
		s.content, s.hasContent = hull(a.Content)
		pred = append(pred, s)
	}
	return scoreDoc(Labeled{Doc: &Doc{Text: text}, Attrs: gold}, pred)
}

// ScoreSpans scores predicted against gold spans of one text, exact and
// overlap, with the rules of Evaluate.
func ScoreSpans(text string, gold, pred []Span) PartScores { return scorePart(text, gold, pred) }

// AddPart adds one document's part scores to a running total.
func (p *PartScores) Add(o PartScores) {
	addCounts(&p.Exact, o.Exact)
	addCounts(&p.Overlap, o.Overlap)
}

// DirectContent reports whether a gold content span is a direct quotation:
// it opens and closes with quotation marks (ignoring white space and final
// punctuation outside the marks).
func DirectContent(text string, s Span) bool {
	t := strings.TrimSpace(text[s.Start:s.End])
	t = strings.TrimRight(t, ".,;:!? ")
	if t == "" {
		return false
	}
	// two apostrophes ('') are a double mark in The New York Times' archive
	open := strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "«") || strings.HasPrefix(t, "''")
	closing := strings.HasSuffix(t, "”") || strings.HasSuffix(t, "\"") || strings.HasSuffix(t, "»") || strings.HasSuffix(t, "''")
	return open && closing
}
