package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/internal/wordnet"
	"github.com/siftnews/sift/segment"
)

// TextSpan is a span of the text with its words.
type TextSpan struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Speaker is who a quotation is attributed to.
type Speaker struct {
	// Text is the source as written ("he", "a senior official", "The
	// Post"); absent when the article gives none.
	*TextSpan
	// Name is the canonical name of the person or body, when known.
	Name string `json:"name,omitempty"`
	// Cluster indexes Analysis.Clusters, or is -1.
	Cluster int `json:"cluster"`
	// Kind is person, organization, anonymous, media, document or unknown.
	Kind string `json:"kind"`
	// Via says how the speaker was found: mention (a name in the source),
	// pronoun, nominal ("the spokesman"), continuation (the speaker of the
	// quotation just before), or none.
	Via string `json:"via"`
}

// Label is how a reader should see the speaker: the canonical name, else
// the source as written, else "(unknown)".
func (s Speaker) Label() string {
	switch {
	case s.Name != "":
		return s.Name
	case s.TextSpan != nil && s.Text != "":
		return s.Text
	}
	return "(unknown)"
}

// Quote is one attribution: what was said, by whom, and the cue word.
type Quote struct {
	TextSpan
	// Kind is direct (all in quotation marks), mixed (partly quoted) or
	// indirect (reported speech).
	Kind    string    `json:"kind"`
	Cue     *TextSpan `json:"cue,omitempty"`
	Speaker Speaker   `json:"speaker"`
	// Parts are the pieces of a quotation interrupted by its cue or
	// continued after it (“…,” he said. “…”); absent for one piece.
	Parts []TextSpan `json:"parts,omitempty"`
	// ReportedBy is who relays the speaker's words, in "X quoted (cited,
	// reported) Y as saying …": there Y is the speaker and X, often an
	// outlet, reported them. Absent otherwise.
	ReportedBy *Speaker `json:"reported_by,omitempty"`
	// toks is the content's token range, for gap restoration.
	first, last int
}

// Input is what Find reads besides the document: the entities (with their
// sentence and token positions) and clusters of the entity stage.
type Input struct {
	Doc      *Doc
	Entities []entity.Entity
	Clusters []entity.Cluster
}

var anonymousHeads = map[string]bool{
	"source": true, "sources": true, "official": true, "officials": true, "aide": true, "aides": true,
	"insider": true, "insiders": true, "diplomat": true, "diplomats": true, "person": true, "people": true,
	"intelligence": true, "someone": true, "observers": true, "analysts": true, "experts": true, "critics": true,
	"pundits": true, "commentators": true, "activists": true, "rebels": true, "militants": true, "protesters": true,
	"locals": true, "fighters": true, "doctors": true, "medics": true, "survivors": true,
	"residents": true, "witnesses": true, "staffers": true, "journalists": true, "reporters": true,
	"employees": true, "advisers": true, "advisors": true, "allies": true, "friends": true, "relatives": true,
	"neighbors": true, "neighbours": true, "colleagues": true, "associates": true, "acquaintances": true,
	"supporters": true, "voters": true, "backers": true, "fans": true, "surrogates": true,
	"many": true, "some": true, "most": true, "others": true, "anyone": true, "everyone": true, "everybody": true,
	"anybody": true, "nobody": true, "somebody": true, "public": true, "conservatives": true, "liberals": true,
	"progressives": true, "investigators": true, "scientists": true, "researchers": true, "economists": true,
	"opponents": true, "detractors": true, "parents": true, "students": true, "teachers": true, "workers": true,
}

var documentHeads = map[string]bool{
	"report": true, "statement": true, "study": true, "poll": true, "polls": true, "survey": true, "document": true,
	"documents": true, "memo": true, "letter": true, "filing": true, "complaint": true, "tweet": true, "post": true,
	"article": true, "transcript": true, "analysis": true, "data": true, "records": true, "record": true,
	"release": true, "ad": true, "spot": true, "video": true, "email": true, "emails": true, "lawsuit": true,
	"indictment": true, "investigation": true, "research": true, "figures": true, "website": true, "book": true,
	"images": true, "photos": true, "pictures": true, "footage": true, "piece": true, "editorial": true,
	"column": true, "op-ed": true, "census": true, "estimate": true, "estimates": true,
	"suit": true, "ruling": true, "petition": true, "bill": true, "law": true, "findings": true, "warrant": true,
	"affidavit": true, "testimony": true, "verdict": true, "guidelines": true, "guidance": true, "manual": true,
	"constitution": true, "message": true, "messages": true, "blog": true, "podcast": true, "documentary": true,
}

var mediaHeads = map[string]bool{
	"outlet": true, "newspaper": true, "paper": true, "network": true, "channel": true, "broadcaster": true,
	"magazine": true, "journal": true, "agency": true, "site": true, "station": true, "tabloid": true, "daily": true,
	"media": true, "television": true, "tv": true, "radio": true, "outlets": true, "newspapers": true,
}

// mediaNames are words that mark an organisation as a news outlet.
var mediaNames = []string{"times", "post", "news", "cnn", "reuters", "associated press", "ap", "afp", "bbc", "fox",
	"nbc", "cbs", "abc", "msnbc", "journal", "guardian", "telegraph", "tribune", "herald", "gazette", "politico",
	"breitbart", "bloomberg", "axios", "huffington", "huffpost", "usa today", "daily", "magazine", "press", "al jazeera",
	"newsweek", "atlantic", "hill", "wire", "tass", "ria", "xinhua", "sputnik", "rt", "npr", "pbs", "economist", "reporter",
	"insider", "sana", "irna", "anadolu", "yonhap", "kyodo", "ansa", "efe", "dpa", "upi", "interfax", "tasnim", "kuna", "al arabiya"}

// placeNouns end the name of a building or a place and no person's.
var placeNouns = map[string]bool{"tower": true, "towers": true, "house": true, "center": true, "centre": true,
	"street": true, "avenue": true, "square": true, "building": true, "hotel": true, "airport": true,
	"bridge": true, "stadium": true, "university": true, "college": true, "school": true, "hospital": true}

// outletWords end an outlet's name and no person's.
var outletWords = map[string]bool{"wire": true, "gazette": true, "times": true, "tribune": true, "herald": true,
	"journal": true, "news": true, "magazine": true, "daily": true, "newsweek": true, "insider": true}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// reporterHeads are the people through whom an outlet reports: "the
// reporter", "SANA's correspondent" speak for their outlet.
var reporterHeads = map[string]bool{"reporter": true, "correspondent": true, "journalist": true, "anchor": true,
	"stringer": true}

func isMedia(name string) bool {
	l := " " + strings.ToLower(name) + " "
	for _, m := range mediaNames {
		if strings.Contains(l, " "+m+" ") {
			return true
		}
	}
	return false
}

var femalePron = map[string]bool{"she": true, "her": true}
var malePron = map[string]bool{"he": true, "him": true, "his": true}

