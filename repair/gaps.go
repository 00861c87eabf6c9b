package repair

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slot says what grammatical position a gap occupies, which tells how
// likely it is that a name was cut out of it.
type Slot string

// Gap slots, from the most to the least telling.
const (
	SlotPossessive   Slot = "possessive"    // "  ’s message": X’s
	SlotNameContinue Slot = "name_continue" // "Abu Bakr   had": the rest of a name
	SlotTitle        Slot = "after_title"   // "President   said"
	SlotDeterminer   Slot = "after_determiner"
	SlotSubject      Slot = "before_verb"          // "   said on Monday"
	SlotPreposition  Slot = "after_preposition"    // "according to   ,"
	SlotQuote        Slot = "after_quote"          // "…,” ___ said"
	SlotQuoteMarks   Slot = "stripped_quote_marks" // "on  Fox & Friends  to": quotation marks, not a name
	SlotUnknown      Slot = "unknown"
)

// Gap is a place where a hyperlinked name (or other linked text) was
// stripped out, leaving a run of spaces. Start and End are byte offsets of
// the whitespace run in the original text. Left and Right are up to three
// words on each side. Restored is filled by attribution when the article
// names the missing entity elsewhere; repair never fills it.
type Gap struct {
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Left       string  `json:"left"`
	Right      string  `json:"right"`
	Slot       Slot    `json:"slot"`
	NameSlot   bool    `json:"name_slot"`
	Confidence float64 `json:"confidence"`
	// Restored is filled by the attribution stage when the article itself
	// names what was cut out; nil otherwise.
	Restored *Restored `json:"restored,omitempty"`
}

// Restored is a name the article suggests for a gap: the canonical name
// of an entity cluster, and how sure Sift is (0–1).
type Restored struct {
	Name       string  `json:"name"`
	Cluster    int     `json:"cluster"`
	Confidence float64 `json:"confidence"`
	// Reason says which evidence chose it: "name_completion" (the words
	// before the gap start a name the article completes elsewhere) or
	// "salience" (the most prominent other party at that point).
	Reason string `json:"reason"`
}

var slotConfidence = map[Slot]float64{
	SlotPossessive: 0.95, SlotNameContinue: 0.85, SlotTitle: 0.85, SlotQuote: 0.8,
	SlotDeterminer: 0.75, SlotSubject: 0.7, SlotPreposition: 0.6, SlotUnknown: 0.3, SlotQuoteMarks: 0.1,
}

var (
	determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its",
		"our", "my", "your", "whose")
	prepositions = set("by", "with", "of", "to", "from", "for", "about", "against", "on", "at", "like",
		"between", "and", "or", "as", "than", "via", "including", "into", "toward", "towards", "under",
		"behind", "after", "before", "over", "named", "called", "dubbed", "told", "leader", "spokesman")
	gapVerbs = set("said", "says", "told", "tells", "added", "wrote", "writes", "claimed", "claims",
		"argued", "argues", "noted", "warned", "denied", "stated", "explained", "insisted", "announced",
		"has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can", "did", "does",
		"who", "also", "later", "then", "recently", "reportedly", "himself", "herself")
	gapTitles = set("president", "minister", "secretary", "senator", "sen", "rep", "representative",
		"governor", "gov", "mr", "mrs", "ms", "dr", "gen", "general", "col", "colonel", "spokesman",
		"spokeswoman", "chief", "leader", "commander", "caliph", "sheikh", "king", "prince", "judge",
		"mayor", "ambassador", "director", "chairman", "ceo", "pope", "lt", "sgt", "capt", "adm", "prof")
)

// quoteVerbs are the speech verbs that follow a quotation ("…,” said
// Smith) and sentenceWords the words that open a sentence but never a
// name: after a stripped opening mark ("replied,  Would I …").
var (
	quoteVerbs = set("said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks",
		"replied", "replies", "continued", "explained", "insisted", "noted", "tweeted", "posted", "stated")
	sentenceWords = set("i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "the", "a",
		"an", "what", "why", "how", "who", "where", "when", "can", "could", "would", "will", "should", "do",
		"does", "did", "is", "are", "was", "were", "let", "if", "but", "and", "so", "no", "yes", "our", "my",
		"your", "there", "here", "just", "not", "please", "thank", "very", "all", "now", "oh", "well")
	// nounDeterminers open a noun phrase: a preposition's object that
	// starts with one was not cut out
	nounDeterminers = set("a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our",
		"my", "your")
)

