package claim

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Relation is how two claims stand to each other.
type Relation int

// Relations.
const (
	Unrelated Relation = iota
	Agree
	Contradict
)

// Compare tells whether two claims from different sources contradict or
// corroborate each other, and why. Claims are comparable when they have
// the same predicate and subject (the caller decides what "same subject"
// means: one cluster within an article, one name key across articles) and,
// where both give one, the same place and time. Contradictions: opposite
// states (fled / still there; dead / alive; controls / lost control; did /
// did not), two different controllers of one place, and counts of the same
// thing and measure whose ranges do not meet. Agreements: the same state,
// or counts whose ranges meet.
func Compare(a, b Claim) (Relation, string) {
	// b's source is named mid-sentence: "… and a senior official …"
	b.Source = midSentence(b.Source)
	return compare(a, b)
}

// midSentence writes a source's leading article in lower case ("A senior
// official" → "a senior official"), as it reads after the first words of
// a sentence.
func midSentence(src string) string {
	for _, art := range []string{"A ", "An ", "The "} {
		if strings.HasPrefix(src, art) {
			return strings.ToLower(art[:1]) + src[1:]
		}
	}
	return src
}

func compare(a, b Claim) (Relation, string) {
	if a.Predicate != b.Predicate || strings.EqualFold(a.Source, b.Source) {
		return Unrelated, ""
	}
	if a.Place != "" && b.Place != "" && !strings.EqualFold(a.Place, b.Place) {
		return Unrelated, ""
	}
	if a.Time != "" && b.Time != "" && a.Time != b.Time {
		return Unrelated, "" // different days: both may be true
	}
	switch a.Predicate {
	case Number:
		if a.State != b.State || a.Count == nil || b.Count == nil {
			return Unrelated, ""
		}
		alo, ahi := a.Count.bounds()
		blo, bhi := b.Count.bounds()
		if alo <= bhi && blo <= ahi {
			return Agree, fmt.Sprintf("%s and %s both count %s %s: %s / %s", a.Source, b.Source, a.Subject, a.State, a.Evidence, b.Evidence)
		}
		return Contradict, fmt.Sprintf("%s counts %s %s: “%s”; %s counts “%s”", a.Source, a.Subject, a.State, a.Evidence, b.Source, b.Evidence)
	case Event:
		if !strings.EqualFold(a.Object, b.Object) {
			return Unrelated, ""
		}
	case Control:
		if a.State == "controls" && b.State == "controls" && a.Object != "" && b.Object != "" && !sameController(a.Object, b.Object) {
			return Contradict, fmt.Sprintf("%s says %s holds %s: “%s”; %s says %s does: “%s”", a.Source, a.Object, a.Subject, a.Evidence, b.Source, b.Object, b.Evidence)
		}
		if a.Object != "" && b.Object != "" && !sameController(a.Object, b.Object) {
			return Unrelated, ""
		}
	}
	switch {
	case a.State == b.State:
		return Agree, a.Source + " and " + b.Source + " both say " + a.Subject + " " + phrase(a)
	case opposite[a.State] == b.State:
		return Contradict, a.Source + " says " + a.Subject + " " + phrase(a) + "; " + b.Source + " says " + phrase(b)
	}
	return Unrelated, ""
}

func sameController(a, b string) bool {
	ka := strings.TrimSuffix(strings.ToLower(a), " forces")
	kb := strings.TrimSuffix(strings.ToLower(b), " forces")
	return ka == kb || strings.Contains(ka, kb) || strings.Contains(kb, ka)
}

// bounds reads a count as the range of values it allows: a range as
// given; "more than / at least / over" from the value up; "fewer than /
// up to / at most" up to it; "about / nearly / some" within 20 %; vague
// plurals ("dozens") within a factor of ten; exact numbers within 5 %.
func (c *Count) bounds() (float64, float64) {
	v := c.Value
	if c.High > v {
		return v, c.High
	}
	q := strings.ToLower(c.Qualifier)
	switch {
	case strings.Contains(q, "more") || strings.Contains(q, "least") || strings.Contains(q, "over") || strings.Contains(q, "above"):
		return v, math.Inf(1)
	case strings.Contains(q, "fewer") || strings.Contains(q, "less") || strings.Contains(q, "up to") || strings.Contains(q, "most") ||
		strings.Contains(q, "under") || strings.Contains(q, "below"):
		return 0, v
	case strings.HasSuffix(q, "s of") || strings.HasSuffix(q, "s"): // dozens of, hundreds of
		return v, 10 * v
	case q != "":
		return 0.8 * v, 1.2 * v
	}
	return 0.95 * v, 1.05 * v
}

func phrase(c Claim) string {
	s := strings.ReplaceAll(c.State, "_", " ")
	if c.Object != "" && c.Predicate != Control {
		s += " " + c.Object
	}
	if c.Place != "" && c.Predicate != Control {
		s += " (" + c.Place + ")"
	}
	return s + ": “" + c.Evidence + "”"
}

// Conflicts pairs the claims of one article that contradict each other:
// about the same entity (cluster) or, for counts, the same thing counted.
func Conflicts(claims []Claim) []Conflict { return relate(claims, Contradict) }

// Agreements pairs the claims of one article that corroborate each other.
func Agreements(claims []Claim) []Conflict { return relate(claims, Agree) }

func relate(claims []Claim, want Relation) []Conflict {
	// only claims about one subject are compared: group them first
	groups := map[string][]int{}
	var keys []string
	for i, c := range claims {
		k := "s:" + strings.ToLower(c.Subject)
		if c.Cluster >= 0 {
			k = fmt.Sprint("c:", c.Cluster)
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	var out []Conflict
	for _, k := range keys {
		g := groups[k]
		for x := range g {
			for y := x + 1; y < len(g); y++ {
				i, j := g[x], g[y]
				if rel, reason := Compare(claims[i], claims[j]); rel == want {
					out = append(out, Conflict{About: claims[i].Subject, A: i, B: j, Reason: reason})
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].A != out[b].A {
			return out[a].A < out[b].A
		}
		return out[a].B < out[b].B
	})
	return out
}