// Find extracts the article's attributions and resolves their speakers.
// Offsets are into Doc.Text.
func (m *Model) Find(in Input) []Quote {
	d := in.Doc
	found := m.extract(d)
	// token index → entity index
	entAt := make([]int, len(d.Tokens))
	for i := range entAt {
		entAt[i] = -1
	}
	for ei, e := range in.Entities {
		if e.Sent >= len(d.Sents) {
			continue
		}
		base := d.Sents[e.Sent].First
		for t := base + e.TokStart; t < base+e.TokEnd && t < len(entAt); t++ {
			entAt[t] = ei
		}
	}
	inQ := quoteMarksIn(d)
	var out []Quote
	prevSpeaker := Speaker{Cluster: -1, Kind: "unknown", Via: "none"}
	prevEnd := -1
	covered := make([]bool, len(d.Tokens))
	for _, f := range found {
		if len(f.contents) == 0 {
			continue
		}
		// "who asked not to be named, disputed that account. “…”": the
		// first part says why the source is unnamed (and the cue "asked"
		// belongs to it); the rest is what the source said
		if len(f.contents) > 1 && anonymityClause(d, f.contents[0].a, f.contents[0].b) {
			f.contents = f.contents[1:]
			f.cue = tokSpan{-1, -1}
		}
		// "Xinhua cited Branstad as saying …": Branstad said it, Xinhua
		// reports it
		relay := tokSpan{-1, -1}
		if who, by, rest, ok := asSaying(d, f); ok && len(rest) > 0 {
			// (with nothing said but "as saying on Thursday", the
			// written reading stands)
			relay, f.source, f.contents = by, who, rest
			if !relay.ok() {
				relay = clauseSubject(d, in, entAt, sentIndex(d, f.cue.a), f.cue.a)
			}
		}
		first, last := f.contents[0].a, f.contents[len(f.contents)-1].b
		if anonymityClause(d, first, last) {
			continue
		}
		for i := first; i < last; i++ {
			covered[i] = true
		}
		q := Quote{first: first, last: last}
		q.TextSpan = m.span(d, first, last)
		if len(f.contents) > 1 {
			for _, c := range f.contents {
				q.Parts = append(q.Parts, m.span(d, c.a, c.b))
			}
			// the whole span must not swallow the cue and the speaker
			if f.cue.ok() && f.cue.a >= first && f.cue.b <= last {
				q.TextSpan = q.Parts[0]
			}
		}
		q.Kind = quoteKind(d, inQ, f.contents)
		if f.verbatim {
			q.Kind = "direct"
		}
		if q.Kind == "direct" && !f.source.ok() && titleLike(d, first, last) {
			// “Dancing with the Stars” with no one saying it is a title,
			// not a quotation (“Fake News!” said Trump is one)
			continue
		}
		if f.cue.ok() {
			c := m.span(d, f.cue.a, f.cue.b)
			q.Cue = &c
		}
		if headlineLabel(d, f) {
			// "BREAKING: Michelle Obama Pregnant…", "SMOKING GUN: Proof
			// That …": a kicker before a headline's colon says nothing
			continue
		}
		cont := !f.cue.ok() || q.Kind == "direct"
		src := f.source
		if !src.ok() && participleCue(d, f.cue) {
			// "…, saying it was unlicensed": the speaker of an attribution
			// earlier in the sentence, else the sentence's subject
			si := sentIndex(d, f.cue.a)
			if prevEnd > 0 && sentIndex(d, prevEnd-1) == si && len(out) > 0 && out[len(out)-1].first < f.cue.a {
				cont = true
			} else {
				src = clauseSubject(d, in, entAt, si, f.cue.a)
			}
		}
		if g, ok := gerundSubject(d, in, entAt, f.cue); ok && !(src.ok() && src.a <= g.a && g.b <= src.b) {
			// "another way of Obama saying, …": the name before the
			// gerund says it
			src = g
		}
		q.Speaker = resolve(d, in, entAt, src, first, prevSpeaker, prevEnd, cont, m.nouns)
		if relay.ok() {
			r := resolve(d, in, entAt, relay, first, prevSpeaker, prevEnd, false, m.nouns)
			q.ReportedBy = &r
		}
		if f.verbatim && q.Speaker.Name == "" && q.Speaker.TextSpan != nil && q.Cue != nil {
			// a tweet's signature names its account even when the name
			// is no entity: "AltUSNatParkService (@AltNatParkSer)"
			q.Speaker.Name = q.Speaker.Text + " " + strings.Fields(q.Cue.Text)[0]
			if q.Speaker.Kind == "unknown" {
				q.Speaker.Kind = accountKind(q.Speaker.Text)
			}
		}
		if q.Kind != "direct" && src.ok() && !inQ[src.a] && readerYou(d, src) {
			// "Have you ever wondered …", "If you don't believe …", "You
			// know, …": outside quotation marks "you" is the reader, who
			// is no source
			continue
		}
		if q.Kind == "indirect" && len(f.contents) == 1 && bareObject(d, f.contents[0], m.speechCue(d, f.cue)) {
			// "Trump discussed Latina actress Eva Longoria", "he left
			// orders for a number of steps", "he said it": an act and its
			// object, or a word pointing at what was said elsewhere —
			// PolNeAR annotates these, but no statement is reported
			continue
		}
		if q.Speaker.Via == "none" && q.Kind == "indirect" && !m.speechCue(d, f.cue) {
			// "… seems to …", "… aimed at we the people": no one is said
			// to say anything; what the tagger read as a belief or an act
			// with no source is not shown as a quotation
			continue
		}
		out = append(out, q)
		prevSpeaker, prevEnd = q.Speaker, last
	}
	// Direct quotations the tagger left out (five words or more; shorter
	// quoted phrases are mostly titles and scare quotes).
	for _, r := range quotations(d) {
		if r.b-r.a < 5 || slices.Contains(covered[r.a:r.b], true) || !strings.ContainsAny(d.Text[d.Tokens[r.a].Start:d.Tokens[r.b-1].End], " \t\n") {
			// One that overlaps an attribution found is that attribution,
			// its opening mark misplaced ("… immigrant-protecting “sanctuary
			// cities. Beginning today …,” Trump declared"); one "word" is a
			// URL in a script ("//connect.facebook.net/…"), not a quotation.
			continue
		}
		q := Quote{first: r.a, last: r.b, Kind: "direct"}
		q.TextSpan = m.span(d, r.a, r.b)
		q.Speaker = Speaker{Cluster: -1, Kind: "unknown", Via: "none"}
		// the speaker of the attribution right before, within two sentences
		for k := len(out) - 1; k >= 0; k-- {
			if out[k].last <= r.a {
				if sentDist(d, out[k].last-1, r.a) <= 2 && out[k].Speaker.Kind != "unknown" {
					sp := out[k].Speaker
					sp.TextSpan, sp.Via = nil, "continuation"
					q.Speaker = sp
				}
				break
			}
		}
		out = append(out, q)
	}
	sortQuotes(out)
	return out
}

// bareObject reports the content of an indirect attribution that states
// nothing: at most three words after a cue that is no verb of saying
// ("endorsing him", "discussed Latina actress Eva Longoria"), or, after
// one, only a word that points at what was said ("said it", "told him
// that", "calls what").
func bareObject(d *Doc, c tokSpan, speech bool) bool {
	n := 0
	for t := c.a; t < c.b; t++ {
		if !isPunct(d.Tokens[t].Text) && !isQuoteMark(d.Tokens[t].Text) {
			n++
		}
	}
	if !speech {
		return n <= 3
	}
	return n == 1 && pointingWords[strings.ToLower(d.Tokens[c.a].Text)]
}

// pointingWords stand for something said elsewhere.
var pointingWords = map[string]bool{"it": true, "that": true, "this": true, "what": true, "which": true,
	"so": true, "him": true, "her": true, "them": true, "those": true, "these": true, "something": true}

