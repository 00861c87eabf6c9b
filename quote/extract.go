package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
		// “…” ― Pamela Padilla: a quotation signed with a dash and a name
		if signed := signedQuotes(d, u); len(signed) > 0 {
			outside := func(ts []tokSpan) []tokSpan {
				var kept []tokSpan
				for _, t := range ts {
					hit := false
					for _, f := range signed {
						hit = hit || t.a < f.source.b && t.b > f.contents[0].a
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
	for i := range out {
		sort.Slice(out[i].contents, func(a, b int) bool { return out[i].contents[a].a < out[i].contents[b].a })
		if c := out[i].contents; len(c) > 0 {
			// "BAGHDAD — The self-proclaimed …": the dateline is not said
			if a := afterDateline(d, c[0].a); a > c[0].a && a < c[0].b {
				c[0].a = a
			}
		}
	}
	return out
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
	if src.a != c.b || !(isOpenQuote(d.Tokens[c.a].Text) || d.Tokens[c.a].Text == "\"") {
		return f
	}
	for k := c.b - 2; k > c.a && k >= c.b-5; k-- {
		w := d.Tokens[k].Text
		if isCloseQuote(w) || w == "\"" {
			f.contents[0].b, f.source.a = k+1, k+1
			return f
		}
		if isPunct(w) {
			return f
		}
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

// uncommaedSource finds where the source of "CONTENT SOURCE said." starts
// in a sentence whose commas were stripped: at a person or organisation
// the entity tagger found ending right before the verb v, else at the
// last "the"/"a"/"an" within eight words before it when no word between
// is a verb or function word a noun phrase does not have ("… in Hassakeh
// the Syrian Observatory for Human Rights and medics said"). It returns
// -1 when there is none, or when fewer than four words would be left
// for the content.
func uncommaedSource(d *Doc, first, v int) int {
	start := -1
	if d.NER != nil {
		if t := d.NER[v-1]; strings.HasSuffix(t, "PER") || strings.HasSuffix(t, "ORG") {
			a := v - 1
			for a > first && strings.HasPrefix(d.NER[a], "I-") {
				a--
			}
			start = a
		}
	}
	if start < 0 {
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
	}
	if start-first < 4 {
		return -1
	}
	return start
}

// notInNounPhrase are words that end a search back from a verb for the
// start of its subject.
var notInNounPhrase = map[string]bool{"is": true, "was": true, "were": true, "are": true, "be": true, "been": true,
	"has": true, "had": true, "have": true, "to": true, "that": true, "which": true, "who": true, "he": true,
	"she": true, "they": true, "it": true, "not": true, "said": true, "says": true, "told": true, "but": true}

// trailingAttributions finds, in the sentences of a unit where the tagger
// saw no source and no content, the news pattern "CONTENT, SOURCE said[ on Sunday | in a
// statement | …]." — at least four words of content before the comma (or,
// commas stripped, before the source uncommaedSource finds), a source of
// one to eight words opening with a determiner or a capital, and at most
// four words after the verb.
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
			if comma < 0 {
				// commas stripped (damaged text): "… in the province of
				// Hassakeh the Syrian Observatory for Human Rights said."
				comma = uncommaedSource(d, s.First, v) - 1
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