// strippedMark reports a gap that, in a text with no quotation marks
// left, is a stripped mark rather than a name: a closing mark before the
// speech verb and the speaker that attribute the quotation (",  said Erik
// Compton", ",  Trump wrote"), an opening one before a sentence's first word
// ("replied,  Would I …", "or  Am I …"), or one before a title or a
// noun phrase after a determiner or preposition ("on  Tonight with Don
// Lemon", "from  a bunch of emails").
func strippedMark(left, right []string, prev rune, slot Slot) bool {
	if len(right) == 0 {
		return false
	}
	r0 := strings.ToLower(strings.Trim(right[0], ".,;:!?"))
	afterPunct := strings.ContainsRune(",?!:", prev)
	switch {
	case afterPunct && quoteVerbs[r0] && len(right) > 1 && isCapitalised(right[1]):
		// the speaker follows the verb; "Yesterday,   said the war …"
		// lost its subject
		return true
	case afterPunct && len(right) > 1 && isCapitalised(right[0]) && quoteVerbs[strings.ToLower(strings.Trim(right[1], ".,;:"))]:
		return true
	case (afterPunct || slot == SlotPreposition || slot == SlotDeterminer) && isCapitalised(right[0]) && sentenceWords[r0]:
		return true
	case slot == SlotPreposition || slot == SlotDeterminer:
		if len(left) > 0 && strings.EqualFold(left[len(left)-1], "told") {
			return false // "told   the newspaper": the listener's name was cut
		}
		return isCapitalised(right[0]) || nounDeterminers[r0]
	}
	return false
}

// invertedAttribution reports a gap after a comma (or ? !) before a
// speech verb and the speaker it names: a name (",  said Erik Compton")
// or a short noun phrase that ends there (",  said the source, who …",
// ",  said the spokesman."). "Yesterday,   said the war was over" lost
// its subject.
func invertedAttribution(right []string, prev rune) bool {
	if !strings.ContainsRune(",?!", prev) || len(right) < 2 || !quoteVerbs[strings.ToLower(right[0])] {
		return false
	}
	if isCapitalised(right[1]) {
		return true
	}
	return len(right) == 3 && determiners[strings.ToLower(right[1])] && strings.ContainsAny(right[2][len(right[2])-1:], ",.")
}

// possessiveAt reports a possessive ending at the start of s: "’s
// message", "'s,", "’ " — not a word in quotes ("'script'").
func possessiveAt(s string) bool {
	for _, p := range []string{"’s", "'s"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
	}
	return strings.HasPrefix(s, "’ ") || strings.HasPrefix(s, "s’ ")
}

func isGapSpace(b byte) bool { return b == ' ' || b == '\t' }

// mayFollowSingleGap reports whether a single space before a byte c can
// be a gap: before a possessive ("’s", "'s", "s’ ": possessiveAt) or
// before punctuation (danglingBeforePunct). 0xE2 starts "’".
func mayFollowSingleGap(c byte) bool {
	switch c {
	case 0xE2, '\'', 's', ',', '.', ';', ':':
		return true
	}
	return false
}