// possessed reports a mention followed by a possessive ("Erdogan’s
// spokesman, Ibrahim Kalin"): it names whose the next noun is.
func possessed(d *Doc, e entity.Entity) bool {
	if e.Sent >= len(d.Sents) {
		return false
	}
	end := d.Sents[e.Sent].First + e.TokEnd
	if end >= len(d.Tokens) {
		return false
	}
	switch d.Tokens[end].Text {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}

// relayVerbs say that someone reports another's words: "Xinhua cited
// Branstad as saying", "The Post quoted an official as saying".
var relayVerbs = map[string]bool{"quoted": true, "quotes": true, "quoting": true, "quote": true, "cited": true,
	"cites": true, "citing": true, "cite": true, "reported": true, "reports": true, "reporting": true}

// asSayingVerbs follow "as" in "quoted X as saying".
var asSayingVerbs = map[string]bool{"saying": true, "telling": true, "stating": true, "adding": true,
	"writing": true, "declaring": true, "warning": true, "describing": true, "calling": true}

// asSaying splits an attribution "X quoted Y as saying Z" (PolNeAR's
// reading: source X, cue "quoted", content "Y as saying Z") into the
// speaker Y and what Y said: Z, less a "that", when Z is a clause; the
// other pieces of the content when Z is only a circumstance ("… as saying
// on Thursday", `“…,” Xinhua cited Branstad as saying.`).
func asSaying(d *Doc, f found) (who, relay tokSpan, rest []tokSpan, ok bool) {
	relay = f.source
	if !f.cue.ok() || len(f.contents) == 0 {
		return who, relay, nil, false
	}
	if c := f.cue.a; asSayingVerbs[strings.ToLower(d.Tokens[c].Text)] && c > 1 && strings.EqualFold(d.Tokens[c-1].Text, "as") {
		// the tagger's cue is "saying" of "State media quoted a ministry
		// official as saying that …": the speaker is between the verb
		// that relays and "as"
		for v := c - 3; v >= 0 && v >= c-14 && (!f.source.ok() || v >= f.source.b); v-- {
			w := d.Tokens[v].Text
			if sentenceEnd(w) || isQuoteMark(w) {
				break
			}
			if !relayVerbs[strings.ToLower(w)] {
				continue
			}
			if strings.EqualFold(d.Tokens[v+1].Text, "by") {
				// "Ogata was quoted by the Asahi Shimbun daily as
				// saying": the subject said it, the outlet relays it
				return f.source, tokSpan{v + 2, c - 1}, f.contents, f.source.ok()
			}
			return tokSpan{v + 1, c - 1}, relay, f.contents, true
		}
		return who, relay, nil, false
	}
	if !relayVerbs[strings.ToLower(d.Tokens[f.cue.b-1].Text)] {
		return who, relay, nil, false
	}
	if by := f.cue.b; by+1 < len(d.Tokens) && strings.EqualFold(d.Tokens[by].Text, "by") && f.source.ok() {
		// "“…,” the 42-year-old Ogata was quoted by the Asahi Shimbun
		// daily as saying": the subject said it
		if k := asSayingAt(d, by+2, min(by+11, len(d.Tokens))); k >= 0 {
			for _, c := range f.contents {
				if c.b <= by || c.a > k+1 {
					rest = append(rest, c)
				}
			}
			return f.source, tokSpan{by + 1, k}, rest, true
		}
	}
	p := -1 // the piece right after the cue
	for i, c := range f.contents {
		if c.a >= f.cue.b && c.a <= f.cue.b+1 {
			p = i
		}
	}
	if p < 0 {
		return who, relay, nil, false
	}
	c := f.contents[p]
	as := asSayingAt(d, c.a+1, min(c.a+15, c.b-1))
	if as < 0 {
		return who, relay, nil, false
	}
	who = tokSpan{c.a, as}
	for who.b > who.a && d.Tokens[who.b-1].Text == "," {
		who.b--
	}
	rest = append(rest, f.contents[:p]...)
	z := as + 2
	for z < c.b && (d.Tokens[z].Text == "," || d.Tokens[z].Text == ":") {
		z++
	}
	if z < c.b && strings.EqualFold(d.Tokens[z].Text, "that") {
		z++
	}
	if z < c.b && !circumstance(d, z, c.b) {
		rest = append(rest, tokSpan{z, c.b})
	}
	rest = append(rest, f.contents[p+1:]...)
	return who, relay, rest, true
}

// asSayingAt returns the token of "as" in "as saying" (asSayingVerbs)
// among tokens [a, b) before a sentence end, a quotation mark or a colon,
// or -1.
func asSayingAt(d *Doc, a, b int) int {
	for k := a; k < b && k+1 < len(d.Tokens); k++ {
		w := d.Tokens[k].Text
		if sentenceEnd(w) || isQuoteMark(w) || w == ";" || w == ":" {
			return -1
		}
		if strings.EqualFold(w, "as") && asSayingVerbs[strings.ToLower(d.Tokens[k+1].Text)] {
			return k
		}
	}
	return -1
}

// circumstance reports words [a, b) that say when, where or how
// something was said, not what: "on Thursday", "in the interview with
// Italian newspaper Libero", "without elaborating".
func circumstance(d *Doc, a, b int) bool {
	switch strings.ToLower(d.Tokens[a].Text) {
	case "on", "in", "at", "during", "after", "before", "without", "from", "by", "late", "earlier", "last", "this":
		return !slices.ContainsFunc(d.Tokens[a:b], func(t segment.Token) bool { return strings.EqualFold(t.Text, "that") })
	}
	return isPunct(d.Tokens[a].Text)
}

// readerYou reports a source that is only "you" ("You", "you’ll").
func readerYou(d *Doc, src tokSpan) bool {
	if src.b-src.a > 2 {
		return false
	}
	w := strings.ToLower(d.Tokens[src.a].Text)
	if src.b-src.a == 2 {
		w += strings.ToLower(d.Tokens[src.a+1].Text)
	}
	for _, y := range []string{"you", "you’ll", "you'll", "you’re", "you're", "you’ve", "you've", "you’d", "you'd"} {
		if w == y {
			return true
		}
	}
	return false
}

// titleLike reports a short quoted phrase in title case ("Dancing with
// the Stars", "The Apprentice"): a title or a name, not something said.
func titleLike(d *Doc, a, b int) bool {
	words, caps := 0, 0
	for t := a; t < b; t++ {
		w := d.Tokens[t].Text
		if isPunct(w) || isQuoteMark(w) {
			continue
		}
		words++
		switch r, _ := utf8.DecodeRuneInString(w); {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case !titleSmallWords[w]:
			return false
		}
	}
	return words > 0 && words <= 6 && caps > 0
}

var titleSmallWords = map[string]bool{"of": true, "the": true, "a": true, "an": true, "and": true, "with": true,
	"in": true, "on": true, "for": true, "to": true, "at": true, "by": true, "from": true, "or": true}

// anonymityPhrases are the complements of "asked / spoke on condition …"
// that say why a source is unnamed; they are not something the source
// said.
var anonymityPhrases = []string{"not to be named", "not to be identified", "anonymity", "on condition of anonymity",
	"to remain anonymous", "not to be quoted", "to speak freely", "not authorized to speak", "not authorised to speak"}

func anonymityClause(d *Doc, a, b int) bool {
	if b-a > 14 {
		return false // a phrase and a few words at most
	}
	var w []string
	for t := a; t < b; t++ {
		w = append(w, strings.ToLower(d.Tokens[t].Text))
	}
	c := strings.Join(w, " ")
	for _, p := range anonymityPhrases {
		if strings.HasPrefix(c, p) && len(c) <= len(p)+40 {
			return true
		}
	}
	return false
}

func (m *Model) span(d *Doc, a, b int) TextSpan {
	s, e := d.Tokens[a].Start, d.Tokens[b-1].End
	return TextSpan{Text: d.Text[s:e], Start: s, End: e}
}

func sentIndex(d *Doc, tok int) int {
	for i, s := range d.Sents {
		if tok >= s.First && tok < s.Last {
			return i
		}
	}
	return len(d.Sents)
}

func sentDist(d *Doc, a, b int) int { return abs(sentIndex(d, a) - sentIndex(d, b)) }

// quoteMarksIn marks tokens inside quotation marks across the document,
// for the kinds of what was said: a doubled apostrophe reads as a double
// mark too, as The New York Times' archive writes one, and straight single
// marks where they plainly pair ('We won,' he said). (The taggers'
// quotation state, quoteState, leaves both out: the model was trained so.)
func quoteMarksIn(d *Doc) []bool {
	out := make([]bool, len(d.Tokens))
	for _, u := range units(d) {
		toks := d.Tokens[u.first:u.last]
		in := quoteState(toks, make([]bool, len(toks)))
		doubledApostrophes(toks, in)
		singleQuotes(toks, in)
		copy(out[u.first:u.last], in)
	}
	return out
}

// elisions are words an apostrophe can open that are no quotation:
// 'em, rock 'n' roll, 'til, 'cause, 'tis.
var elisions = map[string]bool{"em": true, "n": true, "til": true, "till": true, "cause": true, "tis": true,
	"twas": true, "bout": true, "round": true, "cos": true}

// singleQuotes marks, in in, the tokens between straight single quotation
// marks ('We won,' he said; a source told Us Weekly: 'They held hands.'),
// read strictly, since the same mark is an apostrophe. One opens after
// white space (or at a paragraph's start) attached to the word after it,
// not an elision or a number ('em, '90s). A mark attached to the word
// before it and not to the one after closes what is open, and marks it
// quoted only when sentence punctuation comes right before it (,'  .'  !'
// ?') within maxSingleQuote tokens: a scare quote ('Absurd') or a
// possessive (Jones' car) ends nothing in quotation.
func singleQuotes(toks []segment.Token, in []bool) {
	const maxSingleQuote = 150
	open := -1
	for i, t := range toks {
		if t.Text != "'" {
			continue
		}
		spacedBefore := i == 0 || toks[i-1].End < t.Start
		spacedAfter := i+1 == len(toks) || toks[i+1].Start > t.End
		switch {
		case spacedBefore && !spacedAfter:
			open = -1
			if w := toks[i+1].Text; isWordStart(w) && !elisions[strings.ToLower(w)] && !unicode.IsDigit([]rune(w)[0]) {
				open = i + 1
			}
		case !spacedBefore && (spacedAfter || isPunct(toks[i+1].Text)):
			if open >= 0 && i-open <= maxSingleQuote {
				switch toks[i-1].Text {
				case ",", ".", "!", "?", "...", "…":
					for k := open; k < i; k++ {
						in[k] = true
					}
				}
			}
			open = -1
		}
	}
}

// doubledApostrophes marks, in in, the tokens inside doubled apostrophes
// (two apostrophe tokens with nothing between them), each read as a
// straight double mark the way quoteState reads one (straightOpens): a
// quotation still open at the unit's end runs to it, and one whose closing
// mark a lost paragraph break took reopens.
func doubledApostrophes(toks []segment.Token, in []bool) {
	open := false
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && toks[i].Text == "'" && toks[i+1].Text == "'" && toks[i].End == toks[i+1].Start {
			open = straightOpens(toks, i, i+2, open)
			i++
			continue
		}
		in[i] = in[i] || open
	}
}

// quotations finds runs of tokens between paired quotation marks within
// a paragraph.
func quotations(d *Doc) []tokSpan {
	var out []tokSpan
	for _, u := range units(d) {
		in := quoteState(d.Tokens[u.first:u.last], make([]bool, u.last-u.first))
		for i := 0; i < len(in); {
			if !in[i] {
				i++
				continue
			}
			j := i
			for j < len(in) && in[j] {
				j++
			}
			out = append(out, tokSpan{u.first + i, u.first + j})
			i = j
		}
	}
	return out
}

func quoteKind(d *Doc, inQ []bool, pieces []tokSpan) string {
	n, q, scare := 0, 0, 0
	for _, p := range pieces {
		for i := p.a; i < p.b; i++ {
			t := d.Tokens[i].Text
			if isQuoteMark(t) || t == "'" { // ' also half of a '' mark
				continue
			}
			n++
			if inQ[i] {
				q++
				if scareQuote(d, inQ, i) {
					scare++
				}
			}
		}
	}
	switch {
	case n > 0 && q == n:
		return "direct"
	case q > scare:
		return "mixed"
	}
	return "indirect" // a title or scare quote in reported speech does not make it mixed
}

// scareQuote reports whether token i is inside a title or scare quote
// rather than a quotation of someone's words: a single capitalised word
// (The self-proclaimed “Caliph” Abu Bakr), or up to three after
// "so-called", "self-proclaimed" or "self-styled".
func scareQuote(d *Doc, inQ []bool, i int) bool {
	a, b := i, i+1
	for a > 0 && inQ[a-1] {
		a--
	}
	for b < len(inQ) && inQ[b] {
		b++
	}
	if b-a > 3 || a < 1 || !isQuoteMark(d.Tokens[a-1].Text) {
		return false
	}
	for k := a; k < b; k++ {
		if !nameWord(d.Tokens[k].Text) {
			return false
		}
	}
	if b-a == 1 {
		return true
	}
	if a < 2 {
		return false
	}
	switch strings.ToLower(d.Tokens[a-2].Text) {
	case "so-called", "self-proclaimed", "self-styled":
		return true
	}
	return false
}

