package quote

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/internal/seqlab"
	"github.com/siftnews/sift/segment"
)

// tokSpan is a token range [a, b); a < 0 means absent.
type tokSpan struct{ a, b int }

func (s tokSpan) ok() bool { return s.a >= 0 && s.b > s.a }

// found is one attribution as the tagger and the assembly see it.
type found struct {
	source   tokSpan
	cue      tokSpan
	contents []tokSpan
	// verbatim: words quoted as written without quotation marks (an
	// embedded tweet), a direct quotation
	verbatim bool
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
	var s scratch
	for _, u := range units(d) {
		tags := m.tagUnit(d, u, &s)
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
		trailing := trailingAttributions(d, u, sent, srcs, cues, s.inQ[:u.last-u.first])
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
		// “…” ― Pamela Padilla: a quotation signed with a dash and a name;
		// an embedded tweet signed "Name (@handle) October 14, 2017"
		if signed := append(signedQuotes(d, u), signedTweets(d, u)...); len(signed) > 0 {
			outside := func(ts []tokSpan) []tokSpan {
				var kept []tokSpan
				for _, t := range ts {
					hit := false
					for _, f := range signed {
						hit = hit || t.a < max(f.source.b, f.cue.b) && t.b > f.contents[0].a
					}
					if !hit {
						kept = append(kept, t)
					}
				}
				return kept
			}
			srcs, cues, cnts = outside(srcs), outside(cues), outside(cnts)
			out = append(out, signed...)
		}
		cues = mergeSplitCues(d, cues, srcs, cnts)
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
			if !f.source.ok() {
				f.source = subjectBefore(d, sent, f, m.cueLex)
			}
			f = accordingTo(d, sent, f)
			f.source = nameAfterCue(d, f)
			f = quoteThenSource(d, f)
			f = sourceReadAsContent(d, sent, f)
			f = determinerToSource(d, f)
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
			if prev < 0 && start < len(out) && (sent[n.a] == sent[max(out[start].cue.a, 0)] || isQuoteMark(d.Tokens[n.a].Text)) {
				// before every attribution of the paragraph: the first
				// one's, if in its sentence or quoted ("The deal was
				// signed. Conservatives said …" does not make "The deal"
				// something they said)
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
	kept := out[:0]
	for _, f := range out {
		if !relativeClause(d, f) && !emptyContent(d, f) {
			kept = append(kept, f)
		}
	}
	out = kept
	// text order, which the speaker resolution reads ("the speaker
	// before"): the pattern rules add theirs ahead of the tagger's
	sort.SliceStable(out, func(i, j int) bool { return firstToken(out[i]) < firstToken(out[j]) })
	out = handOverQuotes(d, sent, out)
	sort.SliceStable(out, func(i, j int) bool { return firstToken(out[i]) < firstToken(out[j]) })
	lead := leadEnd(d)
	for i := range out {
		sort.Slice(out[i].contents, func(a, b int) bool { return out[i].contents[a].a < out[i].contents[b].a })
		if c := out[i].contents; len(c) > 0 && c[0].a < lead && lead < c[0].b {
			c[0].a = lead // the title and date before the story were not said
		}
		if s := &out[i].source; s.ok() && s.a < lead && lead < s.b {
			s.a = lead
		}
		if c := out[i].contents; len(c) > 0 {
			// "BAGHDAD — The self-proclaimed …": the dateline is not said
			if a := afterDateline(d, c[0].a); a > c[0].a && a < c[0].b {
				c[0].a = a
			}
		}
	}
	return out
}

// handOverQuotes gives a quotation the tagger ran into the content of the
// attribution before it, or paired with the next sentence's cue, to the
// attribution right after its closing mark: in `… it was ready for such a
// meeting. “We will not coerce anybody,” the Interfax news agency cited
// Kosachyov as saying` the quotation is the agency's, not the
// delegation's, and in `… cabinet nominees. “Yes,” he said` it is his.
// The quotation must open after a sentence end inside the content (or
// start a content piece after the cue, or one in a sentence before it)
// and close where the piece ends; the attribution that takes it
// (nextAttribution, else one read by speakerAfterQuote) must follow
// within its sentence. out is in text order; attributions read by
// speakerAfterQuote are appended.
func handOverQuotes(d *Doc, sent []int, out []found) []found {
	runs := quotations(d)
	var added []found
	for i := range out {
		f := &out[i]
		if !f.cue.ok() || f.verbatim {
			continue
		}
		for p := 0; p < len(f.contents); p++ {
			c := &f.contents[p]
			k := sort.Search(len(runs), func(k int) bool { return runs[k].b >= c.b-1 })
			// a piece after the cue, or a quotation in an earlier sentence
			// than the cue (“…,” Xinhua cited Branstad as saying. State
			// media quoted …: the tagger paired the quotation with the
			// next sentence's cue)
			before := c.b <= f.cue.a && sent[c.b-1] < sent[f.cue.a]
			if k == len(runs) || c.a < f.cue.b && !before {
				continue
			}
			r := runs[k]
			open := r.a - 1
			if !(r.b == c.b || r.b+1 == c.b && isQuoteMark(d.Tokens[r.b].Text)) {
				continue // the piece does not end with the quotation
			}
			if open < c.a || !isQuoteMark(d.Tokens[open].Text) || open > c.a && (before || !afterSentenceEnd(d, open)) {
				continue
			}
			q := tokSpan{open, c.b}
			if g := nextAttribution(d, sent, out, i, c.b); g != nil {
				g.contents = append([]tokSpan{q}, g.contents...)
			} else if h, ok := speakerAfterQuote(d, sent, out, c.b); ok {
				h.contents = []tokSpan{q}
				added = append(added, h)
			} else {
				continue
			}
			if c.b = open; c.b <= c.a {
				f.contents = slices.Delete(f.contents, p, p+1)
				p--
			}
		}
	}
	return append(out, added...)
}

// quoteEndVerbs are the verbs of a speaker named right after a quotation
// ("…!” Trump wrote on Twitter), besides the ones that invert.
var quoteEndVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "wrote": true,
	"tweeted": true, "asked": true, "replied": true, "explained": true, "noted": true, "insisted": true,
	"argued": true, "continued": true, "declared": true, "warned": true, "posted": true, "gushed": true}

// conjunctions join a verb to the one before it.
var conjunctions = map[string]bool{"and": true, "but": true, "or": true, "then": true, "yet": true}

// speakerAfterQuote reads an attribution no one found right after a
// quotation's closing mark (token end): "SOURCE VERB" with one to five
// words of source — a subject pronoun, or words of a name or role ("…,”
// Justice Joseph Watt wrote) — or "VERB SOURCE" (sourceAfter: "…,” said
// Nkomo.), the verb not already another attribution's cue.
func speakerAfterQuote(d *Doc, sent []int, out []found, end int) (found, bool) {
	if end >= len(d.Tokens) || d.Tokens[end].Text == "," {
		return found{}, false
	}
	stop := end // the sentence's next punctuation
	for stop < len(d.Tokens) && stop-end < 10 && quoteSentence(d, sent, end, stop) && !isPunct(d.Tokens[stop].Text) && !isQuoteMark(d.Tokens[stop].Text) {
		stop++
	}
	cueTaken := func(v int) bool {
		for _, f := range out {
			if f.cue.ok() && f.cue.a <= v && v < f.cue.b {
				return true
			}
		}
		return false
	}
	if v := end; v < stop && invertingVerbs[strings.ToLower(d.Tokens[v].Text)] && !cueTaken(v) {
		if src, ok := sourceAfter(d, v, stop); ok {
			return found{source: src, cue: tokSpan{v, v + 1}}, true
		}
		return found{}, false
	}
	for v := end + 1; v < stop && v <= end+5; v++ {
		if !quoteEndVerbs[strings.ToLower(d.Tokens[v].Text)] {
			continue
		}
		if cueTaken(v) {
			return found{}, false
		}
		first := d.Tokens[end].Text
		if v == end+1 && subjectPronouns[strings.ToLower(first)] {
			return found{source: tokSpan{end, v}, cue: tokSpan{v, v + 1}}, true
		}
		for t := end; t < v; t++ {
			w := d.Tokens[t].Text
			if !(nameWord(w) || speakerNoun(w) || sourceModifiers[strings.ToLower(w)] || nameLinks[w] || t == end && determiners[strings.ToLower(w)]) {
				return found{}, false
			}
		}
		if !nameWord(d.Tokens[v-1].Text) && !speakerNoun(d.Tokens[v-1].Text) {
			return found{}, false
		}
		return found{source: tokSpan{end, v}, cue: tokSpan{v, v + 1}}, true
	}
	return found{}, false
}

// nextAttribution returns the attribution, other than out[i], whose
// source or cue follows token end at once (after at most a comma), its
// cue in the same sentence as end's token; else nil. Contents it was
// given before the quotation (an earlier sentence the tagger paired with
// its cue) are dropped: the quotation is what it reports.
func nextAttribution(d *Doc, sent []int, out []found, i, end int) *found {
	for j := range out {
		g := &out[j]
		if j == i || !g.cue.ok() || g.verbatim || strings.HasSuffix(strings.ToLower(d.Tokens[g.cue.a].Text), "ing") {
			continue // not "…,” adding that …": a participle goes on
		}
		at := g.cue.a
		if g.source.ok() && g.source.a < at && g.source.a >= end {
			at = g.source.a
		}
		if at < end || at > end+2 || g.cue.a > end+12 {
			continue
		}
		if at > end && conjunctions[strings.ToLower(d.Tokens[end].Text)] {
			continue // "…” and said Trump should …": the verb before goes on
		}
		if !quoteSentence(d, sent, end, g.cue.a) || sentenceEndIn(d, end, g.cue.a) {
			return nil
		}
		kept := g.contents[:0]
		for _, c := range g.contents {
			if c.a >= end {
				kept = append(kept, c)
			}
		}
		g.contents = kept
		return g
	}
	return nil
}

// quoteSentence reports whether token t is in the sentence of a
// quotation closing at token end-1: the same sentence, or the next one
// when the quotation ends with "!” or "?” and the segmenter began a
// sentence after it ("… China tried!” Trump wrote on Twitter.") in the
// same paragraph.
func quoteSentence(d *Doc, sent []int, end, t int) bool {
	if sent[t] == sent[end-1] {
		return true
	}
	si := sent[end-1] + 1
	if sent[t] != si || d.Sents[si].First != end || end < 2 || strings.Contains(d.Text[d.Tokens[end-1].End:d.Tokens[end].Start], "\n") {
		return false // not across a paragraph break
	}
	w := d.Tokens[end-2].Text
	return w == "!" || w == "?"
}

// afterSentenceEnd reports whether token t (an opening quotation mark)
// starts a sentence: the token before it ends one, or closes a quotation
// that ended one (`… she said. “…`, `… “Go.” “…`).
func afterSentenceEnd(d *Doc, t int) bool {
	for k := t - 1; k >= 0 && k >= t-2; k-- {
		w := d.Tokens[k].Text
		if sentenceEnd(w) {
			return true
		}
		if !isQuoteMark(w) {
			return false
		}
	}
	return false
}

// sentenceEndIn reports a sentence-ending mark among tokens [a, b).
func sentenceEndIn(d *Doc, a, b int) bool {
	for k := a; k < b && k < len(d.Tokens); k++ {
		if sentenceEnd(d.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// mergeSplitCues drops a one-word cue the tagger found a few words after
// another with nothing between them but words of a noun phrase: in
// "Rami Abdulrahman told the AFP news agency that …" the cue is "told",
// not also "news".
func mergeSplitCues(d *Doc, cues, srcs, cnts []tokSpan) []tokSpan {
	kept := cues[:0:0]
	for i, c := range cues {
		if i > 0 && c.b-c.a == 1 && c.a > cues[i-1].b && c.a-cues[i-1].b <= 3 && strings.EqualFold(d.Tokens[cues[i-1].a].Text, "told") {
			between := true
			for t := cues[i-1].b; t < c.a; t++ {
				w := d.Tokens[t].Text
				between = between && !isPunct(w) && !isQuoteMark(w) && !notInNounPhrase[strings.ToLower(w)]
			}
			for _, s := range srcs {
				between = between && !(s.a >= cues[i-1].b && s.b <= c.a)
			}
			if between {
				// the rest of the listener is not said: "… news agency that …"
				for k := range cnts {
					if n := &cnts[k]; n.a == c.b {
						for t := n.a; t < n.b && t <= n.a+2; t++ {
							if strings.EqualFold(d.Tokens[t].Text, "that") {
								n.a = t
								break
							}
						}
					}
				}
				continue
			}
		}
		kept = append(kept, c)
	}
	return kept
}

// firstToken is where an attribution starts in the text.
func firstToken(f found) int {
	a := math.MaxInt
	for _, c := range f.contents {
		a = min(a, c.a)
	}
	if f.source.ok() {
		a = min(a, f.source.a)
	}
	if f.cue.ok() {
		a = min(a, f.cue.a)
	}
	return a
}

// sourceReadAsContent mends "CONTENT said SOURCE." where the tagger took
// the words after the verb for what was said, and a subject inside the
// content for the source: in "The group has levied a tax on non-Muslims
// said the resident who asked for anonymity." (commas stripped) the
// resident said it. The words after the verb must end the sentence and be
// a noun phrase of at most six words whose head is a word for a source
// ("resident", "observatory", "spokesman"), with nothing after it but a
// relative clause or an apposition.
func sourceReadAsContent(d *Doc, sent []int, f found) found {
	if len(f.contents) != 1 || !f.cue.ok() || f.cue.b-f.cue.a != 1 || !invertingVerbs[strings.ToLower(d.Tokens[f.cue.a].Text)] {
		return f
	}
	c := f.contents[0]
	if c.a != f.cue.b || !determiners[strings.ToLower(d.Tokens[c.a].Text)] && !strings.EqualFold(d.Tokens[c.a].Text, "one") {
		return f
	}
	si := sent[f.cue.a]
	end := d.Sents[si].Last
	for end > c.a && isPunct(d.Tokens[end-1].Text) {
		end--
	}
	if c.b != end && c.b != d.Sents[si].Last {
		return f
	}
	head := -1
	for t := c.a + 1; t < c.b && t <= c.a+6; t++ {
		w := d.Tokens[t].Text
		lw := strings.ToLower(w)
		if lw == "who" || lw == "which" || w == "," {
			break
		}
		if speakerNoun(w) {
			head = t
			continue
		}
		if !nameWord(w) && !sourceModifiers[lw] && !strings.Contains(w, "-") || head >= 0 {
			return f // a verb or more after the head: what was said
		}
	}
	first := max(d.Sents[si].First, afterDateline(d, d.Sents[si].First))
	if head < 0 || f.cue.a-first < 4 {
		return f
	}
	cnt := f.cue.a
	for cnt > first && isPunct(d.Tokens[cnt-1].Text) {
		cnt--
	}
	f.source, f.contents = c, []tokSpan{{first, cnt}}
	return f
}

// quoteThenSource mends “…” Observatory chief Rami Abdel Rahman told
// AFP where the tagger ran the quotation on past its closing mark into
// the words before the source: up to four words, no punctuation, between
// the closing mark and the source belong to the source.
func quoteThenSource(d *Doc, f found) found {
	if len(f.contents) != 1 || !f.source.ok() {
		return f
	}
	c, src := f.contents[0], f.source
	if src.a != c.b {
		return f
	}
	// a quotation that lost its opening mark ("The regime is moving
	// forward there" the Observatory's founder Rami Abdulrahman said) ends
	// at a closing mark attached to its last word
	opened := isOpenQuote(d.Tokens[c.a].Text) || d.Tokens[c.a].Text == "\""
	named := true // every word so far can be part of a name and its role
	for k := c.b - 1; k > c.a && k >= c.b-11; k-- {
		w := d.Tokens[k].Text
		if isCloseQuote(w) || w == "\"" {
			if !opened && (w == "’" || d.Tokens[k-1].End != d.Tokens[k].Start || quoteMarkIn(d, c.a, k)) {
				return f
			}
			if k >= c.b-5 || named {
				f.contents[0].b, f.source.a = k+1, k+1
			}
			return f
		}
		if isPunct(w) {
			return f
		}
		named = named && (nameWord(w) || nameLinks[w])
	}
	return f
}

// quoteMarkIn reports a quotation mark among tokens [a, b).
func quoteMarkIn(d *Doc, a, b int) bool {
	for t := a; t < b; t++ {
		if isQuoteMark(d.Tokens[t].Text) {
			return true
		}
	}
	return false
}

// nameLinks are the small words inside a name and its role ("Executive
// Director of the WHO Health Emergencies Programme").
var nameLinks = map[string]bool{"of": true, "the": true, "for": true, "and": true, "on": true, "in": true, "at": true}

// determinerToSource mends "… consistent with a nerve agent the World
// Health Organization said": a content that ends in an article right
// before its source has taken the source's first word.
func determinerToSource(d *Doc, f found) found {
	if len(f.contents) == 0 || !f.source.ok() {
		return f
	}
	c := &f.contents[len(f.contents)-1]
	if c.b != f.source.a || c.b-c.a < 2 {
		return f
	}
	if w := d.Tokens[c.b-1].Text; w == "the" || w == "a" || w == "an" {
		c.b--
		f.source.a--
	}
	return f
}

// commaEndsSource mends "According to Jaber, Iraqi forces have retaken
// …" where the tagger ran the source over the comma into the clause that
// was said: the source ends at its comma and the words after it open the
// content. A comma before "a"/"an" stays ("According to Jaber, a
// spokesman, …": an apposition).
func commaEndsSource(d *Doc, f found) found {
	src, n := f.source, f.contents[0]
	if n.a < src.b {
		return f
	}
	for k := src.a + 1; k+1 < src.b; k++ {
		if d.Tokens[k].Text != "," {
			continue
		}
		if w := strings.ToLower(d.Tokens[k+1].Text); w == "a" || w == "an" {
			return f
		}
		f.source = tokSpan{src.a, k}
		f.contents[0] = tokSpan{k + 1, n.b}
		return f
	}
	return f
}

// accordingTo mends "according to X" when the tagger found no source:
// the words between the cue and the content are the source ("According
// to report ISIS has executed …"), and a content that starts right at the
// cue is the source's noun phrase, up to a relative clause or a comma
// ("…, according to the Observatory which has documented …"); what was
// said is then the clause before the cue, or after the source when the
// sentence opens with the cue.
func accordingTo(d *Doc, sent []int, f found) found {
	c := f.cue
	if !c.ok() || c.b-c.a < 2 || len(f.contents) != 1 || !strings.EqualFold(d.Tokens[c.a].Text, "according") ||
		!strings.EqualFold(d.Tokens[c.a+1].Text, "to") {
		return f
	}
	if f.source.ok() && f.source.a >= c.b {
		return commaEndsSource(d, f)
	}
	// the source of "according to" follows it: one the tagger put before
	// the cue is not it
	f.source = tokSpan{-1, -1}
	if c.b-c.a > 2 {
		// "According to report": the cue took the source
		f.source, f.cue = tokSpan{c.a + 2, c.b}, tokSpan{c.a, c.a + 2}
		return f
	}
	n := f.contents[0]
	if sent[n.a] != sent[c.a] {
		return f
	}
	if n.b <= c.a {
		// "…, according to the group which relies on …": the words after
		// the cue up to a relative pronoun or the sentence's end
		s := d.Sents[sent[c.a]]
		b := c.b
		for b < s.Last && b-c.b < 8 && !relativeWord(d.Tokens[b].Text) && d.Tokens[b].Text != "," {
			b++
		}
		for b > c.b && isPunct(d.Tokens[b-1].Text) {
			b--
		}
		if b > c.b && (b == s.Last || relativeWord(d.Tokens[b].Text) || isPunct(d.Tokens[b].Text)) {
			f.source = tokSpan{c.b, b}
		}
		return f
	}
	if n.a > c.b {
		if k := n.a - c.b; k <= 6 && !isPunct(d.Tokens[c.b].Text) {
			b := n.a
			for b > c.b && isPunct(d.Tokens[b-1].Text) {
				b--
			}
			if b > c.b {
				f.source = tokSpan{c.b, b}
			}
		}
		return f
	}
	s := d.Sents[sent[c.a]]
	var src, said tokSpan
	if c.a == s.First || c.a == s.First+1 && isPunct(d.Tokens[s.First].Text) {
		// "According to the Observatory, 20 people died": the tagger's
		// content is the source; what follows it was said
		src = n
		for src.b > src.a && isPunct(d.Tokens[src.b-1].Text) {
			src.b--
		}
		a := n.b
		for a < s.Last && isPunct(d.Tokens[a].Text) {
			a++
		}
		b := s.Last
		for b > a && isPunct(d.Tokens[b-1].Text) {
			b--
		}
		said = tokSpan{a, b}
	} else {
		// "20 people died, according to the Observatory which has …": the
		// source runs up to a relative pronoun, or is the whole content
		// when that ends the sentence; the clause before the cue was said
		end := -1
		for t := c.b + 1; t < n.b; t++ {
			if relativeWord(d.Tokens[t].Text) || d.Tokens[t].Text == ";" {
				end = t
				break
			}
		}
		last := s.Last
		for last > n.b && isPunct(d.Tokens[last-1].Text) {
			last--
		}
		if end < 0 && (n.b-c.b <= 6 || n.b == last && n.b-c.b <= 20) {
			end = n.b
		}
		if end < 0 {
			return f
		}
		for end > c.b && isPunct(d.Tokens[end-1].Text) {
			end--
		}
		src = tokSpan{c.b, end}
		b := c.a
		for b > s.First && isPunct(d.Tokens[b-1].Text) {
			b--
		}
		said = tokSpan{s.First, b}
	}
	if !src.ok() || said.b-said.a < 3 {
		return f
	}
	f.source, f.contents = src, []tokSpan{said}
	return f
}

// nameAfterCue returns the source of a quotation followed by its
// speaker with the verb first ("“…” a village south of Jarabulus said
// Rami Abdel Rahman of the Observatory", where stripped commas let the
// tagger take the words before the cue): a person named right after the
// cue, when the words the tagger took name no person or organisation.
// Otherwise the source stays.
func nameAfterCue(d *Doc, f found) tokSpan {
	c, s := f.cue, f.source
	if !c.ok() || !s.ok() || s.b > c.a || len(f.contents) == 0 || f.contents[len(f.contents)-1].b > s.a ||
		c.b >= len(d.Tokens) || d.NER == nil || d.NER[c.b] != "B-PER" || c.b-c.a != 1 ||
		!invertingVerbs[strings.ToLower(d.Tokens[c.a].Text)] {
		return s
	}
	for t := s.a; t < s.b; t++ {
		if strings.HasSuffix(d.NER[t], "PER") || strings.HasSuffix(d.NER[t], "ORG") || pronouns[strings.ToLower(d.Tokens[t].Text)] {
			return s
		}
	}
	b := c.b + 1
	for b < len(d.Tokens) && d.NER[b] == "I-PER" {
		b++
	}
	return tokSpan{c.b, b}
}

// invertingVerbs are the speech verbs that come before their subject
// after a quotation ("…," said Smith); "told Smith" names the listener.
var invertingVerbs = map[string]bool{"said": true, "says": true, "added": true, "adds": true, "explained": true,
	"noted": true, "wrote": true, "writes": true, "continued": true, "asked": true, "argued": true, "insisted": true}

func relativeWord(w string) bool {
	w = strings.ToLower(w)
	return w == "which" || w == "who" || w == "that"
}

// emptyContent reports an attribution whose content says nothing: a
// relative pronoun or a stray article or preposition ("was nominated by:
// who").
func emptyContent(d *Doc, f found) bool {
	if len(f.contents) == 0 {
		return false
	}
	for _, c := range f.contents {
		for t := c.a; t < c.b; t++ {
			if w := strings.ToLower(d.Tokens[t].Text); !emptyWords[w] && !isPunct(w) && w != "“" && w != "‘" {
				return false
			}
		}
	}
	return true
}

// emptyWords say nothing on their own; "it", "this" and "so" do refer to
// what was said ("Trump denied it").
var emptyWords = map[string]bool{"who": true, "which": true, "whom": true, "a": true, "an": true, "the": true,
	"of": true, "to": true, "in": true, "and": true, "or": true, "as": true, "by": true, "for": true, "with": true}

// signedQuotes finds quotations signed after a dash, as in pull quotes and
// round-ups of readers' words: “He represents our greatest shame.” ―
// Sonya Herridge. The name (one to five capitalised words) must end the
// paragraph or run up to the next quotation.
func signedQuotes(d *Doc, u unit) []found {
	toks := d.Tokens[u.first:u.last]
	in := quoteState(toks, make([]bool, len(toks)))
	var out []found
	for i := 2; i+1 < len(toks); i++ {
		if w := toks[i].Text; w != "―" && w != "—" && w != "–" {
			continue
		}
		j := i - 1 // the closing mark
		if !isCloseQuote(toks[j].Text) && toks[j].Text != "\"" || !in[j-1] {
			continue
		}
		open := j - 1
		for open > 0 && in[open-1] {
			open--
		}
		open-- // the opening mark
		if open < 0 || j-open < 4 {
			continue
		}
		end := i + 1
		for end < len(toks) && end-i <= 6 && nameWord(toks[end].Text) {
			end++
		}
		if end == i+1 || end-i > 6 {
			continue
		}
		if end < len(toks) && !isOpenQuote(toks[end].Text) && toks[end].Text != "\"" &&
			!(toks[end].Text == "." && (end+1 == len(toks) || isOpenQuote(toks[end+1].Text) || toks[end+1].Text == "\"")) {
			continue
		}
		out = append(out, found{source: tokSpan{u.first + i + 1, u.first + end}, cue: tokSpan{u.first + i, u.first + i + 1},
			contents: []tokSpan{{u.first + open, u.first + j + 1}}})
	}
	return out
}

// signedTweets finds tweets embedded in an article as scraped text, each
// followed by its signature: "The Democrats … will never let you down!
// Donald J. Trump (@realDonaldTrump) October 14, 2017". The name (one to
// six capitalised words or numbers) is the source, the signature the cue.
// The tweet starts after the signature of a tweet just before or a colon
// within maxTweetTokens ("tweets this: Remember. #Debate …"), else with its
// last sentence.
func signedTweets(d *Doc, u unit) []found {
	toks := d.Tokens[u.first:u.last]
	var out []found
	prevEnd := 0 // the end of the last signature in the unit
	for k := 1; k+7 < len(toks); k++ {
		if toks[k].Text != "(" || toks[k+1].Text != "@" || toks[k+3].Text != ")" ||
			!monthWords[strings.ToLower(toks[k+4].Text)] || !dayWord(toks[k+5].Text) || toks[k+6].Text != "," || !yearWord(toks[k+7].Text) {
			continue
		}
		// the name: capitalised words up to the two spaces a stripped dash
		// (or emoji) left before it, not the end of a link glued to the
		// word before ("pic.twitter.com/HFwtipADk6")
		name := k
		for name > prevEnd && k-name < 6 && (nameWord(toks[name-1].Text) || allDigits(toks[name-1].Text) && name < k) &&
			(name-1 == 0 || toks[name-2].End < toks[name-1].Start) {
			name--
			if name > 0 && toks[name].Start-toks[name-1].End >= 2 {
				break
			}
		}
		sigEnd := k + 8
		if name == k || name == prevEnd {
			prevEnd = sigEnd
			continue
		}
		start := -1
		for j := name - 1; j >= prevEnd && name-j <= maxTweetTokens; j-- {
			if toks[j].Text == ":" && j+1 < len(toks) && toks[j].End < toks[j+1].Start { // not "https://
				start = j + 1
				break
			}
			if j == prevEnd && prevEnd > 0 {
				start = j
			}
		}
		if start < 0 {
			// the last sentence: back over the tweet's own closing
			// punctuation and links, then to the previous sentence end
			j := name - 1
			for j > prevEnd {
				if isPunct(toks[j].Text) {
					j--
					continue
				}
				// a link: a run of tokens with no space between them
				// and a slash in it
				r, slash := j, false
				for ; r >= prevEnd && (r == j || toks[r].End == toks[r+1].Start); r-- {
					slash = slash || strings.Contains(toks[r].Text, "/")
				}
				if !slash {
					break
				}
				j = r
			}
			for j > prevEnd && !sentenceEnd(toks[j-1].Text) && name-j <= maxTweetTokens {
				j--
			}
			start = j
		}
		if name-start >= 2 {
			out = append(out, found{source: tokSpan{u.first + name, u.first + k}, cue: tokSpan{u.first + k, u.first + sigEnd},
				contents: []tokSpan{{u.first + start, u.first + name}}, verbatim: true})
		}
		prevEnd = sigEnd
	}
	return out
}

// maxTweetTokens bounds how far back a tweet's text is looked for.
const maxTweetTokens = 70

func sentenceEnd(w string) bool { return w == "." || w == "!" || w == "?" || w == "…" }

// nameWord reports a word that can be part of a written name: capitalised
// ("Raúl", "O’Neill"), or an initial ("G.").
func nameWord(w string) bool {
	r := []rune(w)
	return len(r) > 0 && unicode.IsUpper(r[0]) && !isPunct(w)
}

// subjectBefore guesses the source of a cue the tagger gave none when the
// sentence opens with a short noun phrase right before it, the content
// after: "Rebel commanders, however, told Reuters they did not trust the
// truce."
func subjectBefore(d *Doc, sent []int, f found, lex map[string]float32) tokSpan {
	none := tokSpan{-1, -1}
	c := f.cue
	if !c.ok() || len(f.contents) == 0 || f.contents[0].a < c.b {
		return none
	}
	if r := []rune(d.Tokens[c.a].Text); len(r) == 0 || !unicode.IsLower(r[0]) || d.Tokens[c.a].Text == "according" {
		return none
	}
	si := sent[c.a]
	if si >= len(d.Sents) {
		return none
	}
	a, b := d.Sents[si].First, c.a
	// ", however," between subject and verb
	if b-a >= 3 && d.Tokens[b-1].Text == "," {
		k := b - 2
		for k > a && d.Tokens[k].Text != "," && b-1-k <= 3 {
			k--
		}
		if k > a && d.Tokens[k].Text == "," {
			b = k
		}
	}
	if b-a < 1 || b-a > 6 {
		return none
	}
	if r := []rune(d.Tokens[a].Text); len(r) == 0 || !unicode.IsUpper(r[0]) {
		return none
	}
	for t := a; t < b; t++ {
		w := lowerNorm(d.Tokens[t].Text)
		if isPunct(w) || w == "\"" || w == "'" || w == "that" || lex[w] >= 0.2 || auxiliaries[w] {
			return none
		}
	}
	if clauseOpeners[strings.ToLower(d.Tokens[a].Text)] {
		return none
	}
	// a noun phrase ending in a name or a speaker noun
	last := strings.ToLower(d.Tokens[b-1].Text)
	named := d.NER != nil && (strings.HasSuffix(d.NER[b-1], "PER") || strings.HasSuffix(d.NER[b-1], "ORG"))
	if !named && !anonymousHeads[last] && !orgHeads[last] && !roleHeads[last] && !roleHeads[strings.TrimSuffix(last, "s")] {
		return none
	}
	return tokSpan{a, b}
}

var clauseOpeners = map[string]bool{"but": true, "and": true, "as": true, "while": true, "after": true, "if": true,
	"when": true, "because": true, "since": true, "although": true, "so": true, "or": true, "it": true, "there": true,
	"before": true, "though": true, "yet": true, "then": true}

// relativeClause reports a noun cue with no source whose "content" is a
// relative clause on it: "a claim that could not be verified" says
// nothing about who claimed what.
func relativeClause(d *Doc, f found) bool {
	if f.source.ok() && !allFunctionWords(d, f.source) || !f.cue.ok() || f.cue.b-f.cue.a != 1 || len(f.contents) != 1 {
		return false
	}
	c := f.contents[0]
	if c.a != f.cue.b || c.b-c.a < 2 {
		return false
	}
	w := strings.ToLower(d.Tokens[c.a].Text)
	return (w == "that" || w == "which") && auxiliaries[strings.ToLower(d.Tokens[c.a+1].Text)]
}

var auxiliaries = map[string]bool{"is": true, "was": true, "are": true, "were": true, "has": true, "had": true,
	"have": true, "could": true, "would": true, "can": true, "will": true, "may": true, "might": true, "should": true,
	"must": true, "remains": true, "remained": true, "appears": true, "appeared": true, "seems": true, "seemed": true}

// afterDateline returns the first token after a dateline that opens the
// paragraph at token a ("BAGHDAD —", "NEW YORK, March 3 (Reuters) -"), or
// a when there is none.
func afterDateline(d *Doc, a int) int {
	if a > 0 && !d.Tokens[a].Newline {
		return a
	}
	caps := 0
	paren := false
	for t := a; t < len(d.Tokens) && t < a+12; t++ {
		w := d.Tokens[t].Text
		switch {
		case w == "—" || w == "–" || w == "-" || w == "--":
			if caps == 0 || t == a {
				return a
			}
			return t + 1
		case w == "(":
			paren = true
		case w == ")":
			paren = false
		case paren || w == "," || w == ".":
		case isUpperLabel(w):
			caps++
		default:
			// a date after the place: "NEW YORK, March 3"
			r, _ := utf8.DecodeRuneInString(w)
			if caps == 0 || !(unicode.IsDigit(r) || monthWords[strings.ToLower(strings.TrimSuffix(w, "."))]) {
				return a
			}
		}
	}
	return a
}

// leadEnd returns the first token after a lead-in that lost its line
// breaks and runs into the first sentence: a title, an outlet and the
// publication date before the story ("Syria regime raids on Aleppo kill
// 16 civilians Monitor AFP Sunday 5 Jun 2016 Dozens of Syrian regime
// strikes …", "Date of publication 26 November 2017 More than 19
// civilians …"). The lead-in ends at a full date with its year (and a
// clock time after it) in the first sentence's first 30 words, not after
// a preposition, followed by a capital or a number and at least four
// more words. It returns 0 when there is none.
func leadEnd(d *Doc) int {
	if len(d.Sents) == 0 {
		return 0
	}
	s := d.Sents[0]
	end := 0
	for t := s.First; t < s.Last && t < s.First+30; t++ {
		w := d.Tokens[t].Text
		first := -1 // the date's first token
		switch {
		case numericDate(w):
			first = t
		case yearWord(w) && t-1 >= s.First:
			p := strings.ToLower(strings.TrimSuffix(d.Tokens[t-1].Text, "."))
			switch {
			case monthWords[p]:
				first = t - 1 // "26 November 2017", "Jun 2016"
				if t-2 >= s.First && dayWord(d.Tokens[t-2].Text) {
					first = t - 2
				}
			case dayWord(p) && t-2 >= s.First && monthWords[strings.ToLower(strings.TrimSuffix(d.Tokens[t-2].Text, "."))]:
				first = t - 2 // "June 4 2016"
			}
		}
		if first < 0 {
			continue
		}
		if first > s.First && (calendarWords[strings.ToLower(d.Tokens[first-1].Text)] || weekdayAbbrev[d.Tokens[first-1].Text]) {
			first-- // "Sunday 5 Jun 2016", "Fri Apr 29 2016"
		}
		if first > s.First && leadPrepositions[strings.ToLower(d.Tokens[first-1].Text)] {
			continue // "… in November 2016": a date in the story
		}
		e := t + 1
		if e < s.Last && clockTime(d.Tokens[e].Text) {
			e++ // "Tuesday 26 April 2016 21:41"
		}
		if e+4 > s.Last {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(d.Tokens[e].Text); unicode.IsUpper(r) || unicode.IsDigit(r) {
			end = e
		}
	}
	return end
}

var (
	weekdayAbbrev    = map[string]bool{"Mon": true, "Tue": true, "Wed": true, "Thu": true, "Fri": true, "Sat": true, "Sun": true}
	leadPrepositions = map[string]bool{"in": true, "on": true, "since": true, "until": true, "by": true, "before": true,
		"after": true, "of": true, "from": true, "to": true, "during": true, "till": true}
)

// yearWord reports a year from 1900 to 2099.
func yearWord(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && allDigits(w)
}

// dayWord reports a day of the month, 1 to 31.
func dayWord(w string) bool {
	return (len(w) == 1 || len(w) == 2) && allDigits(w) && w != "0" && w != "00" && (len(w) == 1 || w[0] <= '3')
}

// numericDate reports "29-08-2014" or "26.12.2014".
func numericDate(w string) bool {
	for _, sep := range []string{"-", ".", "/"} {
		if p := strings.Split(w, sep); len(p) == 3 && dayWord(p[0]) && dayWord(p[1]) && yearWord(p[2]) {
			return true
		}
	}
	return false
}

// clockTime reports "21:41".
func clockTime(w string) bool {
	h, m, ok := strings.Cut(w, ":")
	return ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 && allDigits(h) && allDigits(m)
}

func allDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

var monthWords = map[string]bool{"jan": true, "january": true, "feb": true, "february": true, "march": true, "mar": true,
	"april": true, "apr": true, "may": true, "june": true, "jun": true, "july": true, "jul": true, "august": true,
	"aug": true, "september": true, "sept": true, "sep": true, "october": true, "oct": true, "november": true, "nov": true,
	"december": true, "dec": true}

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
		if !colonSpeaker(d, u.first+first, u.first+k) {
			return found{}, false
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

// editorialLabels open a line that is nobody's words: "Correction:",
// "UPDATE:", "The Latest:", "Paid Notice:", "EMAIL:".
var editorialLabels = map[string]bool{"correction": true, "corrections": true, "clarification": true,
	"update": true, "updates": true, "latest": true, "notice": true, "note": true, "email": true, "e-mail": true,
	"video": true, "photo": true, "photos": true, "watch": true, "related": true, "name": true, "editor": true,
	"editors": true, "listen": true, "read": true, "more": true, "advertisement": true, "transcript": true}

// colonSpeaker reports whether tokens [a, b), all capitalised, before a
// colon that opens a line can name who speaks after it: a transcript's
// "TAPPER:", an interview's "Q:", or a name, role or body ("Sen. Warren:",
// "Pew Research:", "Poll:"), never a label ("Correction:") or a headline's
// lead-in ("Big Win For Bernie:", "The Gap Goes On:").
func colonSpeaker(d *Doc, a, b int) bool {
	for t := a; t < b; t++ {
		if editorialLabels[strings.ToLower(d.Tokens[t].Text)] {
			return false
		}
	}
	if b-a == 1 {
		w := d.Tokens[a].Text
		if w == "Q" || w == "A" || len(w) > 1 && strings.ToUpper(w) == w {
			return true
		}
	}
	for t := a; t < b; t++ {
		w := d.Tokens[t].Text
		named := d.NER != nil && d.NER[t] != "O"
		if !named && !speakerNoun(w) && !sourceModifiers[strings.ToLower(w)] && w != "." && !entity.IsTitle(w) {
			return false
		}
	}
	return true
}

// trailingVerbs close a sentence of reported speech: "…, officials said."
var trailingVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true,
	"claimed": true, "warned": true, "insisted": true, "argued": true, "explained": true, "noted": true,
	"reported": true, "reports": true}

// otherSpeech reports a cue of the sentence other than v that is a verb
// of saying or "according to": a cue the tagger read in "are optimistic"
// or "struck" does not keep a sentence-final "said X" from its sentence.
func otherSpeech(d *Doc, cues []int, v int) bool {
	for _, c := range cues {
		w := strings.ToLower(d.Tokens[c].Text)
		if c != v && (trailingVerbs[w] || invertingVerbs[w] || w == "according") {
			return true
		}
	}
	return false
}

// adjunctAfter reports words after a sentence-final speech verb v that
// can follow it when what was said came before: "on Sunday", "Tuesday",
// "in a statement", "told AFP", "told reporters", "said Barazi".
func adjunctAfter(d *Doc, v int) bool {
	w := d.Tokens[v+1].Text
	lw := strings.ToLower(w)
	return adjunctOpeners[lw] || calendarWords[lw] || timeWords[lw] && lw != "the" || nameWord(w) ||
		strings.EqualFold(d.Tokens[v].Text, "told") && (determiners[lw] || speakerNoun(w) || lw == "reporters")
}

// adjunctOpeners open the words that may follow a sentence-final speech
// verb: "reported on Wednesday without giving further details", "said
// in a statement", "reported citing a military source".
var adjunctOpeners = map[string]bool{"on": true, "in": true, "at": true, "without": true, "late": true,
	"earlier": true, "last": true, "after": true, "citing": true, "quoting": true, "from": true, "by": true}

// accordingAtEnd reads a sentence ending "CONTENT according to SOURCE."
// (end is its last word): a source of one to eight words of a name or a
// speaker noun after "according to", at least four words before it.
func accordingAtEnd(d *Doc, s segment.Sentence, end int) (found, bool) {
	for c := end - 2; c >= end-9 && c > s.First+3; c-- {
		if !strings.EqualFold(d.Tokens[c].Text, "according") || d.Tokens[c+1].Text != "to" {
			continue
		}
		for t := c + 2; t < end; t++ {
			w := d.Tokens[t].Text
			if !(nameWord(w) || speakerNoun(w) || sourceModifiers[strings.ToLower(w)] || nameLinks[w] ||
				determiners[strings.ToLower(w)] || strings.Contains(w, "-") && !isPunct(w)) {
				return found{}, false
			}
		}
		if w := d.Tokens[end-1].Text; !nameWord(w) && !speakerNoun(w) {
			return found{}, false
		}
		cnt := c
		for cnt > s.First && isPunct(d.Tokens[cnt-1].Text) {
			cnt--
		}
		a := afterDateline(d, s.First)
		if cnt-a < 4 {
			return found{}, false
		}
		return found{cue: tokSpan{c, c + 2}, source: tokSpan{c + 2, end}, contents: []tokSpan{{a, cnt}}}, true
	}
	return found{}, false
}

// otherCue reports a cue of the sentence, other than v, after token a.
func otherCue(cues []int, v, a int) bool {
	for _, c := range cues {
		if c != v && c > a {
			return true
		}
	}
	return false
}

// sourceAfter finds the source of "CONTENT said SOURCE." with the verb v
// first and the sentence ending at end: one to six words after the verb,
// names, speaker nouns and the small words of a name ("said activist
// Mustafa Ebdi", "said the head of the council"), ending in a name or a
// speaker noun.
func sourceAfter(d *Doc, v, end int) (tokSpan, bool) {
	if !invertingVerbs[strings.ToLower(d.Tokens[v].Text)] || end-v-1 < 1 || end-v-1 > 6 {
		return tokSpan{}, false
	}
	for t := v + 1; t < end; t++ {
		w := d.Tokens[t].Text
		if !(nameWord(w) || speakerNoun(w) || sourceModifiers[strings.ToLower(w)] || nameLinks[w] || w == "a" || w == "an") {
			return tokSpan{}, false
		}
	}
	if w := d.Tokens[end-1].Text; !nameWord(w) && !speakerNoun(w) || timeWords[strings.ToLower(w)] {
		return tokSpan{}, false // "said Friday."
	}
	if w := d.Tokens[v+1].Text; !nameWord(w) && !speakerNoun(w) && !sourceModifiers[strings.ToLower(w)] && !determiners[strings.ToLower(w)] {
		return tokSpan{}, false
	}
	return tokSpan{v + 1, end}, true
}

// uncommaedSource finds where the source of "CONTENT SOURCE said." starts
// in a sentence whose commas were stripped, v being the verb: a subject
// pronoun ("… the Jubar district of the capital it added"); else a person
// or organisation the entity tagger found ending right before v, with its
// "the"; else a noun phrase ending in a name or a speaker noun, back over
// names, speaker nouns, hyphenated modifiers and "and" to a determiner or
// a number ("… killing four more civilians two residents said", "…
// wounding dozens Syria's state-run news agency and Kurdish media
// reported"), leaving out a place right after a preposition ("… in the
// Salah al-Din district of Aleppo Syrian state television reported"). It
// returns -1 when there is none, or when fewer than four words would be
// left for the content.
func uncommaedSource(d *Doc, first, v int) int {
	start := -1
	if w := strings.ToLower(d.Tokens[v-1].Text); subjectPronouns[w] {
		start = v - 1
	} else if d.NER != nil && (strings.HasSuffix(d.NER[v-1], "PER") || strings.HasSuffix(d.NER[v-1], "ORG")) {
		a := v - 1
		for a > first && strings.HasPrefix(d.NER[a], "I-") {
			a--
		}
		if a-1 > first && d.Tokens[a-1].Text == "the" {
			a-- // "the World Health Organization said"
		}
		start = a
	} else if head := d.Tokens[v-1].Text; nameWord(head) || speakerNoun(head) {
		start = v - 1
		loose := 0 // other words passed since start: kept only if a determiner opens them
		for b := v - 2; b > first && b >= v-8; b-- {
			w := d.Tokens[b].Text
			lw := strings.ToLower(w)
			if determiners[lw] || sourceNumbers[lw] {
				start = b
				break
			}
			if calendarWords[lw] || monthWords[lw] {
				break // "on Friday Siege Watch reported"
			}
			if anonymousHeads[lw] && w == lw && nameWord(d.Tokens[b+1].Text) {
				break // "… wounding 32 people Syrian state television reported"
			}
			inName := nameLinks[lw] && b-1 > first && nameWord(d.Tokens[b-1].Text) && nameWord(d.Tokens[b+1].Text) // "Observatory for Human Rights"
			if inName || nameWord(w) || speakerNoun(w) || sourceModifiers[lw] || lw == "and" || strings.Contains(w, "-") && !isPunct(w) {
				if loose == 0 {
					start = b
				}
				continue
			}
			// "the provincial governor said": an adjective, if an article opens it
			if loose++; loose > 2 || !plainWord(w) || notInNounPhrase[lw] || auxiliaries[lw] || placePrepositions[lw] ||
				relativeWord(w) || pronouns[lw] || lw == "by" || lw == "with" || lw == "for" {
				break
			}
		}
		for start < v-1 && d.Tokens[start].Text == "and" {
			start++
		}
		// a place after a preposition ends what was said
		if d.NER != nil && start > first && d.NER[start] == "B-LOC" && placePrepositions[strings.ToLower(d.Tokens[start-1].Text)] {
			a := start + 1
			for a < v && d.NER[a] == "I-LOC" {
				a++
			}
			if a == v {
				return -1
			}
			start = a
		}
	}
	if start < 0 {
		// else the last article within eight words, no verb or function
		// word between ("… the Britain-based Syrian Observatory for Human
		// rights said")
		for b := v - 1; b >= v-8 && b > first; b-- {
			w := d.Tokens[b].Text
			if notInNounPhrase[strings.ToLower(w)] || isPunct(w) {
				break
			}
			if w == "the" || w == "a" || w == "an" {
				start = b
				break
			}
		}
		// "… activists in the town reported": the speaker noun before
		// the place
		if start-2 > first && placePrepositions[strings.ToLower(d.Tokens[start-1].Text)] &&
			d.Tokens[start-2].Text == strings.ToLower(d.Tokens[start-2].Text) && speakerNoun(d.Tokens[start-2].Text) {
			start -= 2
		}
	}
	if start < 0 || start-first < 4 || d.Tokens[start-1].Text == "to" {
		return -1 // "… according to media reports."
	}
	return start
}

// plainWord reports a lowercase word of letters that is not a verb form
// in -ing or -ed: one an article and a speaker noun can hold between them
// ("the provincial governor"), unlike "wounding" or "32".
func plainWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != "" && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed")
}

// speakerNoun reports a noun that can end the name of who said something:
// "residents", "spokesman", "agency", "television", "correspondent".
func speakerNoun(w string) bool {
	l := strings.ToLower(w)
	return anonymousHeads[l] || orgHeads[l] || roleHeads[l] || roleHeads[strings.TrimSuffix(l, "s")] ||
		reporterHeads[l] || reporterHeads[strings.TrimSuffix(l, "s")] || mediaNouns[l] || outletWords[l] ||
		anonymousHeads[l+"s"] || anonymousHeads[l+"es"] || documentHeads[l] || documentHeads[strings.TrimSuffix(l, "s")] || l == "service" || l == "services"
}

var (
	subjectPronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true}
	determiners     = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true}
	sourceNumbers   = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "several": true,
		"many": true, "some": true, "both": true, "other": true}
	mediaNouns = map[string]bool{"television": true, "tv": true, "media": true, "radio": true, "channel": true,
		"newspaper": true, "broadcaster": true, "outlet": true, "network": true, "website": true}
	// sourceModifiers are lowercase words inside such names: "state
	// television", "local officials", "rescue workers".
	sourceModifiers = map[string]bool{"state": true, "local": true, "senior": true, "military": true, "security": true,
		"medical": true, "rescue": true, "opposition": true, "government": true, "news": true, "official": true,
		"police": true, "army": true, "rebel": true, "activist": true, "human": true, "rights": true, "civil": true,
		"health": true, "foreign": true, "defence": true, "defense": true, "monitoring": true}
	// calendarWords name a day; months are monthWords
	calendarWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
		"friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true}
	placePrepositions = map[string]bool{"of": true, "in": true, "at": true, "near": true, "from": true, "to": true,
		"into": true, "on": true, "outside": true, "around": true, "across": true}
)

// notInNounPhrase are words that end a search back from a verb for the
// start of its subject.
var notInNounPhrase = map[string]bool{"is": true, "was": true, "were": true, "are": true, "be": true, "been": true,
	"has": true, "had": true, "have": true, "to": true, "that": true, "which": true, "who": true, "he": true,
	"she": true, "they": true, "it": true, "not": true, "said": true, "says": true, "told": true, "but": true}

// trailingAttributions finds, in the sentences of a unit, the news
// patterns whose cue ends the sentence, where the tagger read them
// otherwise or not at all: "CONTENT, SOURCE said[ on Sunday | in a
// statement | …]." — at least four words of content before the comma (or,
// commas stripped, before the source uncommaedSource finds), a source of
// one to eight words opening with a determiner, a capital or a subject
// pronoun, and at most four words after the verb (eight after "on",
// "in", "without", …); "CONTENT said SOURCE." (sourceAfter); and
// "CONTENT according to SOURCE." (accordingAtEnd). A sentence opening
// with a quotation, or a verb inside one (quoted: the unit's quotation
// state, from the tagger's features), is left to the tagger.
func trailingAttributions(d *Doc, u unit, sent []int, srcs, cues []tokSpan, quoted []bool) []found {
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
		if f, ok := accordingAtEnd(d, s, end); ok {
			// "… killing all inside according to the Observatory official."
			if !otherSpeech(d, cueAt[si], f.cue.a) && !quoted[f.cue.a-u.first] {
				out = append(out, f)
			}
			continue
		}
		if isQuoteMark(d.Tokens[s.First].Text) {
			continue // a quotation and its speaker: the tagger reads those
		}
		for v := end - 1; v >= end-9 && v > s.First+5; v-- {
			if !trailingVerbs[strings.ToLower(d.Tokens[v].Text)] || quoted[v-u.first] {
				continue
			}
			src, after := sourceAfter(d, v, end)
			if !after && v+1 < end && !adjunctAfter(d, v) {
				break // "Kurdish official says he is still there": the words after the verb were said
			}
			if !after && v < end-5 && !adjunctOpeners[strings.ToLower(d.Tokens[v+1].Text)] {
				break // more than four words after the verb, not "on Wednesday without giving further details"
			}
			if after {
				// "… without causing more deaths said Barazi."
				tagged := false // the tagger's source runs on past the sentence's end ("said Del. Stacey Plaskett"): its reading stands
				for _, sp := range srcIn[si] {
					tagged = tagged || sp.a > v && sp.b > end+1
				}
				if !otherSpeech(d, cueAt[si], v) && !tagged && v-s.First >= 4 {
					cnt := v
					for cnt > s.First && isPunct(d.Tokens[cnt-1].Text) {
						cnt--
					}
					out = append(out, found{cue: tokSpan{v, v + 1}, source: src, contents: []tokSpan{{afterDateline(d, s.First), cnt}}})
				}
				break
			}
			comma := -1
			for c := v - 1; c >= v-9 && c > s.First; c-- {
				if d.Tokens[c].Text == "," {
					comma = c
					break
				}
			}
			vetted := false // uncommaedSource chose the source's words
			if comma < 0 {
				// commas stripped (damaged text): "… in the province of
				// Hassakeh the Syrian Observatory for Human Rights said."
				comma, vetted = uncommaedSource(d, s.First, v)-1, true
			}
			if comma < 0 || comma-s.First < 4 || v-comma-1 < 1 {
				break
			}
			first := d.Tokens[comma+1].Text
			switch strings.ToLower(first) {
			case "a", "an", "the", "two", "three", "several", "one", "his", "her", "their", "its", "he", "she", "it", "they":
			default:
				if r := []rune(first); !vetted && (len(r) == 0 || !unicode.IsUpper(r[0])) {
					continue
				}
			}
			other := otherCue(cueAt[si], v, comma) // another cue between the comma and the end: leave it to the tagger
			for t := comma + 1; t < v; t++ {
				other = other || auxiliaries[strings.ToLower(d.Tokens[t].Text)] // "…, none were reported"
			}
			for _, sp := range srcIn[si] { // a source after the verb: the tagger read the sentence otherwise
				w := strings.ToLower(d.Tokens[sp.a].Text)
				other = other || sp.b > v+1 && !adjunctOpeners[w] && !placePrepositions[w] // not "said by telephone from Britain"
			}
			if !other {
				cnt := comma
				if d.Tokens[comma].Text != "," {
					cnt = comma + 1
				}
				out = append(out, quoteThenSource(d, found{cue: tokSpan{v, v + 1}, source: tokSpan{comma + 1, v}, contents: []tokSpan{{s.First, cnt}}}))
			}
			break
		}
	}
	return out
}
