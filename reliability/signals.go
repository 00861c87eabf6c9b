package reliability

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Signal is one transparent credibility cue: a number and the spans of
// text that produced it.
type Signal struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	// Spans are byte ranges into the text the signal was read from (at
	// most 20 are kept).
	Spans [][2]int `json:"spans,omitempty"`
	// Help says what the number is.
	Help string `json:"help"`
}

type lexSignal struct {
	name, help string
	words      map[string]bool
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var lexSignals = []lexSignal{
	{"first_person", "first-person pronouns per 100 words", set("i", "me", "my", "mine", "we", "us", "our", "ours")},
	{"second_person", "second-person pronouns per 100 words", set("you", "your", "yours", "ya")},
	{"hedges", "hedges (reportedly, allegedly, may, might…) per 100 words", set("reportedly", "allegedly", "apparently", "may", "might", "could", "possibly", "perhaps", "rumored", "rumoured", "supposedly", "seemingly", "likely", "unconfirmed")},
	{"intensifiers", "intensifiers (very, totally, absolutely…) per 100 words", set("very", "really", "totally", "absolutely", "completely", "extremely", "literally", "truly", "incredibly", "utterly", "so", "huge", "massive", "entire")},
	{"loaded_words", "loaded or emotive words (shocking, outrageous, slams…) per 100 words", set("shocking", "shocked", "disgusting", "outrageous", "horrifying", "insane", "destroy", "destroys", "destroyed", "slams", "slammed", "blasts", "blasted", "exposed", "exposes", "evil", "corrupt", "crooked", "liar", "lies", "disgrace", "disgraceful", "pathetic", "stupid", "idiot", "hilarious", "epic", "brutal", "furious", "terrifying", "bombshell", "unbelievable", "incredible", "amazing", "breaking", "traitor", "treason", "hoax", "rigged", "propaganda", "regime", "thug", "thugs")},
	{"attribution_words", "attribution cues (said, told, according to…) per 100 words", set("said", "says", "told", "according", "stated", "added", "reported", "announced", "spokesman", "spokeswoman", "statement")},
	{"anonymous_sources", "anonymous sourcing (sources, officials, insiders) per 100 words", set("sources", "source", "insiders", "insider", "officials", "anonymous", "unnamed")},
}

// Attribution is one quotation the attribution stage found, as the
// sourcing signals read it.
type Attribution struct {
	Start, End int // the quotation, byte offsets into the text
	// SpeakerKind is person, organization, anonymous, media, document
	// or unknown (as in quote.Speaker.Kind).
	SpeakerKind string
}

// Sourcing is what the attribution stage found in an article. A nil
// *Sourcing means the stage did not run: the sourcing signals then carry
// no evidence either way.
type Sourcing struct {
	Attributions []Attribution
}

// Signals reads the article's credibility cues. Offsets refer to text;
// src (nil when the attribution stage did not run) gives the sourcing
// signals.
func Signals(title, text string, src *Sourcing) []Signal {
	type wordPos struct {
		w          string
		start, end int
	}
	var ws []wordPos
	for _, sp := range wordSpans(text) {
		ws = append(ws, wordPos{text[sp[0]:sp[1]], sp[0], sp[1]})
	}
	n := float64(max(len(ws), 1))
	per100 := func(c int) float64 { return 100 * float64(c) / n }
	var out []Signal
	addSpan := func(s *Signal, a, b int) {
		if len(s.Spans) < 20 {
			s.Spans = append(s.Spans, [2]int{a, b})
		}
	}
	lower := make([]string, len(ws))
	for i, w := range ws {
		lower[i] = strings.ToLower(w.w)
	}
	for _, ls := range lexSignals {
		s := Signal{Name: ls.name, Help: ls.help}
		c := 0
		for i, w := range ws {
			if ls.words[lower[i]] {
				c++
				addSpan(&s, w.start, w.end)
			}
		}
		s.Value = per100(c)
		out = append(out, s)
	}
	caps := Signal{Name: "all_caps_words", Help: "words in capitals (2+ letters, not acronyms of ≤3) per 100 words"}
	nums := Signal{Name: "numbers", Help: "numbers per 100 words"}
	cc, nc, letters := 0, 0, 0
	for _, w := range ws {
		up, low := 0, 0
		for _, r := range w.w {
			if unicode.IsUpper(r) {
				up++
			} else if unicode.IsLower(r) {
				low++
			}
		}
		letters += utf8.RuneCountInString(w.w)
		if up >= 4 && low == 0 {
			cc++
			addSpan(&caps, w.start, w.end)
		}
		if r, _ := utf8.DecodeRuneInString(w.w); unicode.IsDigit(r) {
			nc++
			addSpan(&nums, w.start, w.end)
		}
	}
	caps.Value, nums.Value = per100(cc), per100(nc)
	out = append(out, caps, nums)
	punct := func(name, help string, marks string) Signal {
		s := Signal{Name: name, Help: help}
		c := 0
		for i, r := range text {
			if strings.ContainsRune(marks, r) {
				c++
				addSpan(&s, i, i+utf8.RuneLen(r))
			}
		}
		s.Value = per100(c)
		return s
	}
	out = append(out,
		punct("exclamations", "exclamation marks per 100 words", "!"),
		punct("questions", "question marks per 100 words", "?"),
		punct("quotation_marks", "quotation marks per 100 words (quoted speech)", "“”\""),
	)
	out = append(out,
		Signal{Name: "length", Value: math.Log1p(float64(len(ws))), Help: "log(1 + words)"},
		Signal{Name: "word_length", Value: float64(letters) / n, Help: "mean word length in letters"},
	)
	// title
	tw := strings.Fields(title)
	tcaps := 0
	for _, w := range tw {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			tcaps++
		}
	}
	tc := 0.0
	if len(tw) > 0 {
		tc = float64(tcaps) / float64(len(tw))
	}
	lt := strings.ToLower(title)
	click := 0.0
	for _, p := range []string{"you won't believe", "you will not believe", "what happened next", "this is why", "here's why", "here is why", "the reason why", "shocking", "watch", "breaking", "just", "must see", "goes viral", "jaw-dropping"} {
		if strings.Contains(lt, p) {
			click = 1
		}
	}
	if len(tw) > 0 {
		if r, _ := utf8.DecodeRuneInString(tw[0]); unicode.IsDigit(r) {
			click = 1
		}
	}
	out = append(out,
		Signal{Name: "title_capitalised", Value: tc, Help: "share of title words starting with a capital"},
		Signal{Name: "title_length", Value: float64(len(tw)), Help: "title length in words"},
		Signal{Name: "title_punctuation", Value: float64(strings.Count(title, "!") + strings.Count(title, "?")), Help: "! and ? in the title"},
		Signal{Name: "title_clickbait", Value: click, Help: "clickbait title pattern (number first, \"you won't believe\", \"watch\"…)"},
	)
	return append(out, sourcingSignals(src, n, addSpan)...)
}

