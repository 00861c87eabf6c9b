// Package claim turns an article's attributed statements into claims about
// entities — who is where, who is alive, who holds an office — and finds
// the claims that contradict each other: one source says a leader has fled
// a city, another that he is still there.
package claim

import (
	"sort"
	"strings"

	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/quote"
)

// Claim is one statement about an entity's state, with its source.
type Claim struct {
	// Subject is the canonical name of the entity the claim is about.
	Subject string `json:"subject"`
	Cluster int    `json:"cluster"`
	// State is what is claimed: present/absent (at a place), alive/dead,
	// detained/free, in_office/out_of_office.
	State string `json:"state"`
	// Place is the place a presence claim is about, when named.
	Place string `json:"place,omitempty"`
	// Evidence is the words that carry the state ("has fled", "still in").
	Evidence string `json:"evidence"`
	// Quote indexes Analysis.Quotes; Source names who made the claim.
	Quote  int    `json:"quote"`
	Source string `json:"source"`
	// Start and End span the quotation the claim comes from.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Conflict pairs two claims that cannot both be true.
type Conflict struct {
	About  string `json:"about"`
	A      int    `json:"a"` // index into claims
	B      int    `json:"b"`
	Reason string `json:"reason"`
}

type cue struct {
	words []string
	state string
}

// stateCues are checked longest first; negated forms come before the plain
// ones they contain ("no longer in" before "in").
var stateCues = func() []cue {
	raw := map[string][]string{
		"absent": {"has fled", "had fled", "fled", "has left", "had left", "left", "escaped", "no longer in", "is not in", "not in",
			"gone from", "pulled out of", "withdrew from", "has gone", "moved to", "fled to"},
		"present": {"is still in", "still in", "remains in", "remained in", "is still there", "still there", "is in", "inside",
			"has not left", "hasn't left", "never left", "is hiding in", "holed up in"},
		"dead":          {"was killed", "has been killed", "is dead", "died", "was shot dead", "killed in"},
		"alive":         {"is alive", "still alive", "survived", "is not dead"},
		"detained":      {"was arrested", "has been arrested", "detained", "in custody", "was captured"},
		"free":          {"was released", "has been released", "is free", "was freed", "remains at large", "at large"},
		"out_of_office": {"resigned", "has resigned", "stepped down", "was fired", "was sacked", "quit"},
		"in_office":     {"remains in office", "has not resigned", "will not resign", "is staying on"},
	}
	var out []cue
	for state, ps := range raw {
		for _, p := range ps {
			out = append(out, cue{strings.Fields(p), state})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].words) != len(out[j].words) {
			return len(out[i].words) > len(out[j].words)
		}
		return strings.Join(out[i].words, " ") < strings.Join(out[j].words, " ")
	})
	return out
}()

var opposite = map[string]string{"present": "absent", "absent": "present", "dead": "alive", "alive": "dead",
	"detained": "free", "free": "detained", "out_of_office": "in_office", "in_office": "out_of_office"}

// Input is what Extract reads: the attribution stage's document and
// results, and a map of clusters known to be the same entity (from gap
// restoration: "Abu Bakr ___" completed by "Baghdadi").
type Input struct {
	Quote  quote.Input
	Quotes []quote.Quote
	// Same maps a cluster to the cluster it is the same entity as.
	Same map[int]int
}

func (in Input) canon(c int) int {
	for k := 0; k < 8; k++ {
		n, ok := in.Same[c]
		if !ok || n == c {
			return c
		}
		c = n
	}
	return c
}

// Extract reads state claims from the article's quotations. Offsets are
// those of the quotations (Doc.Text offsets as given by quote.Find).
func Extract(in Input) []Claim {
	var out []Claim
	for qi, q := range in.Quotes {
		if len(q.Text) > 4000 {
			continue // not a statement a state could be read from
		}
		low := strings.ToLower(q.Text)
		words := strings.FieldsFunc(low, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’')
		})
		state, evidence := "", ""
		for _, c := range stateCues {
			if containsSeq(words, c.words) {
				state, evidence = c.state, strings.Join(c.words, " ")
				break
			}
		}
		if state == "" {
			continue
		}
		subj := subjectOf(in, q)
		if subj < 0 {
			continue
		}
		cl := in.Quote.Clusters[subj]
		c := Claim{Subject: cl.Name, Cluster: cl.ID, State: state, Evidence: evidence, Quote: qi, Start: q.Start, End: q.End,
			Source: q.Speaker.Name}
		if c.Source == "" && q.Speaker.TextSpan != nil {
			c.Source = q.Speaker.Text
		}
		if c.Source == "" {
			c.Source = q.Speaker.Kind
		}
		if state == "present" || state == "absent" {
			c.Place = placeOf(in, q)
		}
		out = append(out, c)
	}
	return out
}

