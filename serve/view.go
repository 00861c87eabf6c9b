package serve

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/siftnews/sift"
	"github.com/siftnews/sift/claim"
)

// palette is the number of speaker colours; speakers beyond it reuse them.
const palette = 8

// layer is one highlighted span of the original text.
type layer struct {
	start, end int
	class      string
	title      string
	quote      int // index of the quotation, or -1
	restored   string
}

// Seg is a run of the original text under the same highlights.
type Seg struct {
	Text     string
	Start    int
	End      int
	Class    string
	Title    string
	Quote    int // first quotation the run belongs to, or -1
	Restored string
	Gap      bool
}

// SpeakerView is a speaker with their colour.
type SpeakerView struct {
	Name   string
	Kind   string
	Colour int
	Quotes int
}

// QuoteView is one row of the "who said what" table.
type QuoteView struct {
	N        int
	Text     string
	Start    int
	End      int
	Kind     string
	Cue      string
	Speaker  string
	Written  string // the speaker as written, when it differs from the name
	Relayed  string // who reported the speaker's words ("X quoted Y as saying"), if anyone
	Via      string
	SpKind   string
	Colour   int
	Entity   string // canonical name to link to an entity page
	CueStart int
	CueEnd   int
}

// SignalView is one reliability signal.
type SignalView struct {
	Name, Help   string
	Value        float64
	Contribution float64
	Spans        [][2]int
	Width        float64 // bar width, percent of the largest contribution
}

// ConflictView is a conflict with both sides.
type ConflictView struct {
	About, Reason string
	A, B          ClaimView
}

// ClaimView is one side of a conflict.
type ClaimView struct {
	Source, State, Place, Evidence string
	Start, End                     int
}

// ArticleView is everything the article page shows.
type ArticleView struct {
	ID         int64
	A          *sift.Analysis
	Segs       []Seg
	Quotes     []QuoteView
	Speakers   []SpeakerView
	Signals    []SignalView
	Conflicts  []ConflictView
	Agreements []ConflictView
	Clusters   []ClusterView
	Gauge      Gauge
}

// ClusterView is an entity with its mention count.
type ClusterView struct {
	Name, Type string
	Mentions   int
	First      [2]int
}

// Gauge is the geometry of the reliability gauge (a half circle).
type Gauge struct {
	X, Y  float64 // needle tip
	Label string
	Class string
}

// newArticleView lays out an analysis for the page.
func newArticleView(id int64, a *sift.Analysis) *ArticleView {
	v := &ArticleView{ID: id, A: a}
	colours := map[string]int{}
	speakerIdx := map[string]int{}
	for i, q := range a.Quotes {
		key, written := q.Speaker.Label(), ""
		if q.Speaker.TextSpan != nil {
			written = q.Speaker.Text
		}
		c, ok := colours[key]
		if !ok {
			c = len(colours) % palette
			colours[key] = c
			speakerIdx[key] = len(v.Speakers)
			v.Speakers = append(v.Speakers, SpeakerView{Name: key, Kind: q.Speaker.Kind, Colour: c})
		}
		v.Speakers[speakerIdx[key]].Quotes++
		qv := QuoteView{N: i, Text: q.Text, Start: q.Start, End: q.End, Kind: q.Kind, Speaker: key, Via: q.Speaker.Via,
			SpKind: q.Speaker.Kind, Colour: c}
		if written != "" && !strings.EqualFold(written, key) {
			qv.Written = written
		}
		if q.ReportedBy != nil {
			qv.Relayed = q.ReportedBy.Label()
		}
		if q.Cue != nil {
			qv.Cue, qv.CueStart, qv.CueEnd = q.Cue.Text, q.Cue.Start, q.Cue.End
		}
		if q.Speaker.Kind == "person" || q.Speaker.Kind == "organization" || q.Speaker.Kind == "media" {
			qv.Entity = q.Speaker.Name
		}
		v.Quotes = append(v.Quotes, qv)
	}
	v.Segs = segments(a, colours)
	for _, c := range a.Clusters {
		cv := ClusterView{Name: c.Name, Type: c.Type, Mentions: len(c.Mentions)}
		if len(c.Mentions) > 0 && c.Mentions[0] < len(a.Entities) {
			e := a.Entities[c.Mentions[0]]
			cv.First = [2]int{e.Start, e.End}
		}
		v.Clusters = append(v.Clusters, cv)
	}
	sort.SliceStable(v.Clusters, func(i, j int) bool { return v.Clusters[i].Mentions > v.Clusters[j].Mentions })
	if r := a.Reliability; r != nil {
		v.Gauge = gauge(r.PUnreliable, r.Label)
		max := 1e-9
		for _, s := range r.Signals {
			if c := abs(s.Contribution); c > max {
				max = c
			}
		}
		for _, s := range r.Signals {
			v.Signals = append(v.Signals, SignalView{Name: s.Name, Help: s.Help, Value: s.Value, Contribution: s.Contribution,
				Spans: s.Spans, Width: 100 * abs(s.Contribution) / max})
		}
		sort.SliceStable(v.Signals, func(i, j int) bool { return abs(v.Signals[i].Contribution) > abs(v.Signals[j].Contribution) })
	}
	v.Conflicts = pairViews(a, a.Conflicts)
	v.Agreements = pairViews(a, a.Agreements)
	return v
}