// tidySource trims what the tagger let into a source around its words: a
// time at either end ("The U.N. in August", "The Times on Saturday",
// "March SDF military commander Nasser Haj Mansour") and a clause or a
// label before the subject ("an explosion that Mayor Bill de Blasio",
// "the White House pool report: Obama"). Only the speaker
// shown is trimmed; the span the evaluation scores is the tagger's.
func tidySource(d *Doc, s tokSpan) tokSpan {
	if !s.ok() {
		return s
	}
	if k := s.b - 2; k > s.a && timePrepositions[strings.ToLower(d.Tokens[k].Text)] && timeEnd(d.Tokens[k+1].Text) {
		s.b = k
	}
	if s.b-s.a >= 3 && s.a > 0 && placePrepositions[strings.ToLower(d.Tokens[s.a-1].Text)] && // "In March SDF …", not "April Ryan"
		(monthWords[strings.ToLower(d.Tokens[s.a].Text)] || calendarWords[strings.ToLower(d.Tokens[s.a].Text)]) &&
		nameWord(d.Tokens[s.a+1].Text) {
		s.a++
	}
	for k := s.b - 2; k > s.a; k-- {
		if !subordinators[d.Tokens[k].Text] {
			continue
		}
		if nx := d.Tokens[k+1].Text; nameWord(nx) || determiners[strings.ToLower(nx)] || subjectPronouns[nx] {
			s.a = k + 1
		}
		break
	}
	return s
}

var (
	timePrepositions = map[string]bool{"on": true, "in": true, "last": true, "this": true, "earlier": true}
	subordinators    = map[string]bool{"that": true, "if": true, "when": true, "because": true, "while": true, "whether": true, ":": true}
)

// timeEnd reports a weekday, month, year or "week" that ends a time
// adjunct.
func timeEnd(w string) bool {
	l := strings.ToLower(w)
	return calendarWords[l] || monthWords[l] || yearWord(w) || l == "week" || l == "month" || l == "year" || l == "weekend"
}

// speechCue reports a cue with a verb of saying or reporting in it: a word
// the cue lexicon learned from PolNeAR marks as one at least half the
// times it occurs ("said", "told", "according to", "reported", "claimed").
func (m *Model) speechCue(d *Doc, c tokSpan) bool {
	if !c.ok() {
		return false
	}
	for t := c.a; t < c.b; t++ {
		if m.cueLex[lowerNorm(d.Tokens[t].Text)] >= 0.5 {
			return true
		}
	}
	return false
}

// participleCue reports a cue that is a participle after a comma with no
// subject of its own: "…, saying", "…, adding", "…, claiming".
func participleCue(d *Doc, c tokSpan) bool {
	if !c.ok() || c.a == 0 || d.Tokens[c.a-1].Text != "," {
		return false
	}
	w := d.Tokens[c.a].Text
	return strings.HasSuffix(w, "ing") && w == strings.ToLower(w)
}

// accountKind types a tweet's account that names no entity: an outlet
// ("Breaking911"), a body ("AltUSNatParkService"), else the person it is
// named for ("Snarrky", "Regular White Joe").
func accountKind(name string) string {
	low := strings.ToLower(name)
	switch {
	case isMedia(name) || pressWords(low) || strings.HasSuffix(low, "tv") || strings.Contains(low, "breaking"):
		return "media"
	}
	for h := range orgHeads {
		if len(h) > 4 && strings.HasSuffix(low, h) {
			return "organization"
		}
	}
	for _, h := range []string{"service", "agency", "institute", "center", "centre", "society", "project", "network"} {
		if strings.HasSuffix(low, h) {
			return "organization"
		}
	}
	return "person"
}

// gerundSubject returns the person or organisation named right before a
// cue that is one gerund with no comma between ("Obama saying"), if any.
func gerundSubject(d *Doc, in Input, entAt []int, c tokSpan) (tokSpan, bool) {
	if !c.ok() || c.b-c.a != 1 || c.a == 0 {
		return tokSpan{}, false
	}
	if w := d.Tokens[c.a].Text; !strings.HasSuffix(w, "ing") || w != strings.ToLower(w) {
		return tokSpan{}, false
	}
	e := entAt[c.a-1]
	if e < 0 || in.Entities[e].Type != "PER" && in.Entities[e].Type != "ORG" {
		return tokSpan{}, false
	}
	a := c.a - 1
	for a > 0 && entAt[a-1] == e {
		a--
	}
	return tokSpan{a, c.a}, true
}

// clauseSubject finds the subject at the start of sentence si, before the
// cue at token c: a person or organisation named first ("SMU changed its
// policy, saying …"), a subject pronoun, or a short noun phrase ending in
// a speaker noun ("Authorities recently closed it, saying …"), after a
// conjunction or a short opening phrase and its comma ("But in July,").
// It returns an absent span when there is none.
func clauseSubject(d *Doc, in Input, entAt []int, si, c int) tokSpan {
	none := tokSpan{-1, -1}
	if si >= len(d.Sents) {
		return none
	}
	a := d.Sents[si].First
	if clauseOpeners[strings.ToLower(d.Tokens[a].Text)] {
		a++
	}
	for k := a; k < c && k < a+6; k++ { // "In July,", "On Thursday,"
		if d.Tokens[k].Text == "," {
			a = k + 1
			break
		}
	}
	if a >= c {
		return none
	}
	if e := entAt[a]; e >= 0 && (in.Entities[e].Type == "PER" || in.Entities[e].Type == "ORG") {
		b := a
		for b < c && entAt[b] == e {
			b++
		}
		return tokSpan{a, b}
	}
	if w := strings.ToLower(d.Tokens[a].Text); subjectPronouns[w] {
		return tokSpan{a, a + 1}
	}
	for b := a; b < c && b < a+4; b++ {
		if speakerNoun(d.Tokens[b].Text) && b+1 < c {
			if nx := d.Tokens[b+1].Text; nx == strings.ToLower(nx) && !isPunct(nx) && !nameLinks[nx] {
				return tokSpan{a, b + 1}
			}
		}
		if w := d.Tokens[b].Text; isPunct(w) || notInNounPhrase[strings.ToLower(w)] {
			break
		}
	}
	return none
}