// sourcingSignals reads the quotations and their speakers: how much of
// the article is attributed speech, and whose.
func sourcingSignals(src *Sourcing, words float64, addSpan func(s *Signal, a, b int)) []Signal {
	quotes := Signal{Name: "quotations", Help: "quotations and reported statements (attribution stage) per 100 words"}
	named := Signal{Name: "named_source_share", Help: "share of quotations whose speaker is a named person, organisation, outlet or document"}
	anon := Signal{Name: "anonymous_source_share", Help: "share of quotations whose speaker is anonymous (\"sources\", \"officials\")"}
	unknown := Signal{Name: "unknown_source_share", Help: "share of quotations whose speaker could not be found"}
	if src != nil && len(src.Attributions) > 0 {
		var nn, na, nu int
		for _, a := range src.Attributions {
			addSpan(&quotes, a.Start, a.End)
			switch a.SpeakerKind {
			case "anonymous":
				na++
				addSpan(&anon, a.Start, a.End)
			case "unknown", "":
				nu++
				addSpan(&unknown, a.Start, a.End)
			default:
				nn++
				addSpan(&named, a.Start, a.End)
			}
		}
		n := float64(len(src.Attributions))
		quotes.Value = 100 * n / words
		named.Value, anon.Value, unknown.Value = float64(nn)/n, float64(na)/n, float64(nu)/n
	}
	return []Signal{quotes, named, anon, unknown}
}

// sourcingSignal reports whether signal name is read from the
// attribution stage.
func sourcingSignal(name string) bool {
	switch name {
	case "quotations", "named_source_share", "anonymous_source_share", "unknown_source_share":
		return true
	}
	return false
}

// NumSignals is how many signals Signals returns.
var NumSignals = len(Signals("", "", nil))