func containsSeq(ws, seq []string) bool {
	for i := 0; i+len(seq) <= len(ws); i++ {
		ok := true
		for k, w := range seq {
			if strings.ReplaceAll(ws[i+k], "’", "'") != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// entitiesIn lists the entities inside [start, end) of the text.
func entitiesIn(in Input, start, end int) []entity.Entity {
	var out []entity.Entity
	for _, e := range in.Quote.Entities {
		if e.Start >= start && e.End <= end {
			out = append(out, e)
		}
	}
	return out
}

// subjectOf is the person the quotation is about: a person named in it
// other than the speaker, else (for "he"/"she") the last person named
// before it other than the speaker.
func subjectOf(in Input, q quote.Quote) int {
	speaker := -1
	if q.Speaker.Cluster >= 0 {
		speaker = in.canon(q.Speaker.Cluster)
	}
	d := in.Quote.Doc
	for _, e := range entitiesIn(in, q.Start, q.End) {
		if e.Type != "PER" && e.Type != "ORG" || in.canon(e.Cluster) == speaker {
			continue
		}
		// "IS leader has fled": the claim is about the leader, a person
		if e.Type == "ORG" && roleAfter(d.Text, e.End) {
			continue
		}
		return in.canon(e.Cluster)
	}
	low := " " + strings.ToLower(q.Text) + " "
	if !strings.Contains(low, " he ") && !strings.Contains(low, " she ") && !strings.Contains(low, "“he ") &&
		!strings.Contains(low, "\"he ") && !strings.Contains(low, "“she ") && !strings.HasPrefix(strings.TrimSpace(low), "he ") {
		// also the leader described without a name: "IS leader has fled"
		if !strings.Contains(low, "leader") {
			return -1
		}
	}
	best := -1
	for _, e := range in.Quote.Entities {
		if e.End > q.Start {
			break
		}
		if e.Type == "PER" && in.canon(e.Cluster) != speaker {
			best = in.canon(e.Cluster)
		}
	}
	if best < 0 {
		// nobody named before: the most mentioned person of the article
		n := 0
		for _, c := range in.Quote.Clusters {
			if c.Type == "PER" && in.canon(c.ID) != speaker && len(c.Mentions) > n {
				best, n = in.canon(c.ID), len(c.Mentions)
			}
		}
	}
	return best
}

// roleAfter reports whether a role noun follows position i ("IS leader").
func roleAfter(text string, i int) bool {
	rest := strings.Fields(strings.ToLower(text[i:min(len(text), i+20)]))
	if len(rest) == 0 {
		return false
	}
	switch strings.Trim(rest[0], ".,;:’'s") {
	case "leader", "chief", "commander", "head", "spokesman", "spokeswoman", "founder", "boss":
		return true
	}
	return false
}

// placeOf names the place of a presence claim: a place in the quotation,
// or for "there"/"the city"/"the town", the place most mentioned before it.
func placeOf(in Input, q quote.Quote) string {
	for _, e := range entitiesIn(in, q.Start, q.End) {
		if e.Type == "LOC" {
			return in.Quote.Clusters[e.Cluster].Name
		}
	}
	low := strings.ToLower(q.Text)
	if !strings.Contains(low, "there") && !strings.Contains(low, "the city") && !strings.Contains(low, "the town") {
		return ""
	}
	count := map[int]int{}
	for _, e := range in.Quote.Entities {
		if e.End > q.Start {
			break
		}
		if e.Type == "LOC" {
			count[e.Cluster]++
		}
	}
	best, n := -1, 0
	for c, k := range count {
		if k > n || k == n && c < best {
			best, n = c, k
		}
	}
	if best < 0 {
		return ""
	}
	return in.Quote.Clusters[best].Name
}

// Conflicts pairs claims about the same entity (and place, when both name
// one) whose states are opposite, made by different sources.
func Conflicts(claims []Claim) []Conflict {
	var out []Conflict
	for i := range claims {
		for j := i + 1; j < len(claims); j++ {
			a, b := claims[i], claims[j]
			if a.Cluster != b.Cluster || opposite[a.State] != b.State || a.Source == b.Source {
				continue
			}
			if a.Place != "" && b.Place != "" && !strings.EqualFold(a.Place, b.Place) {
				continue
			}
			out = append(out, Conflict{About: a.Subject, A: i, B: j,
				Reason: a.Source + " says " + a.Subject + " " + phrase(a) + "; " + b.Source + " says " + phrase(b)})
		}
	}
	return out
}

func phrase(c Claim) string {
	s := strings.ReplaceAll(c.State, "_", " ")
	if c.Place != "" {
		s += " (" + c.Place + ")"
	}
	return s + ": “" + c.Evidence + "”"
}