// resolve finds who a source span refers to.
// cont allows a quotation without a written source to continue the
// speaker before it (not for "according to ___" with the source cut out).
func resolve(d *Doc, in Input, entAt []int, src tokSpan, contentStart int, prev Speaker, prevEnd int, cont bool, nouns *wordnet.Table) Speaker {
	sp := Speaker{Cluster: -1, Kind: "unknown", Via: "none"}
	// "the experts," shows as "the experts"
	for src.ok() && isPunct(d.Tokens[src.b-1].Text) {
		src.b--
	}
	for src.ok() && isPunct(d.Tokens[src.a].Text) {
		src.a++
	}
	if src.ok() && (allFunctionWords(d, src) || headlineCase(d, src) || strayWord(d, src) || timeOnly(d, src) && surnameOf(in, d, src) < 0) {
		src = tokSpan{-1, -1}
	}
	src = tidySource(d, src)
	if !src.ok() {
		// no source in the text: the quotation continues the one before
		if cont && prevEnd >= 0 && sentDist(d, prevEnd-1, contentStart) <= 2 && prev.Kind != "unknown" {
			sp = prev
			sp.TextSpan, sp.Via = nil, "continuation"
		}
		return sp
	}
	ts := TextSpan{Text: d.Text[d.Tokens[src.a].Start:d.Tokens[src.b-1].End], Start: d.Tokens[src.a].Start, End: d.Tokens[src.b-1].End}
	sp.TextSpan = &ts
	// a name inside the source: a person before an organisation before
	// anything else ("Syrian Observatory for Human Rights" when the tagger
	// splits off "Syrian"; "Russian President Vladimir Putin"), else the
	// first
	rank := func(e int) int {
		switch in.Entities[e].Type {
		case "PER":
			return 2
		case "ORG":
			return 1
		}
		return 0
	}
	best := -1
	pa, pb := phraseAfterHead(d, src)
	role := false // a role word since the best name: "Reid spokesman Adam Jentleson" is Jentleson
	for t := src.a; t < src.b; t++ {
		e := entAt[t]
		if e < 0 {
			if d.Tokens[t].Text == "," && best >= 0 && in.Entities[best].Type == "PER" && !possessed(d, in.Entities[best]) {
				// "Jeremy Bird, a senior aide to Mr. Obama's last
				// campaign": a person named before an apposition speaks
				break
			}
			role = role || best >= 0 && roleHeads[strings.ToLower(d.Tokens[t].Text)]
			continue
		}
		if (t < pa || t >= pb || in.Entities[e].Type == "ORG") && (best < 0 || rank(e) > rank(best) || role && e != best && rank(e) == 2 && rank(best) == 2) {
			best, role = e, false
		}
	}
	words := strings.Fields(strings.ToLower(ts.Text))
	head := headWord(words)
	// "an insider" is nobody named; "The Business Insider" is a name
	anonHead := anonymousHeads[head] && !(best >= 0 && strings.HasSuffix(strings.ToLower(in.Entities[best].Text), " "+head))
	if roleHeads[head] && (best < 0 || in.Entities[best].Type != "PER") {
		// "Iraq’s foreign minister", "the Pentagon spokesman": a person the
		// article names with that role or title, if any ("one minister"
		// is none of them)
		for _, c := range in.Clusters {
			if c.Type != "PER" || indefinite(strings.ToLower(ts.Text)) {
				continue
			}
			for _, r := range append(append([]entity.Span(nil), c.Roles...), c.Titles...) {
				if roleMatch(r.Text, ts.Text) {
					sp.Cluster, sp.Name, sp.Kind, sp.Via = c.ID, c.Name, "person", "nominal"
					return sp
				}
			}
		}
		if anonHead || indefinite(strings.ToLower(ts.Text)) {
			sp.Kind, sp.Via = "anonymous", "nominal"
		} else {
			sp.Kind, sp.Via = "person", "nominal"
		}
		return sp
	}
	if best >= 0 && modifier(d, in.Entities[best], src, head) {
		// "A leading European rights watchdog", "U.S. prosecutors", "The
		// Kremlin-backed outlet": the name describes the speaker, it is
		// not the speaker
		best = -1
	}
	if best >= 0 && !(anonHead && in.Entities[best].Type != "PER") && !documentHeads[head] {
		c := in.Clusters[in.Entities[best].Cluster]
		sp.Cluster, sp.Name, sp.Via = c.ID, c.Name, "mention"
		sp.Kind = kindOf(c)
		if sp.Kind == "organization" && mediaHeads[head] && head != "media" && !strings.HasSuffix(strings.ToLower(in.Entities[best].Text), head) {
			sp.Kind = "media" // "The Toronto Globe and Mail newspaper"
		}
		return sp
	}
	low := strings.ToLower(ts.Text)
	switch {
	case len(words) == 1 && (low == "who" || low == "which"):
		// "A senior official of the KRG, who asked not to be named, said":
		// who is the noun phrase before it
		if a, b := antecedent(d, src); a < b {
			r := resolve(d, in, entAt, tokSpan{a, b}, contentStart, prev, prevEnd, false, nouns)
			if r.Via == "mention" || r.Via == "nominal" {
				r.Via = "pronoun"
			}
			return r
		}
		return sp
	case len(words) == 1 && (malePron[low] || femalePron[low] || low == "i"):
		// the most recent person of the pronoun's gender: the previous
		// speaker if a person, else the last person named before the
		// source ("she" is not Donald Trump)
		want := pronounGender(low)
		if prev.Kind == "person" && prevEnd >= 0 && sentDist(d, prevEnd-1, src.a) <= 3 && agrees(speakerGender(in, prev), want) {
			sp.Cluster, sp.Name, sp.Kind, sp.Via = prev.Cluster, prev.Name, "person", "pronoun"
			return sp
		}
		if c := lastPerson(d, in, entAt, src.a, want); c >= 0 {
			cl := in.Clusters[c]
			sp.Cluster, sp.Name, sp.Kind, sp.Via = cl.ID, cl.Name, "person", "pronoun"
		}
		return sp
	case len(words) == 1 && (low == "they" || low == "we" || low == "it" || low == "their" || low == "its"):
		// the speaker just before, if a body or a group ("Rebel
		// commanders told Reuters … They said"), else the organisation
		// named last
		near := prevEnd >= 0 && sentDist(d, prevEnd-1, src.a) <= 2
		if near && low != "it" && low != "its" && prev.Kind == "person" && prev.TextSpan != nil && namedGroup(prev.Text) {
			// "Caruana Galizia’s sons Matthew, Andrew and Paul said. … they
			// said": the people just quoted
			sp.Cluster, sp.Name, sp.Kind, sp.Via = prev.Cluster, prev.Name, prev.Kind, "pronoun"
			return sp
		}
		if prev.Kind != "person" && prev.Kind != "unknown" && prev.Kind != "document" && near && (low != "it" || prev.Kind != "anonymous") {
			sp.Cluster, sp.Name, sp.Kind, sp.Via = prev.Cluster, prev.Name, prev.Kind, "pronoun"
			return sp
		}
		if c := lastCluster(in, entAt, src.a, "ORG"); c >= 0 {
			cl := in.Clusters[c]
			sp.Cluster, sp.Name, sp.Kind, sp.Via = cl.ID, cl.Name, kindOf(cl), "pronoun"
		}
		return sp
	case documentHeads[head]:
		sp.Kind, sp.Via = "document", "nominal"
		if pressWords(low) {
			sp.Kind = "media" // "a Tennessee local news website", "press reports"
		}
		return sp
	case reporterHeads[head] && !indefinite(low):
		// "the reporter", "our correspondent": the outlet named last
		sp.Kind, sp.Via = "media", "nominal"
		if c := lastMedia(d, in, entAt, src.a, ""); c >= 0 {
			sp.Cluster, sp.Name = in.Clusters[c].ID, in.Clusters[c].Name
		}
		return sp
	case mediaHeads[head] && (head != "agency" || strings.Contains(low, "news") || strings.Contains(low, "press") || agencyIn(ts.Text) != ""):
		sp.Kind, sp.Via = "media", "nominal"
		if n := agencyIn(ts.Text); n != "" {
			sp.Name = n // "the state-run Sana agency"
			return sp
		}
		// "the newspaper" is the outlet named before; "the media" and
		// "several outlets" are not one outlet
		if !strings.HasSuffix(head, "s") && head != "media" && !strings.HasPrefix(low, "a ") {
			if c := lastMedia(d, in, entAt, src.a, head); c >= 0 {
				sp.Cluster, sp.Name = in.Clusters[c].ID, in.Clusters[c].Name
			}
		}
		return sp
	}
	// "the spokesman": a person the article gave that role
	if strings.HasPrefix(low, "the ") && !anonHead || strings.HasPrefix(low, "the ") && len(words) == 2 {
		for ci := range in.Clusters {
			c := in.Clusters[len(in.Clusters)-1-ci]
			for _, r := range append(append([]entity.Span(nil), c.Roles...), c.Titles...) {
				if roleMatch(r.Text, ts.Text) && r.Start < ts.Start {
					sp.Cluster, sp.Name, sp.Kind, sp.Via = c.ID, c.Name, "person", "nominal"
					return sp
				}
			}
		}
	}
	// "the observatory", "The British-based observatory": an organisation
	// named before whose name has that word
	if orgHeads[head] && !strings.HasPrefix(low, "a ") && !strings.HasPrefix(low, "an ") {
		c := lastOrgNamed(in, entAt, src.a, words, head)
		if c < 0 && genericOrgHeads[head] && strings.HasPrefix(low, "the ") {
			// "the agency", "the group": the organisation named last, if
			// within the three sentences before
			for i := src.a - 1; i >= 0 && sentDist(d, i, src.a) <= 3; i-- {
				e := entAt[i]
				if e < 0 || in.Entities[e].Type != "ORG" || placeNouns[strings.ToLower(lastWord(in.Entities[e].Text))] || datelineOutlet(d, in.Entities[e]) {
					continue // not "the agency": a hotel, a tower, the article's own outlet
				}
				k := in.Entities[e].Cluster
				switch name := in.Clusters[k].Name; {
				case !isMedia(name):
					c = k
				case head == "agency" && newsAgency(name):
					// "SANA … The agency said": the news agency
					sp.Cluster, sp.Name, sp.Kind, sp.Via = k, name, "media", "nominal"
					return sp
				}
				break
			}
		}
		if c >= 0 {
			cl := in.Clusters[c]
			sp.Cluster, sp.Name, sp.Kind, sp.Via = cl.ID, cl.Name, kindOf(cl), "nominal"
			return sp
		}
	}
	if anonHead || strings.Contains(low, "familiar with") || strings.Contains(low, "not authorized") ||
		strings.HasSuffix(head, "s") && roleHeads[strings.TrimSuffix(head, "s")] {
		// unnamed sources, and people named by their office in the plural
		// ("prosecutors", "lawmakers")
		sp.Kind, sp.Via = "anonymous", "nominal"
		return sp
	}
	if orgHeads[head] {
		sp.Kind, sp.Via = "organization", "nominal"
		return sp
	}
	// "IS said in a statement": initials of an organisation the article
	// names ("the Islamic State (IS) group")
	if label := strings.TrimSpace(ts.Text); len(words) == 1 && acronym(label) {
		for _, c := range in.Clusters {
			if c.Type != "PER" && initials(c.Name) == strings.TrimSuffix(label, "s") {
				sp.Cluster, sp.Name, sp.Kind, sp.Via = c.ID, c.Name, kindOf(c), "mention"
				return sp
			}
		}
		if name := spelledOut(d, label); name != "" {
			sp.Name, sp.Kind, sp.Via = name, "organization", "mention"
			return sp
		}
	}
	// a transcript label the entity tagger does not read as a name
	// ("PENCE: …"): the person the article names with that surname, else,
	// in a transcript, a person named as written
	if label := strings.TrimSpace(ts.Text); len(words) <= 3 && isUpperLabel(label) {
		for _, c := range in.Clusters {
			if f := strings.Fields(c.Name); c.Type == "PER" && len(f) > 0 && strings.EqualFold(f[len(f)-1], head) {
				sp.Cluster, sp.Name, sp.Kind, sp.Via = c.ID, c.Name, "person", "mention"
				return sp
			}
		}
		colon := src.b < len(d.Tokens) && d.Tokens[src.b].Text == ":"
		if colon && (src.a >= firstBodyToken(d) || transcriptTurns(d) >= 2) {
			sp.Name, sp.Kind, sp.Via = label, "person", "nominal"
		} else {
			// "SMOKING GUN: Proof That …" heads the article, it is not a
			// turn of a transcript; "WAVE reports" is not a turn at all
			sp.Via = "nominal"
		}
		return sp
	}
	if c := surnameOf(in, d, src); c >= 0 {
		// a surname the entity tagger left untagged
		sp.Cluster, sp.Name, sp.Kind, sp.Via = c, in.Clusters[c].Name, "person", "mention"
		return sp
	}
	sp.Via = "nominal"
	switch {
	case indefinite(low):
		// "a narrator in the Clinton ad", "a majority of Americans": not
		// named
		sp.Kind = "anonymous"
	case personNouns[head]:
		sp.Kind = "person"
	case headIndex(words) < 6 && !clauseLike(words) && !quantityWords[head] && !properHead(d, src, ts.Text):
		// (a head further in, or a verb before it, is a clause the
		// tagger took for a source)
		sp.Kind = nounKind(nouns, head, low)
	}
	return sp
}

