package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word with its byte offsets, as the linker reads it.
type Token struct {
	Text       string
	Start, End int
}

// Span is a piece of text with its byte offsets.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is one mention with its offsets and the cluster it belongs to.
type Entity struct {
	Span
	Type    string `json:"type"`
	Cluster int    `json:"cluster"`
	// Sent and Tok locate the mention: sentence index and token range.
	Sent     int `json:"-"`
	TokStart int `json:"-"`
	TokEnd   int `json:"-"`
}

// Cluster is one entity as the article refers to it: every mention of it,
// under whatever variant, with the titles and roles the article gives it.
type Cluster struct {
	ID       int      `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Mentions []int    `json:"mentions"`
	Aliases  []string `json:"aliases,omitempty"`
	Titles   []Span   `json:"titles,omitempty"`
	Roles    []Span   `json:"roles,omitempty"`
}

// Link turns tagger mentions into entities with offsets and merges the
// mentions that name the same thing within the article: surnames and
// other parts of a person's full name ("Boris Johnson" / "Johnson",
// "Abu Bakr al-Baghdadi" / "al-Baghdadi" / "Baghdadi"), acronyms
// ("Kurdistan Regional Government" / "KRG"), and repeated names. Titles
// ("Colonel") and roles ("Pentagon spokesman") written around a person's
// name are split off into the cluster.
func Link(sents [][]Token, ms []Mention) ([]Entity, []Cluster) {
	ents := make([]Entity, 0, len(ms))
	for _, m := range ms {
		s := sents[m.Sent]
		if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
			continue
		}
		if m.Type == "PER" {
			m.Start += leadingTitle(s, m.Start, m.End)
		}
		start, end := s[m.Start].Start, s[m.End-1].End
		ents = append(ents, Entity{
			Span: Span{Text: joinTokens(s[m.Start:m.End]), Start: start, End: end},
			Type: m.Type, Sent: m.Sent, TokStart: m.Start, TokEnd: m.End,
		})
	}
	trimRunOn(sents, ents)
	var cl []*clusterBuild
	// Long names first, so that "Johnson" finds "Boris Johnson" even when
	// the short form comes first in the article.
	order := make([]int, len(ents))
	for i := range order {
		order[i] = i
	}
	keys := make([][]string, len(ents))
	for i := range ents {
		keys[i] = nameKey(ents[i].Text)
	}
	sortStable(order, func(a, b int) bool { return len(keys[a]) > len(keys[b]) })
	assigned := make([]int, len(ents))
	var ix candidateIndex
	for _, i := range order {
		e := &ents[i]
		best := -1
		for _, ci := range ix.candidates(keys[i]) {
			c := cl[ci]
			if c.matches(e, keys[i]) && (best < 0 || near(c, e) > near(cl[best], e)) {
				best = ci
			}
		}
		if best < 0 {
			cl = append(cl, &clusterBuild{})
			best = len(cl) - 1
		}
		cl[best].add(i, e, keys[i])
		ix.add(best, keys[i])
		assigned[i] = best
	}
	// Number clusters by first mention.
	first := make([]int, len(cl))
	for i := range first {
		first[i] = len(ents)
	}
	for i, c := range assigned {
		first[c] = min(first[c], i)
	}
	idx := make([]int, len(cl))
	for i := range idx {
		idx[i] = i
	}
	sortStable(idx, func(a, b int) bool { return first[a] < first[b] })
	renum := make([]int, len(cl))
	for n, c := range idx {
		renum[c] = n
	}
	out := make([]Cluster, len(cl))
	for n, c := range idx {
		out[n] = cl[c].finish(n, ents)
	}
	for i := range ents {
		ents[i].Cluster = renum[assigned[i]]
		out[ents[i].Cluster].Mentions = append(out[ents[i].Cluster].Mentions, i)
	}
	for n := range out {
		sortInts(out[n].Mentions)
		c := &out[n]
		for _, i := range c.Mentions {
			e := ents[i]
			if e.Type != "PER" || c.Type != "PER" {
				continue
			}
			titles, roles := titlesAndRoles(sents[e.Sent], e.TokStart, e.TokEnd)
			c.Titles = appendSpans(c.Titles, titles...)
			c.Roles = appendSpans(c.Roles, roles...)
		}
	}
	return ents, out
}

// candidateIndex finds the clusters a name could match without comparing
// it with every cluster: by last word, and by acronym in both directions.
type candidateIndex struct {
	byLast, byAcronym, bySingle, byWord map[string][]int
}

// trimRunOn cuts a mention of six capitalised words or more back to a
// name the article mentions on its own at its start: in a title-case
// headline the tagger runs a name on into the words after it ("Roger
// Stone Blames Obama For The Possibility …" when the text names "Roger
// Stone"), where a long name has its small words in lower case
// ("International Committee of the Red Cross").
func trimRunOn(sents [][]Token, ents []Entity) {
	for i := range ents {
		e := &ents[i]
		if e.TokEnd-e.TokStart < 6 || !allCapitalised(sents[e.Sent][e.TokStart:e.TokEnd]) {
			continue
		}
		best := -1
		for j := range ents {
			o := &ents[j]
			n := o.TokEnd - o.TokStart
			if j == i || n < 2 || n >= e.TokEnd-e.TokStart || best >= 0 && n <= ents[best].TokEnd-ents[best].TokStart {
				continue
			}
			if joinTokens(sents[e.Sent][e.TokStart:e.TokStart+n]) == o.Text {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		s := sents[e.Sent]
		e.TokEnd = e.TokStart + ents[best].TokEnd - ents[best].TokStart
		e.Span = Span{Text: joinTokens(s[e.TokStart:e.TokEnd]), Start: s[e.TokStart].Start, End: s[e.TokEnd-1].End}
		e.Type = ents[best].Type
	}
}

func allCapitalised(ts []Token) bool {
	for _, t := range ts {
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func addUnique(m map[string][]int, k string, c int) {
	for _, x := range m[k] {
		if x == c {
			return
		}
	}
	m[k] = append(m[k], c)
}

func acronyms(key []string) []string {
	var all, content []rune
	for _, w := range key {
		for _, part := range strings.Split(w, "-") {
			r, _ := utf8.DecodeRuneInString(part)
			if r == utf8.RuneError {
				continue
			}
			all = append(all, r)
			if !functionWords[part] {
				content = append(content, r)
			}
		}
	}
	return []string{string(all), string(content)}
}

func (ix *candidateIndex) add(c int, key []string) {
	if len(key) == 0 {
		return // a mention with no name words ("Al", "'s") matches nothing
	}
	if ix.byLast == nil {
		ix.byLast, ix.byAcronym, ix.bySingle, ix.byWord = map[string][]int{}, map[string][]int{}, map[string][]int{}, map[string][]int{}
	}
	addUnique(ix.byLast, key[len(key)-1], c)
	for _, w := range key[:len(key)-1] {
		addUnique(ix.byWord, w, c)
	}
	if len(key) == 1 {
		addUnique(ix.bySingle, strings.ReplaceAll(key[0], ".", ""), c)
		return
	}
	for _, a := range acronyms(key) {
		addUnique(ix.byAcronym, a, c)
	}
}

func (ix *candidateIndex) candidates(key []string) []int {
	if ix.byLast == nil || len(key) == 0 {
		return nil
	}
	out := append([]int(nil), ix.byLast[key[len(key)-1]]...)
	if len(key) == 1 {
		for _, c := range ix.byAcronym[strings.ReplaceAll(key[0], ".", "")] {
			out = appendIfMissing(out, c)
		}
		for _, c := range ix.byWord[key[0]] {
			out = appendIfMissing(out, c)
		}
		return out
	}
	for _, a := range acronyms(key) {
		for _, c := range ix.bySingle[a] {
			out = appendIfMissing(out, c)
		}
	}
	return out
}

func appendIfMissing(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

type clusterBuild struct {
	members []int
	keys    [][]string
	types   map[string]int
	last    int // last member index (recency)
}

func near(c *clusterBuild, e *Entity) int { return -abs(c.last - e.Start) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (c *clusterBuild) add(i int, e *Entity, key []string) {
	if c.types == nil {
		c.types = map[string]int{}
	}
	c.members = append(c.members, i)
	c.keys = append(c.keys, key)
	c.types[e.Type]++
	c.last = e.Start
}

// matches reports whether mention e (with normalised words key) names
// the same thing as the cluster.
func (c *clusterBuild) matches(e *Entity, key []string) bool {
	if len(key) == 0 {
		return false
	}
	for j, k := range c.keys {
		if slices.Equal(k, key) {
			return true
		}
		typ := c.typeOf(j)
		switch {
		case typ == "PER" && (e.Type == "PER" || len(key) == 1 && e.Type != "LOC"):
			// a lone surname the tagger called ORG or MISC still joins the
			// person; a place ("Washington") does not
			// a part of the full name: surname, first names + surname
			if len(key) < len(k) && isSubsequence(key, k) && !generic[key[len(key)-1]] {
				return true
			}
		case typ == e.Type || len(key) == 1:
			if len(key) == 1 && len(k) > 1 && isAcronym(key[0], k) {
				return true
			}
			if len(k) == 1 && len(key) > 1 && isAcronym(k[0], key) {
				return true
			}
			if typ == e.Type && typ == "ORG" && len(key) < len(k) && hasSuffix(k, key) && !generic[key[len(key)-1]] {
				return true // "Reuters" in "Thomson Reuters"
			}
			if typ == e.Type && typ == "ORG" && len(key) == 1 && len(k) > 1 && containsWord(k, key[0]) &&
				!generic[key[0]] && !functionWords[key[0]] && len(key[0]) > 3 {
				return true // "the Observatory" for the Syrian Observatory for Human Rights
			}
		}
	}
	return false
}

func (c *clusterBuild) typeOf(j int) string {
	return c.majority()
}

func (c *clusterBuild) majority() string {
	best, n := "", -1
	for _, t := range Types {
		if c.types[t] > n {
			best, n = t, c.types[t]
		}
	}
	return best
}

func (c *clusterBuild) finish(id int, ents []Entity) Cluster {
	out := Cluster{ID: id, Type: c.majority()}
	// canonical name: the longest mention of the cluster's type, the
	// earliest among equals
	best := -1
	seen := map[string]bool{}
	for _, i := range c.members {
		e := ents[i]
		if best < 0 || (e.Type == out.Type && ents[best].Type != out.Type) ||
			(e.Type == ents[best].Type && (len(nameKey(e.Text)) > len(nameKey(ents[best].Text)) ||
				len(nameKey(e.Text)) == len(nameKey(ents[best].Text)) && e.Start < ents[best].Start)) {
			best = i
		}
	}
	// a longer form the tagger typed otherwise still names the cluster
	// ("Roger Stone" tagged ORG, "Stone" PER)
	for _, i := range c.members {
		if k, kb := nameKey(ents[i].Text), nameKey(ents[best].Text); len(k) > len(kb) && hasSuffix(k, kb) {
			best = i
		}
	}
	out.Name = stripPossessive(ents[best].Text)
	for _, i := range sortedCopy(c.members) {
		t := stripPossessive(ents[i].Text)
		if t != out.Name && !seen[t] {
			seen[t] = true
			out.Aliases = append(out.Aliases, t)
		}
	}
	return out
}

// generic words never identify a name on their own.
var generic = map[string]bool{
	"state": true, "party": true, "government": true, "ministry": true, "council": true, "group": true,
	"army": true, "forces": true, "force": true, "police": true, "court": true, "house": true, "office": true,
	"department": true, "committee": true, "commission": true, "union": true, "front": true, "news": true,
	"bank": true, "company": true, "corp": true, "inc": true, "co": true, "ltd": true, "association": true,
	"university": true, "times": true, "post": true, "jr": true, "sr": true, "ii": true, "iii": true,
}

// nameKey lowercases a name's words and drops what variants add or omit:
// possessives, the Arabic article (al-, el-), periods and hyphens.
func nameKey(name string) []string {
	name = stripPossessive(name)
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) }) {
		w = strings.ToLower(normWord(w))
		for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"} {
			if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
				w = w[len(p):]
				break
			}
		}
		w = strings.Trim(w, ".,-'\"")
		if w == "" || w == "al" || w == "el" {
			continue
		}
		out = append(out, w)
	}
	return out
}

func stripPossessive(s string) string {
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, p) {
			return strings.TrimSpace(strings.TrimSuffix(s, p))
		}
	}
	return s
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

func hasSuffix(long, short []string) bool {
	return len(short) <= len(long) && slices.Equal(long[len(long)-len(short):], short)
}

// isSubsequence reports whether short's words appear in long in order,
// short's last word being long's last word (a surname is last).
func isSubsequence(short, long []string) bool {
	if short[len(short)-1] != long[len(long)-1] {
		return false
	}
	j := 0
	for _, w := range long {
		if j < len(short) && w == short[j] {
			j++
		}
	}
	return j == len(short)
}

// isAcronym reports whether acr is made of the initials of words
// (function words may be skipped): KRG, U.S., NATO.
func isAcronym(acr string, words []string) bool {
	a := strings.ReplaceAll(acr, ".", "")
	if utf8.RuneCountInString(a) < 2 {
		return false
	}
	for _, x := range acronyms(words) {
		if a == x {
			return true
		}
	}
	return false
}

var functionWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "de": true, "la": true, "&": true}

func joinTokens(ts []Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && t.Start > ts[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func appendSpans(dst []Span, add ...Span) []Span {
outer:
	for _, s := range add {
		for _, d := range dst {
			if d.Start == s.Start && d.End == s.End {
				continue outer
			}
		}
		dst = append(dst, s)
	}
	return dst
}

func sortStable(x []int, less func(a, b int) bool) {
	sort.SliceStable(x, func(i, j int) bool { return less(x[i], x[j]) })
}

func sortInts(x []int) { sort.Ints(x) }

func sortedCopy(x []int) []int {
	y := append([]int(nil), x...)
	sort.Ints(y)
	return y
}
