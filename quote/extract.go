package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/siftnews/sift/internal/seqlab"
)

// tokSpan is a token range [a, b); a < 0 means absent.
type tokSpan struct{ a, b int }

func (s tokSpan) ok() bool { return s.a >= 0 && s.b > s.a }

// found is one attribution as the tagger and the assembly see it.
type found struct {
	source   tokSpan
	cue      tokSpan
	contents []tokSpan
}

// sentenceOf returns, for every token, the index of its sentence.
func sentenceOf(d *Doc) []int {
	out := make([]int, len(d.Tokens))
	for si, s := range d.Sents {
		for i := s.First; i < s.Last && i < len(out); i++ {
			out[i] = si
		}
	}
	return out
}

// extract tags every unit and assembles attributions: each cue takes the
// nearest source in its sentence and the nearest content (its sentence
// first, then the sentences around it); contents no cue claims continue
// the attribution before them (a quotation running on).
func (m *Model) extract(d *Doc) []found {
	sent := sentenceOf(d)
	var out []found
	for _, u := range units(d) {
		tags := m.tagUnit(d, u)
		var srcs, cues, cnts []tokSpan
		for _, s := range seqlab.Decode(tags) {
			ts := tokSpan{u.first + s.Start, u.first + s.End}
			switch s.Type {
			case typeSource:
				srcs = append(srcs, ts)
			case typeCue:
				cues = append(cues, ts)
			case typeContent:
				cnts = append(cnts, ts)
			}
		}
		if f, ok := speakerColon(d, u, cues); ok {
			out = append(out, f)
		}
		// "CONTENT, a rebel spokesman said on Sunday." where the tagger
		// found no source and no content: the pattern supplies them
		trailing := trailingAttributions(d, u, sent, srcs, cues)
		if len(trailing) > 0 {
			taken := map[int]bool{}
			inside := func(t tokSpan) bool {
				for _, f := range trailing {
					if c := f.contents[0]; t.a >= c.a && t.b <= c.b {
						return true
					}
				}
				return false
			}
			for _, f := range trailing {
				taken[f.cue.a] = true
			}
			var keptCues, keptCnts []tokSpan
			for _, c := range cues {
				if !taken[c.a] && !inside(c) {
					keptCues = append(keptCues, c)
				}
			}
			for _, c := range cnts {
				if !inside(c) {
					keptCnts = append(keptCnts, c)
				}
			}
			cues, cnts = keptCues, keptCnts
			out = append(out, trailing...)
		}
		used := make([]bool, len(cnts))
		start := len(out)
		// each content goes to one cue: the closest pairs (in sentences,
		// then tokens) are matched first, so that a quotation between two
		// cues is not reported twice.
		type pair struct{ cue, cnt, score int }
		var pairs []pair
		for i, c := range cues {
			for k, n := range cnts {
				sd := abs(sent[n.a]-sent[c.a]) + abs(sent[n.b-1]-sent[c.a])
				if sd > 2 {
					continue
				}
				score := dist(n, c) + 1000*min(abs(sent[n.a]-sent[c.a]), abs(sent[n.b-1]-sent[c.a]))
				pairs = append(pairs, pair{i, k, score})
			}
		}
		sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score < pairs[j].score })
		match := make([]int, len(cues))
		for i := range match {
			match[i] = -1
		}
		for _, p := range pairs {
			if match[p.cue] < 0 && !used[p.cnt] {
				match[p.cue], used[p.cnt] = p.cnt, true
			}
		}
		for i, c := range cues {
			f := found{cue: c, source: tokSpan{-1, -1}}
			best := -1
			for k, s := range srcs {
				if sent[s.a] != sent[c.a] && sent[s.b-1] != sent[c.a] {
					continue
				}
				if best < 0 || dist(s, c) < dist(srcs[best], c) {
					best = k
				}
			}
			if best >= 0 {
				f.source = srcs[best]
			}
			if k := match[i]; k >= 0 {
				f.contents = append(f.contents, cnts[k])
			} else if c := clauseFor(d, sent, f); c.ok() {
				f.contents = append(f.contents, c)
			}
			out = append(out, f)
		}
		// unclaimed contents continue the nearest attribution before them,
		// if it is close (three sentences at most): a quotation running on
		// after its cue. Farther ones are left out.
		for k, n := range cnts {
			if used[k] {
				continue
			}
			prev := -1
			for i := len(out) - 1; i >= 0; i-- {
				if len(out[i].contents) > 0 && out[i].contents[len(out[i].contents)-1].b <= n.a || out[i].cue.b <= n.a {
					prev = i
					break
				}
			}
			if prev < 0 && start < len(out) {
				prev = start
			}
			if prev >= 0 {
				end := out[prev].cue.b
				if c := out[prev].contents; len(c) > 0 {
					end = max(end, c[len(c)-1].b)
				}
				if end > 0 && abs(sent[min(end-1, len(sent)-1)]-sent[n.a]) <= 3 {
					out[prev].contents = append(out[prev].contents, n)
				}
			}
		}
	}
	for i := range out {
		sort.Slice(out[i].contents, func(a, b int) bool { return out[i].contents[a].a < out[i].contents[b].a })
	}
	return out
}