// properHead reports whether the head of source src (written ts) is
// capitalised as a name is ("Vox", "the Griffiths"): not in capitals only,
// and not the first word of a sentence, where any word is capitalised
// ("Reports say").
func properHead(d *Doc, src tokSpan, ts string) bool {
	orig := strings.Fields(ts)
	i := headIndex(orig)
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(orig[i])
	if !unicode.IsUpper(r) || isUpperLabel(orig[i]) {
		return false
	}
	if i > 0 {
		return true
	}
	si := sentIndex(d, src.a)
	return si >= len(d.Sents) || d.Sents[si].First != src.a
}

// clauseLike reports a "source" with a verb before its head ("His killing
// drew criticism from …", "May will be keen to …"): a clause, not a noun
// phrase.
func clauseLike(words []string) bool {
	for _, w := range words[:max(headIndex(words), 0)] {
		if clauseVerbs[strings.Trim(w, ",")] {
			return true
		}
	}
	return false
}

var clauseVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"will": true, "would": true, "can": true, "could": true, "has": true, "have": true, "had": true, "does": true,
	"did": true, "also": true, "drew": true, "proved": true, "made": true, "took": true, "got": true,
	"he’s": true, "he's": true, "she’s": true, "she's": true, "it’s": true, "it's": true}

// pressWords reports a lower-case source that speaks of the press ("news
// reports", "local media").
func pressWords(low string) bool {
	return strings.Contains(low, "news") || strings.Contains(low, "media") || strings.Contains(low, "press")
}

// namedGroup reports a source naming several people ("Matthew, Andrew
// and Paul", "his sons").
func namedGroup(text string) bool {
	return strings.Contains(text, " and ") || strings.Contains(text, " sons") || strings.Contains(text, " daughters")
}

// surnameOf returns the person cluster whose name ends in the one
// capitalised word src is, or -1: "May told reporters" is Theresa May,
// not the month, when the article names her.
func surnameOf(in Input, d *Doc, src tokSpan) int {
	if src.b-src.a != 1 {
		return -1
	}
	w := d.Tokens[src.a].Text
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
		return -1
	}
	for _, c := range in.Clusters {
		if f := strings.Fields(c.Name); c.Type == "PER" && len(f) > 1 && f[len(f)-1] == w {
			return c.ID
		}
	}
	return -1
}

// peopleGroups are group nouns whose members are people nobody names
// ("the family said").
var peopleGroups = map[string]bool{"family": true, "couple": true, "crowd": true, "audience": true,
	"public": true, "community": true, "class": true, "electorate": true, "congregation": true}

// nounKind types a source headed by a common noun nothing else
// resolved, by the WordNet class of the noun's most frequent sense: a
// person ("the nurse", "The 35-year-old accountant"), people nobody
// names when plural ("traders", "Reddit users", "rights groups"), a body
// ("the legislature"), a text ("the draft resolution", "court papers"),
// or the press ("media reports"); "unknown" otherwise.
func nounKind(nouns *wordnet.Table, head, low string) string {
	if nouns == nil {
		return "unknown"
	}
	head = strings.TrimSuffix(strings.TrimSuffix(head, "'s"), "’s")
	lemma := nouns.Lemma(head)
	if lemma == "" {
		return "unknown"
	}
	plural := lemma != head // an English noun inflects for number only
	press := pressWords(low)
	if plural && (orgHeads[lemma] || genericOrgHeads[lemma] || lemma == "agency") {
		// "Aid agencies", "Humanitarian groups"; "Russian news agencies"
		if press {
			return "media"
		}
		return "anonymous"
	}
	switch nouns.Class(lemma) {
	case wordnet.Person:
		if plural {
			return "anonymous"
		}
		return "person"
	case wordnet.Group:
		switch {
		case press:
			return "media"
		case plural || peopleGroups[lemma]:
			return "anonymous"
		}
		return "organization"
	case wordnet.Communication:
		if press {
			return "media"
		}
		return "document"
	}
	return "unknown"
}

// headlineLabel reports an attribution whose source is a label in
// capitals before a colon in the headline, and whose cue is that colon.
func headlineLabel(d *Doc, f found) bool {
	s, c := f.source, f.cue
	if !s.ok() || !c.ok() || c.b-c.a != 1 || d.Tokens[c.a].Text != ":" || c.a != s.b {
		return false
	}
	label := d.Text[d.Tokens[s.a].Start:d.Tokens[s.b-1].End]
	if kickers[strings.ToLower(label)] {
		// "UPDATE: I have confirmed …", "Editor's note:" anywhere: the
		// writer's own words under a label
		return true
	}
	return s.a < firstBodyToken(d) && isUpperLabel(label)
}

// kickers are labels a writer puts before a colon that name no speaker.
var kickers = map[string]bool{"update": true, "updated": true, "important": true, "note": true,
	"editor's note": true, "editor’s note": true, "breaking": true, "breaking news": true, "watch": true,
	"warning": true, "exclusive": true, "alert": true, "read more": true, "related": true, "correction": true,
	"disclaimer": true, "ps": true, "p.s.": true, "video": true, "photo": true, "photos": true, "source": true,
	"sources": true, "h/t": true, "via": true, "featured image": true, "see also": true, "edit": true}

// personNouns are heads that make a source one person though the article
// does not name them there ("the New York businessman").
var personNouns = map[string]bool{"businessman": true, "businesswoman": true, "billionaire": true, "man": true,
	"woman": true, "narrator": true, "announcer": true, "host": true, "anchor": true, "moderator": true,
	"investor": true, "mogul": true, "activist": true, "economist": true, "historian": true, "professor": true, "analyst": true, "expert": true, "author": true, "writer": true, "critic": true,
	"father": true, "mother": true, "son": true, "daughter": true, "husband": true, "wife": true, "veteran": true}

// firstBodyToken is the first token after the first paragraph (the
// headline, when the text has one).
func firstBodyToken(d *Doc) int {
	if us := units(d); len(us) > 1 {
		return us[0].last
	}
	return 0
}

// transcriptTurns counts the paragraphs that open with a label in
// capitals and a colon ("WALLACE: …", "\"PENCE: …").
func transcriptTurns(d *Doc) int {
	n := 0
	for _, u := range units(d) {
		first := u.first
		if first < u.last && (d.Tokens[first].Text == "\"" || isOpenQuote(d.Tokens[first].Text)) {
			first++
		}
		for k := first + 1; k < u.last && k <= first+4; k++ {
			if d.Tokens[k].Text == ":" {
				var label []string
				for _, t := range d.Tokens[first:k] {
					label = append(label, t.Text)
				}
				if isUpperLabel(strings.Join(label, " ")) {
					n++
				}
				break
			}
		}
	}
	return n
}

// roleMatch reports whether a role or title the article gives a person
// ("Foreign Minister", "the campaign’s press secretary") fits a nominal
// source: it has the source's description, from its first descriptive
// word to its head and an "of" phrase after it, though words before the
// head may be left out ("Iraq’s foreign minister" fits "Foreign Minister",
// "the Pentagon spokesman" fits "spokesman"; "the former secretary of
// state" does not fit "press secretary").
func roleMatch(role, source string) bool {
	head := headWord(strings.Fields(strings.ToLower(source)))
	if rh := strings.Trim(headWord(strings.Fields(strings.ToLower(role))), ",.\"“”"); rh != head {
		return false // "the observatory" is not the "head of the Syrian Observatory"
	}
	var desc []string
	for i, w := range strings.Fields(source) {
		lw := strings.ToLower(strings.Trim(w, ",.\"“”"))
		if len(desc) == 0 && (sourceDeterminers[lw] || strings.HasSuffix(lw, "’s") || strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’")) {
			continue
		}
		if len(desc) > 0 && postHead[lw] && lw != "of" {
			break
		}
		desc = append(desc, lw)
		if strings.HasSuffix(w, ",") && i > 0 {
			break
		}
	}
	r := " " + strings.ToLower(role) + " "
	for len(desc) > 0 {
		if strings.Contains(r, " "+strings.Join(desc, " ")+" ") {
			return true
		}
		// words before the head may be left out: "the Pentagon spokesman"
		// fits "spokesman", "The New York state attorney general" fits
		// "Attorney General"
		if len(desc) < 2 || desc[0] == head || desc[1] == "of" {
			return false
		}
		desc = desc[1:]
	}
	return false
}

var sourceDeterminers = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "its": true,
	"his": true, "her": true, "their": true, "former": true, "one": true, "another": true}

// headWord is the head noun of a source's words: the last word before a
// preposition, a comma or a relative pronoun ("one Democratic source on
// the panel" → "source"; "a senior official of the KRG" → "official").
func headWord(words []string) string {
	i := headIndex(words)
	if i < 0 {
		return ""
	}
	return strings.Trim(words[i], ".,’'\"")
}

// headIndex is the index in words of the head word headWord returns, or
// -1.
func headIndex(words []string) int {
	end := len(words)
	for i := 1; i < len(words); i++ {
		if words[i] == "of" && quantityWords[strings.Trim(words[i-1], ",")] {
			continue // "a number of tax experts" → "experts"
		}
		if postHead[words[i]] || strings.HasPrefix(words[i], ",") || strings.HasSuffix(words[i-1], ",") {
			end = i
			break
		}
	}
	return end - 1
}

