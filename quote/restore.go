package quote

import (
	"strings"

	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/repair"
)

// Restore suggests what was cut out at a stripped-name gap, from the
// article itself: the name the words before the gap begin ("Abu Bakr ___"
// completed by "Baghdadi" elsewhere), or, for other name slots, a person
// first named just after the gap by a surname alone (introduced at the
// gap, "“We will win,” ___ said. … Hamadi added"), else the other party
// quoted just before ("the official said, describing ___’s claim").
// tok is the index of the first token after the gap. It returns nil when
// the article gives no candidate.
func Restore(in Input, quotes []Quote, tok int, slot repair.Slot) *repair.Restored {
	d := in.Doc
	if tok <= 0 || tok > len(d.Tokens) {
		return nil
	}
	entAt := make([]int, len(d.Tokens))
	for i := range entAt {
		entAt[i] = -1
	}
	for ei, e := range in.Entities {
		if e.Sent < len(d.Sents) {
			base := d.Sents[e.Sent].First
			for t := base + e.TokStart; t < base+e.TokEnd && t < len(entAt); t++ {
				entAt[t] = ei
			}
		}
	}
	switch slot {
	case repair.SlotNameContinue, repair.SlotTitle:
		partial := -1
		if e := entAt[tok-1]; e >= 0 && in.Entities[e].Type == "PER" {
			partial = in.Entities[e].Cluster
			if slot == repair.SlotNameContinue && completeName(in, e) {
				return nil
			}
		}
		if slot == repair.SlotNameContinue && partial < 0 {
			return nil
		}
		// first names: the first word of a person's longer name ("Hillary"
		// of "Hillary Clinton") does not complete another name
		firstNames := map[string]bool{}
		for _, c := range in.Clusters {
			if f := strings.Fields(c.Name); c.Type == "PER" && len(f) > 1 {
				firstNames[f[0]] = true
			}
		}
		// "Governor ___": a person the article gives that title, not the
		// one it mentions most ("Mayor Clara Voss")
		title := ""
		if slot == repair.SlotTitle && partial < 0 {
			title = strings.ToLower(strings.TrimSuffix(d.Tokens[tok-1].Text, "."))
		}
		best, bestN := -1, 0
		for _, c := range in.Clusters {
			if c.ID == partial || c.Type != "PER" || title != "" && !hasTitle(c, title) {
				continue
			}
			// a surname-only cluster completes a partial name
			if slot == repair.SlotNameContinue && (len(strings.Fields(c.Name)) > 1 || firstNames[c.Name] || givenNames[strings.ToLower(c.Name)] != genderUnknown) {
				continue
			}
			if n := len(c.Mentions); n > bestN {
				best, bestN = c.ID, n
			}
		}
		if best < 0 {
			return nil
		}
		conf := 0.5
		if bestN > 1 {
			conf = 0.65
		}
		return &repair.Restored{Name: in.Clusters[best].Name, Cluster: best, Confidence: conf, Reason: "name_completion"}
	case repair.SlotPossessive, repair.SlotDeterminer, repair.SlotSubject, repair.SlotPreposition, repair.SlotQuote:
		// a person first named after the gap by a surname alone was most
		// likely introduced at the gap, with the full name that was cut
		// out: "“We will win,”   said on Tuesday. … Hamadi added …"
		if c := introducedLater(in, entAt, tok); c >= 0 {
			return &repair.Restored{Name: in.Clusters[c].Name, Cluster: c, Confidence: 0.55, Reason: "introduced_later"}
		}
		// the speaker of the current sentence, if any, is not the answer
		cur := -1
		gapSent := sentIndex(d, tok)
		for _, q := range quotes {
			if q.Speaker.Cluster >= 0 && q.first < len(d.Tokens) && (sentIndex(d, q.first) == gapSent || sentIndex(d, max(q.last-1, 0)) == gapSent) {
				cur = q.Speaker.Cluster
			}
		}
		// the other party quoted just before — not for a determiner slot:
		// "treating the ___ message with caution" is the article's
		// subject's message more often than a quoted party's
		gapStart := d.Tokens[tok].Start
		for k := len(quotes) - 1; k >= 0 && slot != repair.SlotDeterminer; k-- {
			q := quotes[k]
			if q.Start >= gapStart || q.Speaker.Cluster < 0 || q.Speaker.Cluster == cur {
				continue
			}
			return &repair.Restored{Name: q.Speaker.Name, Cluster: q.Speaker.Cluster, Confidence: 0.45, Reason: "salience"}
		}
		// otherwise the most mentioned person before the gap (in the
		// whole article for a determiner slot)
		upto := tok
		if slot == repair.SlotDeterminer {
			upto = len(entAt)
		}
		count := map[int]int{}
		for t := 0; t < upto; t++ {
			if e := entAt[t]; e >= 0 && in.Entities[e].Type == "PER" && (t == 0 || entAt[t-1] != e) {
				count[in.Entities[e].Cluster]++
			}
		}
		best, bestN := -1, 0
		for c, n := range count {
			if c != cur && (n > bestN || n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if best < 0 {
			return nil
		}
		return &repair.Restored{Name: in.Clusters[best].Name, Cluster: best, Confidence: 0.3, Reason: "salience"}
	}
	return nil
}

// completeName reports a mention that ends in its person's surname, so
// that a gap after it did not cut the rest of the name ("DeVos
// appearance" and "Robert Mueller  understands" lost an apostrophe or a
// quotation mark): the one word of a surname-only mention, a common first
// name and more, or a last word the article also uses alone for that
// person. "Abu Bakr" never appears as "Bakr".
func completeName(in Input, e int) bool {
	en := in.Entities[e]
	f := strings.Fields(en.Text)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if len(f) > 1 && givenNames[strings.ToLower(f[0])] != genderUnknown {
		// "Jack Lew  announced", "Andrea Tantaros  lawsuit": a first name
		// and a surname make a whole name ("Abu Bakr" does not)
		return true
	}
	c := in.Clusters[en.Cluster]
	if len(f) == 1 {
		cf := strings.Fields(c.Name)
		return len(cf) > 0 && strings.EqualFold(cf[len(cf)-1], last)
	}
	for _, mi := range c.Mentions {
		if mi < len(in.Entities) && mi != e && strings.EqualFold(in.Entities[mi].Text, last) {
			return true
		}
	}
	return false
}

// introducedLater returns the person whose first mention comes within five
// sentences after token tok and who is only ever named by one word (a
// surname the article never introduces), or -1.
func introducedLater(in Input, entAt []int, tok int) int {
	d := in.Doc
	first := map[int]int{} // cluster → token of its first mention
	for t := len(entAt) - 1; t >= 0; t-- {
		if e := entAt[t]; e >= 0 && in.Entities[e].Type == "PER" {
			first[in.Entities[e].Cluster] = t
		}
	}
	best, bestAt := -1, len(entAt)
	for c, at := range first {
		if at < tok || at >= bestAt || sentDist(d, tok, at) > 5 {
			continue
		}
		oneWord := true
		for _, mi := range in.Clusters[c].Mentions {
			if mi < len(in.Entities) {
				e := in.Entities[mi]
				oneWord = oneWord && e.TokEnd-e.TokStart == 1
			}
		}
		if oneWord {
			best, bestAt = c, at
		}
	}
	return best
}

// hasTitle reports a person the article gives title ("governor") as a
// title or in a role.
func hasTitle(c entity.Cluster, title string) bool {
	for _, t := range append(append([]entity.Span(nil), c.Titles...), c.Roles...) {
		for _, w := range strings.Fields(strings.ToLower(t.Text)) {
			if strings.TrimSuffix(w, ".") == title {
				return true
			}
		}
	}
	return false
}
