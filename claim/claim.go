// Package claim turns an article's attributed statements into normalised
// claims — who is where, who is alive, who holds an office, who controls a
// place, how many were killed or remain, what someone did or did not do —
// and relates them: claims from different sources that cannot both be
// true (one source says a leader has fled a city, another that he is still
// there; 6,000 fighters remain against 1,000) and claims that corroborate
// each other.
package claim

import (
	"sort"
	"strings"

	"github.com/siftnews/sift/count"
	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/quote"
	"github.com/siftnews/sift/when"
)

// Predicate classes.
const (
	Location = "location" // present / absent (at Place)
	Vital    = "vital"    // alive / dead
	Custody  = "custody"  // detained / free
	Office   = "office"   // in_office / out_of_office
	Control  = "control"  // controls / lost_control (Subject is the place, Object the controller)
	Number   = "count"    // Count of Subject (what is counted) with State the measure (killed, remaining…)
	Event    = "event"    // Subject did (or did not do) Object
)

// Claim is one normalised statement with its source and evidence.
type Claim struct {
	// Subject is what the claim is about: the canonical name of an
	// entity, the place of a control claim, or what a count counts.
	Subject string `json:"subject"`
	// Cluster indexes Analysis.Clusters when the subject is an entity, or
	// is -1.
	Cluster int `json:"cluster"`
	// Predicate is the class of the claim: location, vital, custody,
	// office, control, count or event.
	Predicate string `json:"predicate"`
	// State is what is claimed: present/absent (at a place), alive/dead,
	// detained/free, in_office/out_of_office, controls/lost_control, the
	// measure of a count (killed, wounded, displaced, remaining,
	// reported…), did/did_not for events.
	State string `json:"state"`
	// Place is the place a presence claim is about, when named.
	Place string `json:"place,omitempty"`
	// Object is the controller of a control claim or the action of an
	// event claim ("rejected the offer").
	Object string `json:"object,omitempty"`
	// Count is the number of a count claim.
	Count *Count `json:"count,omitempty"`
	// Polarity is negative when the claim denies ("has not left", "did
	// not attend"), else positive.
	Polarity string `json:"polarity"`
	// Modality is hedged when the statement hedges (may, reportedly,
	// believed…), else asserted.
	Modality string `json:"modality"`
	// Time is the date (ISO 8601) of a date expression in the statement,
	// resolved against the publication date.
	Time string `json:"time,omitempty"`
	// Evidence is the words that carry the claim ("has fled", "still in").
	Evidence string `json:"evidence"`
	// Quote indexes Analysis.Quotes; Source names who made the claim.
	Quote  int    `json:"quote"`
	Source string `json:"source"`
	// Start and End span the quotation the claim comes from.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Count is the number of a count claim: Value, or the range Value–High;
// Qualifier is the hedge as written ("more than", "about").
type Count struct {
	Value     float64 `json:"value"`
	High      float64 `json:"high,omitempty"`
	Qualifier string  `json:"qualifier,omitempty"`
}

// Conflict pairs two claims that cannot both be true (in Conflicts) or
// that corroborate each other (in Agreements), with the reason.
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

// Input is what Extract reads: the attribution stage's document and
// results, and a map of clusters known to be the same entity (from gap
// restoration: "Abu Bakr ___" completed by "Baghdadi").
type Input struct {
	Quote  quote.Input
	Quotes []quote.Quote
	// Same maps a cluster to the cluster it is the same entity as.
	Same map[int]int
	// Counts and Dates of the article, in the same offsets as the
	// quotations.
	Counts []count.Count
	Dates  []when.Mention
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

// Extract reads claims from the article's quotations. Offsets are those
// of the quotations (Doc.Text offsets as given by quote.Find).
func Extract(in Input) []Claim {
	var out []Claim
	for qi, q := range in.Quotes {
		if len(q.Text) > 4000 {
			continue // not a statement a claim could be read from
		}
		low := strings.ToLower(q.Text)
		words := strings.FieldsFunc(low, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’')
		})
		base := Claim{Quote: qi, Start: q.Start, End: q.End, Source: sourceOf(q), Polarity: "positive", Modality: "asserted",
			Time: timeOf(in, q)}
		if hedged(words) {
			base.Modality = "hedged"
		}
		n := len(out)
		if c, ok := stateClaim(in, q, words, base); ok {
			out = append(out, c)
		}
		if c, ok := controlClaim(in, q, words, base); ok {
			out = append(out, c)
		}
		out = append(out, countClaims(in, q, base)...)
		if len(out) == n {
			if c, ok := eventClaim(in, q, base); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

func sourceOf(q quote.Quote) string {
	if q.Speaker.Name != "" {
		return q.Speaker.Name
	}
	if q.Speaker.TextSpan != nil && q.Speaker.Text != "" {
		return q.Speaker.Text
	}
	return q.Speaker.Kind
}

var hedges = set("may", "might", "could", "reportedly", "allegedly", "possibly", "perhaps", "believed", "apparently",
	"likely", "unconfirmed", "supposedly", "probably", "suspected", "appears", "seems", "rumoured", "rumored")

var negators = set("not", "never", "no", "n't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "isn't",
	"wasn't", "weren't", "won't", "wouldn't", "cannot", "can't", "nor", "neither")

func set(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func hedged(words []string) bool {
	for _, w := range words {
		if hedges[w] {
			return true
		}
	}
	return false
}

// timeOf is the value of the first resolved date inside the quotation.
func timeOf(in Input, q quote.Quote) string {
	ds := in.Dates
	for i := sort.Search(len(ds), func(i int) bool { return ds[i].Start >= q.Start }); i < len(ds) && ds[i].Start < q.End; i++ {
		if ds[i].End <= q.End && ds[i].Value != "" {
			return ds[i].Value
		}
	}
	return ""
}

// PredicateOf is the predicate class of a state ("" when unknown).
func PredicateOf(state string) string { return statePredicate[state] }

var statePredicate = map[string]string{"present": Location, "absent": Location, "dead": Vital, "alive": Vital,
	"detained": Custody, "free": Custody, "in_office": Office, "out_of_office": Office}

// stateClaim reads where someone is, whether alive, held, in office.
func stateClaim(in Input, q quote.Quote, words []string, c Claim) (Claim, bool) {
	for _, cue := range stateCues {
		if containsSeq(words, cue.words) {
			c.State, c.Evidence = cue.state, strings.Join(cue.words, " ")
			break
		}
	}
	if c.State == "" {
		return c, false
	}
	subj := subjectOf(in, q)
	if subj < 0 {
		return c, false
	}
	cl := in.Quote.Clusters[subj]
	c.Subject, c.Cluster, c.Predicate = cl.Name, cl.ID, statePredicate[c.State]
	for _, w := range strings.Fields(c.Evidence) {
		if negators[w] || w == "longer" {
			c.Polarity = "negative"
		}
	}
	if c.Predicate == Location {
		c.Place = placeOf(in, q)
	}
	return c, true
}

func containsSeq(ws, seq []string) bool { return indexSeq(ws, seq) >= 0 }

// entitiesIn lists the entities inside [start, end) of the text.
// Entities are in text order: binary search for the first one.
func entitiesIn(in Input, start, end int) []entity.Entity {
	es := in.Quote.Entities
	var out []entity.Entity
	for i := sort.Search(len(es), func(i int) bool { return es[i].Start >= start }); i < len(es) && es[i].Start < end; i++ {
		if es[i].End <= end {
			out = append(out, es[i])
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
		// also someone described by a role, without a name: "IS leader
		// has fled", "the minister has not resigned"
		if !mentionsRole(low) {
			return -1
		}
	}
	// "the minister": the person whose title or role is that noun
	if c := byRole(in, low, speaker); c >= 0 {
		return c
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

var roleNouns = []string{"leader", "minister", "president", "commander", "chief", "general", "governor", "mayor", "premier",
	"chairman", "director", "spokesman", "spokeswoman", "prime minister", "king", "emir", "caliph"}

// byRole is the person (other than the speaker) whose title or role
// carries a role noun of the quotation, or -1.
func byRole(in Input, low string, speaker int) int {
	for _, r := range roleNouns {
		if !strings.Contains(low, " "+r) {
			continue
		}
		for _, c := range in.Quote.Clusters {
			if c.Type != "PER" || in.canon(c.ID) == speaker {
				continue
			}
			for _, sp := range append(append([]entity.Span(nil), c.Titles...), c.Roles...) {
				if strings.Contains(strings.ToLower(sp.Text), r) {
					return in.canon(c.ID)
				}
			}
		}
	}
	return -1
}

func mentionsRole(low string) bool {
	for _, r := range roleNouns {
		if strings.Contains(low, " "+r+" ") || strings.Contains(low, " "+r+"’s") || strings.Contains(low, " "+r+"'s") {
			return true
		}
	}
	return false
}