var quantityWords = map[string]bool{"number": true, "couple": true, "handful": true, "dozens": true, "hundreds": true,
	"majority": true, "minority": true, "most": true, "some": true, "many": true, "several": true, "one": true, "two": true,
	"three": true, "few": true, "lot": true, "group": true, "team": true, "panel": true, "all": true, "none": true,
	"each": true, "both": true, "any": true}

var postHead = map[string]bool{"of": true, "to": true, "on": true, "in": true, "at": true, "for": true, "from": true, "with": true,
	"who": true, "which": true, "that": true, "close": true, "familiar": true, "involved": true, "briefed": true}

// isUpperLabel reports whether s is written in capitals only (at least
// three letters, no lower-case letter): "WALLACE", "MR. TRUMP".
func isUpperLabel(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters++
		}
	}
	return letters >= 3
}

func kindOf(c entity.Cluster) string {
	switch {
	case c.Type == "PER" && outletWords[strings.ToLower(lastWord(c.Name))]:
		// "Century Wire" (of "21st Century Wire"): an outlet the tagger
		// took for a person; no surname is "Gazette"
		return "media"
	case c.Type == "PER":
		return "person"
	case isMedia(c.Name):
		// an outlet, whatever type the tagger gave it ("Parma Gazette")
		return "media"
	}
	return "organization"
}

// lastCluster is the cluster of the last entity of type typ before token t.
func lastCluster(in Input, entAt []int, t int, typ string) int {
	for i := t - 1; i >= 0; i-- {
		if e := entAt[i]; e >= 0 && in.Entities[e].Type == typ {
			if c := in.Entities[e].Cluster; typ != "PER" || !acronym(in.Clusters[c].Name) {
				return c
			}
		}
	}
	return -1
}

// lastPerson is the cluster of the last person named before token t
// whose gender agrees with want, or -1. A person known to be of that
// gender in the pronoun's sentence or the one before wins over a nearer
// one whose gender the article does not tell ("Margaret Thatcher met Jean-Claude
// Juncker. She said …").
func lastPerson(d *Doc, in Input, entAt []int, t int, want int) int {
	fallback := -1
	for i := t - 1; i >= 0; i-- {
		e := entAt[i]
		if e < 0 || in.Entities[e].Type != "PER" {
			continue
		}
		c := in.Clusters[in.Entities[e].Cluster]
		if acronym(c.Name) || placeNouns[strings.ToLower(lastWord(c.Name))] {
			continue // "HBCUs", "Trump Tower": tagged as persons, named as things
		}
		g := clusterGender(c)
		switch {
		case want != genderUnknown && g == want:
			return c.ID
		case agrees(g, want) && fallback < 0:
			if want == genderUnknown {
				return c.ID
			}
			fallback = c.ID
		}
		if fallback >= 0 && sentDist(d, i, t) > 1 {
			break
		}
	}
	return fallback
}

// speakerGender is the gender of a resolved speaker: its cluster's, else
// what the words of its source say ("the spokeswoman").
func speakerGender(in Input, s Speaker) int {
	if s.Cluster >= 0 && s.Cluster < len(in.Clusters) {
		return clusterGender(in.Clusters[s.Cluster])
	}
	if s.TextSpan != nil {
		return textGender(s.Text)
	}
	return genderUnknown
}

// spelledOut finds where the article defines an acronym ("the Islamic
// State (IS) group") and returns the capitalised words before the
// parenthesis whose initials it is, or "".
func spelledOut(d *Doc, label string) string {
	for i := 1; i+1 < len(d.Tokens); i++ {
		if d.Tokens[i].Text != label || d.Tokens[i-1].Text != "(" || d.Tokens[i+1].Text != ")" {
			continue
		}
		// capitalised words, and lower-case joiners between them
		a := i - 1
		for a > 0 && i-1-a < 8 {
			w := d.Tokens[a-1].Text
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) && !joiners[w] {
				break
			}
			a--
		}
		for a < i-1 && joiners[d.Tokens[a].Text] {
			a++
		}
		for k := a; k < i-1; k++ {
			name := d.Text[d.Tokens[k].Start:d.Tokens[i-2].End]
			if initials(name) == label {
				return name
			}
		}
	}
	return ""
}

// joiners are the lower-case words inside a name ("Syrian Observatory
// for Human Rights").
var joiners = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true, "de": true}