// findGaps reports runs of two or more spaces inside a line (or one or
// more at a line start before a possessive) that mark stripped names.
// Double spaces after sentence-final punctuation, indentation and trailing
// space are typography, not gaps; long runs (table alignment) are ignored.
// apostrophes says the text lost its apostrophes ("That s", "don t",
// which the apostrophe rule put back): its other marks went the same way.
//
// It also returns each gap's span in text, and whether the text lost its
// quotation marks.
func findGaps(text string, m *OffsetMap, apostrophes bool) ([]Gap, [][2]int, bool) {
	var gaps []Gap
	var cleanEnds [][2]int // gap spans in the clean text
	var ctx []gapContext
	for i := 0; i < len(text); i++ {
		if !isGapSpace(text[i]) {
			continue
		}
		j := i
		for j < len(text) && isGapSpace(text[j]) {
			j++
		}
		start, end := i, j
		i = j - 1
		lineStart := start == 0 || text[start-1] == '\n' || text[start-1] == '\r'
		lineEnd := end >= len(text) || text[end] == '\n' || text[end] == '\r'
		if lineEnd || end-start > 6 {
			continue
		}
		right := text[end:]
		if end-start == 1 && !lineStart && !mayFollowSingleGap(right[0]) {
			continue // one space between words: the common case, decided on one byte
		}
		possessive := possessiveAt(right)
		nr, _ := utf8.DecodeRuneInString(right)
		if lineStart && !possessive && !unicode.IsLower(nr) {
			continue // indentation before a capital; "   said …" at a line start is a gap
		}
		if end-start < 2 && !possessive && !lineStart && !danglingBeforePunct(text[:start], right) {
			continue
		}
		prevRune, _ := utf8.DecodeLastRuneInString(text[:start])
		nextRune, _ := utf8.DecodeRuneInString(right)
		if !possessive && strings.ContainsRune(".!?:;", prevRune) && (unicode.IsUpper(nextRune) || strings.ContainsRune("“\"‘(", nextRune)) {
			continue // two spaces between sentences
		}
		if !possessive && strings.ContainsRune("”\"’", prevRune) && (unicode.IsUpper(nextRune) || strings.ContainsRune("“\"‘", nextRune)) {
			// "… personally.”  The poll": two spaces after a quotation
			// that ends its sentence
			if body := strings.TrimRight(text[:start], "”\"’"); body != "" && strings.ContainsRune(".!?", rune(body[len(body)-1])) {
				continue
			}
		}
		lw := lastWords(text[:start], 3)
		rw := firstWords(right, 3)
		if len(lw) > 0 && strings.EqualFold(lw[len(lw)-1], "copyright") {
			continue // "Copyright   2018": a stripped © sign, not a name
		}
		slot := classifyGap(lw, rw, prevRune, possessive)
		switch {
		case len(rw) > 0 && strings.HasPrefix(rw[0], "(@"):
			slot = SlotQuoteMarks // "Laura P   (@handle)": an emoji stripped before a tweet's handle
		case !possessive && invertedAttribution(rw, prevRune):
			slot = SlotQuoteMarks // ",  said the source, who …": the speaker follows the verb
		case len(rw) > 0 && (strings.HasPrefix(rw[0], "...") || strings.HasPrefix(rw[0], "…")),
			len(lw) > 0 && (strings.HasSuffix(lw[len(lw)-1], "...") || strings.HasSuffix(lw[len(lw)-1], "…")):
			slot = SlotUnknown // spacing around an ellipsis
		case slot == SlotQuote && len(rw) > 0 && isCapitalised(rw[0]):
			slot = SlotUnknown // "…,”  Justin Antonipillai, an official, said": the name is there
		}
		ctx = append(ctx, gapContext{lw, rw, prevRune, possessive})
		s, e := m.Span(start, end)
		gaps = append(gaps, Gap{
			Start: s, End: e,
			Left: strings.Join(lw, " "), Right: strings.Join(rw, " "),
			Slot: slot, NameSlot: slot != SlotUnknown && slot != SlotQuoteMarks, Confidence: slotConfidence[slot],
		})
		cleanEnds = append(cleanEnds, [2]int{start, end})
	}
	// A text whose quotation marks were stripped (none left, or a stray
	// few in code or a URL against many gaps): gaps there are marks as
	// often as names
	marks := 0
	if len(gaps) > 0 {
		for _, q := range []string{"\"", "“", "”", "«", "»"} {
			marks += strings.Count(text, q)
		}
	}
	stripped := len(gaps) > 0 && (marks == 0 || 2*marks < len(gaps) || apostrophes)
	if !stripped {
		return gaps, cleanEnds, false
	}
	for i, c := range ctx {
		if !c.possessive && gaps[i].Slot != SlotQuoteMarks && strippedMark(c.left, c.right, c.prev, gaps[i].Slot) {
			gaps[i].Slot, gaps[i].NameSlot, gaps[i].Confidence = SlotQuoteMarks, false, slotConfidence[SlotQuoteMarks]
		}
	}
	markQuotePairs(text, gaps, cleanEnds)
	if len(gaps) >= 3 || apostrophes {
		// quotation marks (or apostrophes) were stripped along with
		// whatever else: a gap
		// where a name or a mark could have stood stays unexplained; only
		// a possessive, a name cut short and a title still want a name
		for i := range gaps {
			switch c := ctx[i]; gaps[i].Slot {
			case SlotTitle:
				// "the president  as saying", "as secretary   a …": a title
				// in lower case or after a determiner is a noun, not the
				// start of a name
				l := c.left
				if isCapitalised(l[len(l)-1]) && (len(l) < 2 || !determiners[strings.ToLower(l[len(l)-2])]) {
					continue
				}
			case SlotNameContinue:
				// "Noam Chomsky  On Western Terrorism", "Mario Tama  / Getty
				// Images": a mark or a credit, not the rest of a name; nor
				// is "Andrea Tantaros  lawsuit" (a stripped "’s"): a name
				// was cut before a verb ("Abu Bakr  had fled")
				if len(c.right) > 0 && verbLike(c.right[0]) {
					continue
				}
			case SlotPossessive, SlotQuoteMarks:
				continue
			}
			gaps[i].NameSlot, gaps[i].Confidence = false, slotConfidence[SlotUnknown]
		}
	}
	return gaps, cleanEnds, marks == 0
}