// pairViews lays out conflicts or agreements with both sides.
func pairViews(a *sift.Analysis, pairs []claim.Conflict) []ConflictView {
	var out []ConflictView
	side := func(i int) ClaimView {
		cl := a.Claims[i]
		return ClaimView{Source: cl.Source, State: cl.State, Place: cl.Place, Evidence: cl.Evidence, Start: cl.Start, End: cl.End}
	}
	for _, c := range pairs {
		if c.A < 0 || c.A >= len(a.Claims) || c.B < 0 || c.B >= len(a.Claims) {
			continue
		}
		out = append(out, ConflictView{About: c.About, Reason: c.Reason, A: side(c.A), B: side(c.B)})
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// gauge places the needle of a half-circle gauge of radius 80 centred at
// (100, 100): p = 0 points left (reliable), p = 1 right (unreliable).
func gauge(p float64, label string) Gauge {
	g := Gauge{Label: strings.ReplaceAll(label, "_", " ")}
	switch {
	case p < 0.3:
		g.Class = "good"
	case p >= 0.7:
		g.Class = "bad"
	default:
		g.Class = "mid"
	}
	// angle from π (left) to 0 (right)
	const r = 70
	ang := (1 - p) * math.Pi
	g.X = 100 + r*math.Cos(ang)
	g.Y = 100 - r*math.Sin(ang)
	return g
}

// segments cuts the original text at every highlight boundary, so that
// each run carries the classes of the spans over it.
func segments(a *sift.Analysis, colours map[string]int) []Seg {
	text := a.Text
	var ls []layer
	add := func(l layer) {
		if l.start < 0 || l.end > len(text) || l.start >= l.end {
			return
		}
		ls = append(ls, l)
	}
	for _, e := range a.Entities {
		title := e.Type
		if e.Cluster >= 0 && e.Cluster < len(a.Clusters) {
			title = a.Clusters[e.Cluster].Name + " · " + typeName(e.Type)
		}
		add(layer{start: e.Start, end: e.End, class: "ent ent-" + e.Type, title: title, quote: -1})
	}
	for i, q := range a.Quotes {
		c := colours[q.Speaker.Label()]
		parts := q.Parts
		if len(parts) == 0 {
			parts = append(parts, q.TextSpan)
		}
		for _, p := range parts {
			add(layer{start: p.Start, end: p.End, class: fmt.Sprintf("q q%d", c), title: q.Kind + " quotation · " + q.Speaker.Label(), quote: i})
		}
		if q.Cue != nil {
			add(layer{start: q.Cue.Start, end: q.Cue.End, class: "cue", title: "cue", quote: -1})
		}
		if q.Speaker.TextSpan != nil {
			add(layer{start: q.Speaker.Start, end: q.Speaker.End, class: fmt.Sprintf("spk s%d", c), title: "speaker · " + q.Speaker.Label(), quote: -1})
		}
	}
	for _, g := range a.Gaps {
		l := layer{start: g.Start, end: g.End, class: "gap", title: "stripped name (" + string(g.Slot) + ")", quote: -1}
		if g.Restored != nil {
			l.restored = g.Restored.Name
			l.title = fmt.Sprintf("stripped name, restored as %s (%s, %.0f%%)", g.Restored.Name, g.Restored.Reason, 100*g.Restored.Confidence)
		}
		add(l)
	}
	for _, r := range a.Repairs {
		if r.Kind == "encoding" {
			continue // the whole input; not worth a highlight
		}
		add(layer{start: r.Start, end: r.End, class: "rep", title: fmt.Sprintf("repaired (%s): %q → %q", r.Kind, r.Before, r.After), quote: -1})
	}
	cuts := []int{0, len(text)}
	for _, l := range ls {
		cuts = append(cuts, l.start, l.end)
	}
	sort.Ints(cuts)
	// sweep: active holds the layers open over the current run
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].start < ls[j].start })
	var active []layer
	next := 0
	var out []Seg
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		// never split a UTF-8 sequence (offsets are byte offsets)
		for s < len(text) && !utf8.RuneStart(text[s]) {
			s++
		}
		for e < len(text) && !utf8.RuneStart(text[e]) {
			e++
		}
		if s >= e {
			continue
		}
		for ; next < len(ls) && ls[next].start <= s; next++ {
			active = append(active, ls[next])
		}
		kept := active[:0]
		for _, l := range active {
			if l.end > s {
				kept = append(kept, l)
			}
		}
		active = kept
		seg := Seg{Text: text[s:e], Start: s, End: e, Quote: -1}
		var classes, titles []string
		for _, l := range active {
			if l.start <= s && e <= l.end {
				classes = append(classes, l.class)
				if l.title != "" {
					titles = append(titles, l.title)
				}
				if l.quote >= 0 && seg.Quote < 0 {
					seg.Quote = l.quote
				}
				if l.class == "gap" {
					seg.Gap, seg.Restored = true, l.restored
				}
			}
		}
		seg.Class = strings.Join(classes, " ")
		seg.Title = strings.Join(titles, "\n")
		if n := len(out); n > 0 && out[n-1].Class == seg.Class && out[n-1].Title == seg.Title && out[n-1].Quote == seg.Quote && !seg.Gap {
			out[n-1].Text += seg.Text
			out[n-1].End = seg.End
			continue
		}
		out = append(out, seg)
	}
	return out
}

func typeName(t string) string {
	switch t {
	case "PER":
		return "person"
	case "ORG":
		return "organisation"
	case "LOC":
		return "place"
	}
	return "other"
}