// initials are the first letters of a name's capitalised words ("SOHR"
// for "Syrian Observatory for Human Rights"); "" for a one-word name.
func initials(name string) string {
	var b strings.Builder
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// acronym reports a name in capitals, perhaps plural ("HBCUs", "NFL"):
// no person is called that, whatever the entity tagger said.
func acronym(name string) bool {
	name = strings.TrimSuffix(name, "s")
	if utf8.RuneCountInString(name) < 2 {
		return false
	}
	for _, r := range name {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// genericOrgHeads name any kind of organisation: "the group" is the one
// just named.
var genericOrgHeads = map[string]bool{"agency": true, "group": true, "organization": true, "organisation": true,
	"company": true, "firm": true, "monitor": true, "watchdog": true, "charity": true, "body": true,
	"automaker": true, "carmaker": true, "retailer": true, "airline": true, "manufacturer": true, "insurer": true,
	"lender": true, "bank": true, "chipmaker": true, "drugmaker": true, "conglomerate": true, "corporation": true,
	"startup": true, "giant": true, "operator": true, "supplier": true, "utility": true}

// lastOrgNamed is the cluster of the last organisation before token t
// whose name has the word head ("Syrian Observatory for Human Rights" for
// "the observatory").
func lastOrgNamed(in Input, entAt []int, t int, words []string, head string) int {
	// every other descriptive word must be in the name too: "the appeals
	// court" is not the Supreme Court; "British-based" describes
	var need []string
	for _, w := range words {
		if w != head && !sourceDeterminers[w] && !strings.Contains(w, "-") {
			need = append(need, strings.Trim(w, ",.’'\""))
		}
	}
	for i := t - 1; i >= 0; i-- {
		if e := entAt[i]; e >= 0 && in.Entities[e].Type == "ORG" {
			c := in.Clusters[in.Entities[e].Cluster]
			name := " " + strings.ToLower(c.Name) + " "
			// "the monitor": the Syrian Observatory for Human Rights
			ok := strings.Contains(name, " "+head+" ") || head == "monitor" && strings.Contains(name, " observatory ")
			for _, w := range need {
				ok = ok && strings.Contains(name, " "+w+" ")
			}
			if ok {
				return c.ID
			}
		}
	}
	return -1
}

// phraseAfterHead is the token range [a, b) of a phrase after a common
// noun heading the source, up to an apposition ("a narrator in the Clinton
// ad", "a spokeswoman for Hillary Clinton"): a person or place named there
// is not the speaker (an organisation is: "A reporter for USA Today", "the
// editorial board of the Washington Post"). A name in apposition is
// ("Another critic, Laurence H. Tribe"). a = b when there is none.
func phraseAfterHead(d *Doc, src tokSpan) (int, int) {
	for t := src.a + 1; t < src.b; t++ {
		w := strings.ToLower(d.Tokens[t].Text)
		if w == "," {
			return t, t
		}
		if !postHead[w] || w == "that" || w == "who" || w == "which" {
			// a relative clause's subject may be the speaker: "an
			// explosion that Mayor Bill de Blasio called …"
			continue
		}
		if r := []rune(d.Tokens[t-1].Text); len(r) == 0 || !unicode.IsLower(r[0]) {
			return t, t
		}
		end := t + 1
		for end < src.b && d.Tokens[end].Text != "," {
			end++
		}
		return t, end
	}
	return src.b, src.b
}

func lastMedia(d *Doc, in Input, entAt []int, t int, head string) int {
	for i := t - 1; i >= 0; i-- {
		if e := entAt[i]; e >= 0 {
			c := in.Clusters[in.Entities[e].Cluster]
			if c.Type != "ORG" || !isMedia(c.Name) || datelineOutlet(d, in.Entities[e]) {
				continue // the article's own outlet is never "the newspaper"
			}
			// "the newspaper" is no news agency (not the dateline's
			// Reuters), and "the agency" no newspaper
			agency := newsAgency(c.Name)
			if head == "agency" && !agency || printOrBroadcast[head] && agency {
				continue
			}
			return c.ID
		}
	}
	return -1
}

// outletModifiers come between an outlet's name and its head noun.
var outletModifiers = map[string]bool{"news": true, "state": true, "daily": true, "weekly": true, "television": true,
	"tv": true, "radio": true, "press": true, "newspaper": true}

// datelineOutlet reports an outlet named in parentheses in an article's
// dateline, "WASHINGTON (Reuters) -" (afterDateline): the publisher.
func datelineOutlet(d *Doc, e entity.Entity) bool {
	if e.Sent >= len(d.Sents) {
		return false
	}
	first := d.Sents[e.Sent].First
	a := first + e.TokStart
	return a > 0 && d.Tokens[a-1].Text == "(" && a < afterDateline(d, first)
}

// agencyIn returns a news agency's name written in a source ("Sana" in
// "the state-run Sana agency"), as written, or "".
func agencyIn(text string) string {
	f := strings.Fields(text)
	for i := range f {
		for _, a := range agencyNames {
			n := len(strings.Fields(a))
			if i+n <= len(f) && len(a) > 2 && strings.EqualFold(strings.Join(f[i:i+n], " "), a) {
				return strings.Join(f[i:i+n], " ")
			}
		}
	}
	return ""
}

// printOrBroadcast are the heads of a newspaper's or a broadcaster's
// description, which a news agency is not.
var printOrBroadcast = map[string]bool{"newspaper": true, "paper": true, "daily": true, "tabloid": true,
	"magazine": true, "station": true, "channel": true, "broadcaster": true, "network": true, "tv": true,
	"television": true, "radio": true}

// agencyNames are news agencies: outlets that sell their reports to
// others.
var agencyNames = []string{"reuters", "associated press", "ap", "afp", "agence france-presse", "agence france presse",
	"xinhua", "interfax", "tass", "ria", "ria novosti", "sana", "irna", "anadolu", "yonhap", "kyodo", "ansa", "efe",
	"dpa", "upi", "kuna", "tasnim", "fars", "bernama", "mena", "wam", "spa", "petra", "pti", "ani", "qna", "isna", "dogan"}

// newsAgency reports whether an outlet's name is a news agency's.
func newsAgency(name string) bool {
	l := " " + strings.ToLower(name) + " "
	if strings.Contains(l, " agency ") || strings.Contains(l, " news service ") {
		return true
	}
	for _, a := range agencyNames {
		if strings.Contains(l, " "+a+" ") {
			return true
		}
	}
	return false
}

func sortQuotes(qs []Quote) {
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start })
}

// orgHeads are nouns that make an unnamed source a body ("the
// administration", "Russia’s foreign ministry", "a rights watchdog").
var orgHeads = map[string]bool{
	"administration": true, "campaign": true, "government": true, "authorities": true, "ministry": true,
	"department": true, "committee": true, "commission": true, "council": true, "court": true, "police": true,
	"army": true, "military": true, "party": true, "group": true, "watchdog": true, "company": true, "firm": true,
	"organization": true, "organisation": true, "coalition": true, "union": true, "office": true, "board": true,
	"bank": true, "university": true, "embassy": true, "parliament": true, "regime": true, "militia": true,
	"forces": true, "alliance": true, "federation": true, "association": true, "charity": true, "foundation": true,
	"institute": true, "team": true, "prosecution": true, "opposition": true, "movement": true,
	"observatory": true, "monitor": true, "agency": true, "body": true,
	"automaker": true, "carmaker": true, "retailer": true, "airline": true, "manufacturer": true, "insurer": true,
	"lender": true, "chipmaker": true, "drugmaker": true, "conglomerate": true, "corporation": true,
	"startup": true, "giant": true, "operator": true, "supplier": true, "utility": true,
}

// modifier reports whether a non-person name inside a source only
// describes its head noun: a lower-case word follows it within the noun
// phrase ("European rights watchdog", "Russia’s foreign ministry", "U.S.
// prosecutors"). An organisation keeps its name ("Hamas leaders") unless
// the head is an outlet ("The Kremlin-backed outlet"; not "the U.N.
// refugee agency").
func modifier(d *Doc, e entity.Entity, src tokSpan, head string) bool {
	if e.Type == "PER" && e.Sent < len(d.Sents) {
		// "Clinton's adviser", "Trump’s spokeswoman": the person whose
		// role it is does not speak
		if end := d.Sents[e.Sent].First + e.TokEnd; end+1 < src.b && possessed(d, e) &&
			(speakerNoun(d.Tokens[src.b-1].Text) || strings.EqualFold(d.Tokens[end+1].Text, head)) {
			return true
		}
		// "Trump supporters", "Clinton aides": a group named after a
		// person is not that person
		if !anonymousHeads[head] || !strings.HasSuffix(head, "s") {
			return false
		}
		for t := d.Sents[e.Sent].First + e.TokEnd; t < src.b; t++ {
			if strings.EqualFold(d.Tokens[t].Text, head) {
				return true
			}
		}
		return false
	}
	if e.Type == "PER" || e.Sent >= len(d.Sents) || e.Type == "ORG" && (!mediaHeads[head] || head == "agency") {
		return false
	}
	end := d.Sents[e.Sent].First + e.TokEnd
	if e.Type == "ORG" && end < src.b && (strings.EqualFold(d.Tokens[end].Text, head) ||
		end+1 < src.b && outletModifiers[strings.ToLower(d.Tokens[end].Text)] && strings.EqualFold(d.Tokens[end+1].Text, head)) {
		return false // "the Sueddeutsche Zeitung newspaper", "the Interfax news agency": the outlet's name
	}
	for t := end; t < src.b; t++ {
		w := d.Tokens[t].Text
		switch strings.ToLower(w) {
		case ",", "(", "who", "which", "that", "of", "and":
			return false
		case "’s", "'s", "’", "'", "-":
			continue
		}
		if r := []rune(w); len(r) > 0 && unicode.IsLower(r[0]) {
			return true
		}
	}
	return false
}

// roleHeads are nouns that describe a person by office.
var roleHeads = map[string]bool{
	"minister": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "official": true,
	"secretary": true, "president": true, "leader": true, "commander": true, "chief": true, "ambassador": true,
	"governor": true, "mayor": true, "senator": true, "director": true, "chairman": true, "aide": true,
	"adviser": true, "advisor": true, "envoy": true, "general": true, "colonel": true, "officer": true,
	"head": true, "representative": true, "lawmaker": true, "prosecutor": true, "judge": true, "candidate": true,
	"nominee": true, "manager": true, "strategist": true, "attorney": true, "lawyer": true, "commissioner": true,
}

// antecedent is the noun phrase right before a relative "who" ("A senior
// official of the KRG, who …"): back to the comma or semicolon before it,
// in the same sentence. a = b when there is none.
func antecedent(d *Doc, src tokSpan) (int, int) {
	end := src.a
	if end > 0 && d.Tokens[end-1].Text == "," {
		end--
	}
	start := end
	sent := sentIndex(d, src.a)
	for start > 0 && sentIndex(d, start-1) == sent && d.Tokens[start-1].Text != "," && d.Tokens[start-1].Text != ";" &&
		!isCloseQuote(d.Tokens[start-1].Text) && d.Tokens[start-1].Text != "\"" {
		start--
	}
	return start, end
}

// indefinite reports a source that does not say who ("a senior official",
// "one commander", "several diplomats").
func indefinite(low string) bool {
	for _, p := range []string{"a ", "an ", "one ", "another ", "some ", "several ", "two ", "three ", "many ",
		"four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ", "dozens ", "hundreds ", "thousands ",
		"numerous ", "few ", "a few "} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// "38 White House conservatives"
	f := strings.Fields(low)
	return len(f) > 1 && strings.TrimLeft(f[0], "0123456789,") == "" && strings.HasSuffix(f[len(f)-1], "s")
}

// strayWord reports a one-word "source" that cannot name a speaker: an
// adverb or interjection the tagger took for one ("please tell", "simply
// want").
func strayWord(d *Doc, s tokSpan) bool {
	if s.b-s.a != 1 {
		return false
	}
	w := d.Tokens[s.a].Text
	r, _ := utf8.DecodeRuneInString(w)
	return strings.HasSuffix(w, "ly") && unicode.IsLower(r) || strayWords[strings.ToLower(w)]
}

// timeOnly reports a "source" made only of time words ("last September",
// "Saturdays" with its apostrophe stripped).
func timeOnly(d *Doc, s tokSpan) bool {
	for i := s.a; i < s.b; i++ {
		w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(d.Tokens[i].Text, "’s"), "'s"))
		w = strings.TrimSuffix(w, "s")
		if w == "" || w == "'" || w == "’" {
			continue // the possessive of "Friday's"
		}
		if r, _ := utf8.DecodeRuneInString(w); !timeWords[w] && !monthWords[w] && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "last": true, "next": true, "this": true, "year": true, "week": true,
	"month": true, "yesterday": true, "today": true, "tomorrow": true, "morning": true, "evening": true, "night": true,
	"earlier": true, "later": true, "the": true, "on": true, "in": true}

var strayWords = map[string]bool{"please": true, "also": true, "then": true, "just": true, "now": true, "still": true,
	"even": true, "only": true, "never": true, "always": true, "often": true, "once": true, "here": true, "there": true,
	"let’s": true, "let's": true, "lets": true, "nothing": true}

// headlineCase reports a "source" that is a heading in title case ("Lot Of
// Evidence", "Hillary Knows She Is Guilty"): a capitalised pronoun,
// auxiliary or preposition after its first word, which names do not have
// ("Bank of America", "The New York Times").
func headlineCase(d *Doc, s tokSpan) bool {
	if s.b-s.a < 3 {
		return false
	}
	for i := s.a + 1; i < s.b; i++ {
		if headlineWords[d.Tokens[i].Text] {
			return true
		}
	}
	return false
}

var headlineWords = map[string]bool{"Is": true, "Are": true, "Was": true, "Were": true, "Has": true, "Have": true,
	"Had": true, "Might": true, "Will": true, "Would": true, "Can": true, "Could": true, "She": true, "He": true,
	"Her": true, "His": true, "They": true, "Their": true, "It": true, "Its": true, "To": true, "Of": true, "Who": true,
	"What": true, "Why": true, "How": true, "Knows": true, "Says": true, "Just": true, "Be": true, "Not": true}

var functionWords = map[string]bool{"a": true, "an": true, "the": true, "that": true, "this": true, "these": true,
	"those": true, "of": true, "to": true, "in": true, "and": true, "or": true, ",": true, "as": true}

// allFunctionWords reports a "source" that names nobody ("a", "that").
func allFunctionWords(d *Doc, s tokSpan) bool {
	for i := s.a; i < s.b; i++ {
		if !functionWords[strings.ToLower(d.Tokens[i].Text)] {
			return false
		}
	}
	return true
}