// verbLike reports a lower-case word that can follow a subject: an
// auxiliary, an adverb that goes before verbs, or a past or present
// tense form ("fled", "announced", "says").
func verbLike(w string) bool {
	w = strings.Trim(w, ".,;:!?")
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
		return false
	}
	switch w {
	case "had", "has", "have", "was", "is", "were", "are", "will", "would", "could", "can", "may", "might",
		"should", "must", "did", "does", "also", "then", "later", "reportedly", "allegedly", "never", "still",
		"himself", "herself", "who", "fled", "said", "told", "met", "left", "took", "made", "gave", "went",
		"came", "ran", "won", "lost", "sent", "led", "wrote", "spoke", "became", "began", "got", "saw":
		return true
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ies") && len(w) > 4
}

// gapContext is what a gap was classified by.
type gapContext struct {
	left, right []string
	prev        rune
	possessive  bool
}

// markQuotePairs recognises the other damage that leaves runs of spaces
// in a text whose quotation marks were stripped: two gaps on one line
// around a short phrase ("appeared on  Fox & Friends  to") are the two
// marks, not names.
func markQuotePairs(text string, gaps []Gap, at [][2]int) {
	const most = 12 // words between two marks
	n := len(gaps)
	if n < 2 {
		return
	}
	// The pairing of consecutive gaps with the most pairs, and among
	// those the shortest quoted phrases: "Prince Rogers Nelson   known
	// simply as  Prince    suddenly died" quotes "Prince", not "known
	// simply as"; "on  Fox & Friends  and  CNN  today" quotes both names,
	// not "and". pairs[i], words[i] score the best pairing of gaps i…;
	// take[i] says whether it pairs gap i with gap i+1.
	pairs := make([]int, n+1)
	words := make([]int, n+1)
	take := make([]bool, n)
	for i := n - 2; i >= 0; i-- {
		pairs[i], words[i] = pairs[i+1], words[i+1]
		w := lineWords(text[at[i][1]:at[i+1][0]], most)
		if gaps[i].Slot == SlotPossessive || w > most {
			continue
		}
		p, ws := 1+pairs[i+2], w+words[i+2]
		if p > pairs[i] || p == pairs[i] && ws < words[i] {
			pairs[i], words[i], take[i] = p, ws, true
		}
	}
	for i := 0; i+1 < n; i++ {
		if !take[i] {
			continue
		}
		for _, k := range []int{i, i + 1} {
			gaps[k].Slot, gaps[k].NameSlot, gaps[k].Confidence = SlotQuoteMarks, false, slotConfidence[SlotQuoteMarks]
		}
		i++
	}
}