func dist(a, b tokSpan) int {
	switch {
	case a.b <= b.a:
		return b.a - a.b
	case b.b <= a.a:
		return a.a - b.b
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// clauseFor guesses the content of a cue the tagger gave none, from the
// sentence around it: "CONTENT, two officials said" takes what precedes
// the comma before the source; "X said (that) CONTENT" takes the rest of
// the sentence.
func clauseFor(d *Doc, sent []int, f found) tokSpan {
	si := sent[f.cue.a]
	if si >= len(d.Sents) {
		return tokSpan{-1, -1}
	}
	s := d.Sents[si]
	head := f.cue.a
	if f.source.ok() && f.source.a < head {
		head = f.source.a
	}
	if head > s.First && d.Tokens[head-1].Text == "," && head-1-s.First >= 3 {
		return tokSpan{s.First, head - 1}
	}
	a, b := f.cue.b, s.Last
	if f.source.ok() && f.source.a >= a && f.source.a < a+2 {
		a = f.source.b // "said Smith, …"
	}
	if a < b && lowerNorm(d.Tokens[a].Text) == "," {
		a++
	}
	for b > a && isPunct(d.Tokens[b-1].Text) {
		b--
	}
	if b-a >= 3 {
		return tokSpan{a, b}
	}
	return tokSpan{-1, -1}
}

func isPunct(w string) bool {
	for _, r := range w {
		if r != '.' && r != ',' && r != ';' && r != ':' && r != '!' && r != '?' && r != '"' && r != '”' && r != '’' {
			return false
		}
	}
	return true
}

// speakerColon reads transcript and headline lines of the form
// "WALLACE: Let's start…" or "Pence: Flowers won't be at debate": the
// capitalised words before an early colon are the source, the colon the
// cue and the rest of the paragraph the content. It applies only when the
// tagger found no cue at that colon.
func speakerColon(d *Doc, u unit, cues []tokSpan) (found, bool) {
	toks := d.Tokens[u.first:u.last]
	// a transcript quoted whole opens each turn with a quotation mark:
	// "WALLACE: Let's start…
	first := 0
	if len(toks) > 0 && (toks[0].Text == "\"" || isOpenQuote(toks[0].Text)) {
		first = 1
	}
	for k := first + 1; k < len(toks) && k <= first+4; k++ {
		if toks[k].Text != ":" {
			continue
		}
		for _, t := range toks[first:k] {
			r := []rune(t.Text)
			if len(r) == 0 || !unicode.IsUpper(r[0]) && t.Text != "." {
				return found{}, false
			}
		}
		end := len(toks)
		for end > k+1 && isPunct(toks[end-1].Text) {
			end--
		}
		if end-(k+1) < 3 {
			return found{}, false
		}
		colon := u.first + k
		for _, c := range cues {
			if c.a <= colon && colon < c.b {
				return found{}, false
			}
		}
		return found{source: tokSpan{u.first + first, colon}, cue: tokSpan{colon, colon + 1},
			contents: []tokSpan{{colon + 1, u.first + end}}}, true
	}
	return found{}, false
}

// trailingVerbs close a sentence of reported speech: "…, officials said."
var trailingVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true,
	"claimed": true, "warned": true, "insisted": true, "argued": true, "explained": true, "noted": true}

// trailingAttributions finds, in the sentences of a unit where the tagger
// saw no source and no content, the news pattern "CONTENT, SOURCE said[ on Sunday | in a
// statement | …]." — at least four words of content before the comma, a
// source of one to eight words opening with a determiner or a capital,
// and at most four words after the verb.
func trailingAttributions(d *Doc, u unit, sent []int, srcs, cues []tokSpan) []found {
	var out []found
	srcIn := map[int][]tokSpan{} // sentence → its tagged sources
	for _, c := range srcs {
		srcIn[sent[c.a]] = append(srcIn[sent[c.a]], c)
	}
	cueAt := map[int][]int{} // sentence → first tokens of its cues
	for _, c := range cues {
		cueAt[sent[c.a]] = append(cueAt[sent[c.a]], c.a)
	}
	for si := sent[u.first]; si < len(d.Sents) && d.Sents[si].First < u.last; si++ {
		s := d.Sents[si]
		if s.Last-s.First < 8 || s.First < u.first || s.Last > u.last {
			continue
		}
		end := s.Last
		if t := d.Tokens[end-1].Text; t == "." || t == "!" {
			end--
		}
		for v := end - 1; v >= end-5 && v > s.First+5; v-- {
			if !trailingVerbs[strings.ToLower(d.Tokens[v].Text)] {
				continue
			}
			comma := -1
			for c := v - 1; c >= v-9 && c > s.First; c-- {
				if d.Tokens[c].Text == "," {
					comma = c
					break
				}
			}
			if comma < 0 || comma-s.First < 4 || v-comma-1 < 1 {
				break
			}
			first := d.Tokens[comma+1].Text
			switch strings.ToLower(first) {
			case "a", "an", "the", "two", "three", "several", "one", "his", "her", "their", "its":
			default:
				if r := []rune(first); len(r) == 0 || !unicode.IsUpper(r[0]) {
					continue
				}
			}
			other := false // another cue between the comma and the end: leave it to the tagger
			for _, a := range cueAt[si] {
				other = other || a != v && a > comma
			}
			for _, sp := range srcIn[si] { // a source after the verb: the tagger read the sentence otherwise
				other = other || sp.b > v+1
			}
			if !other {
				out = append(out, found{cue: tokSpan{v, v + 1}, source: tokSpan{comma + 1, v}, contents: []tokSpan{{s.First, comma}}})
			}
			break
		}
	}
	return out
}