// lineWords counts the words of s, reading no further than it must: n+1
// when s has more than n words or a line break.
func lineWords(s string, n int) int {
	words, in := 0, false
	for _, r := range s {
		if r == '\n' || r == '\r' {
			return n + 1
		}
		sp := unicode.IsSpace(r)
		if !sp && !in {
			if words++; words > n {
				return n + 1
			}
		}
		in = !sp
	}
	return words
}

func classifyGap(left, right []string, prev rune, possessive bool) Slot {
	if possessive {
		return SlotPossessive
	}
	var lw, rw string
	if len(left) > 0 {
		lw = left[len(left)-1]
	}
	if len(right) > 0 {
		rw = right[0]
	}
	lwl := strings.ToLower(strings.Trim(lw, ".,"))
	rwl := strings.ToLower(strings.Trim(rw, ".,"))
	// "the ambassador,  former …", "get used to this,  Scalia found": a
	// comma ends the phrase a title, determiner or name would go on in
	open := lw != "" && !strings.ContainsAny(lw[len(lw)-1:], ",;:")
	switch {
	case prev == '”' || prev == '"' || strings.HasSuffix(lw, ",”") || strings.HasSuffix(lw, ",\""):
		return SlotQuote
	case gapTitles[lwl] && open:
		return SlotTitle
	case determiners[lwl] && open:
		if isCapitalised(rw) {
			// "with the  Washington Examiner": the name is there
			return SlotUnknown
		}
		return SlotDeterminer
	case prepositions[lwl] && open:
		return SlotPreposition
	case isCapitalised(lw) && open && len(left) >= 2 && !strings.HasSuffix(left[len(left)-2], "."):
		return SlotNameContinue
	case gapVerbs[rwl]:
		return SlotSubject
	case rw != "" && strings.ContainsRune(",.;:)", rune(rw[0])):
		// "according to   ," or "met with   ." : something nominal ended here
		if lw != "" {
			return SlotPreposition
		}
	}
	return SlotUnknown
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lastLine is what the gap finder reads before a gap: the last line of
// s, within its last 160 bytes.
func lastLine(s string) string {
	if len(s) > 160 {
		cut := len(s) - 160
		for cut < len(s) && !utf8.RuneStart(s[cut]) {
			cut++
		}
		s = s[cut:]
	}
	if k := strings.LastIndexAny(s, "\n\r"); k >= 0 {
		s = s[k+1:]
	}
	return s
}

// firstLine is what the gap finder reads after a gap: the first line of
// s, within its first 160 bytes.
func firstLine(s string) string {
	if len(s) > 160 {
		cut := 160
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	if k := strings.IndexAny(s, "\n\r"); k >= 0 {
		s = s[:k]
	}
	return s
}

// lastWords returns up to n whitespace-separated words at the end of s,
// within its last line.
func lastWords(s string, n int) []string {
	s = lastLine(s)
	// the last n of strings.Fields(s), read from the end
	f := make([]string, n)
	k := n
	for k > 0 {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		b := strings.LastIndexFunc(s, unicode.IsSpace)
		if b >= 0 {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
		} else {
			b = 0
		}
		k--
		f[k], s = s[b:], s[:b]
	}
	return f[k:]
}

// firstWords returns up to n words at the start of s, within its first line.
func firstWords(s string, n int) []string {
	s = firstLine(s)
	// the first n of strings.Fields(s)
	f := make([]string, 0, n)
	for len(f) < n {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		e := strings.IndexFunc(s, unicode.IsSpace)
		if e < 0 {
			e = len(s)
		}
		f, s = append(f, s[:e]), s[e:]
	}
	return f
}

// danglingBeforePunct reports whether a single space sits between a word
// that needs an object (a preposition, determiner or title) and
// punctuation: "according to , he" lost the name in between.
func danglingBeforePunct(before, right string) bool {
	if right == "" || strings.IndexByte(",.;:", right[0]) < 0 {
		return false
	}
	lw := lastWords(before, 1)
	if len(lw) == 0 {
		return false
	}
	w := strings.ToLower(lw[0])
	return prepositions[w] || determiners[w] || gapTitles[w]
}
