package claim

import (
	"sort"
	"strings"

	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/quote"
)

// controlCues say that someone holds a place, or lost it.
var controlCues = []cue{
	{strings.Fields("taken full control of"), "controls"}, {strings.Fields("took full control of"), "controls"},
	{strings.Fields("taken control of"), "controls"}, {strings.Fields("full control of"), "controls"},
	{strings.Fields("took control of"), "controls"}, {strings.Fields("in control of"), "controls"},
	{strings.Fields("still hold"), "controls"}, {strings.Fields("still holds"), "controls"},
	{strings.Fields("lost control of"), "lost_control"}, {strings.Fields("were driven out of"), "lost_control"},
	{strings.Fields("was driven out of"), "lost_control"}, {strings.Fields("failed to take"), "lost_control"},
	{strings.Fields("retook"), "controls"}, {strings.Fields("recaptured"), "controls"}, {strings.Fields("captured"), "controls"},
	{strings.Fields("seized"), "controls"}, {strings.Fields("liberated"), "controls"}, {strings.Fields("overran"), "controls"},
	{strings.Fields("controls"), "controls"}, {strings.Fields("control"), "controls"}, {strings.Fields("holds"), "controls"},
	{strings.Fields("retaken"), "controls"},
}

// controlClaim reads "FORCES took/retook/hold PLACE": the subject is the
// place, the object the controller (the entity or the words before the
// cue).
func controlClaim(in Input, q quote.Quote, words []string, c Claim) (Claim, bool) {
	d := in.Quote.Doc
	for _, cu := range controlCues {
		k := indexSeq(words, cu.words)
		if k < 0 {
			continue
		}
		// the place: the first LOC entity of the quotation after the cue
		cueAt := wordOffset(q.Text, k)
		if cueAt < 0 {
			return c, false
		}
		var place *entity.Entity
		var controller string
		for _, e := range entitiesIn(in, q.Start, q.End) {
			switch {
			case e.Type == "LOC" && e.Start >= q.Start+cueAt && place == nil:
				e := e
				place = &e
			case e.Start < q.Start+cueAt && (e.Type == "ORG" || e.Type == "MISC" || e.Type == "PER"):
				controller = in.Quote.Clusters[in.canon(e.Cluster)].Name
				if rest := strings.Fields(strings.ToLower(d.Text[e.End:min(len(d.Text), e.End+12)])); len(rest) > 0 &&
					strings.Trim(rest[0], ".,") == "forces" {
					controller += " forces"
				}
			}
		}
		if place == nil {
			return c, false
		}
		if controller == "" {
			controller = controllerBefore(q.Text[:cueAt], c.Source)
		}
		cl := in.Quote.Clusters[in.canon(place.Cluster)]
		c.Subject, c.Cluster, c.Predicate, c.State = cl.Name, cl.ID, Control, cu.state
		c.Object, c.Place, c.Evidence = controller, cl.Name, strings.Join(cu.words, " ")
		if k > 0 && negators[words[k-1]] || k > 1 && negators[words[k-2]] {
			c.Polarity = "negative"
			c.State = opposite[c.State]
		}
		return c, true
	}
	return c, false
}

var opposite = map[string]string{"present": "absent", "absent": "present", "dead": "alive", "alive": "dead",
	"detained": "free", "free": "detained", "out_of_office": "in_office", "in_office": "out_of_office",
	"controls": "lost_control", "lost_control": "controls", "did": "did_not", "did_not": "did"}

// measures are what a count claim says happened to what it counts.
var measures = map[string]string{
	"killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "lives": "killed",
	"wounded": "wounded", "injured": "wounded", "hurt": "wounded",
	"displaced": "displaced", "fled": "displaced", "homeless": "displaced", "evacuated": "displaced",
	"remain": "remaining", "remaining": "remaining", "remains": "remaining", "left": "remaining", "trapped": "remaining",
	"arrested": "arrested", "detained": "arrested", "captured": "arrested", "missing": "missing",
}

// countClaims reads the counts inside the quotation: "about 6,000
// fighters remain", "at least 12 civilians were killed".
func countClaims(in Input, q quote.Quote, c Claim) []Claim {
	var out []Claim
	cs := in.Counts // in text order
	for i := sort.Search(len(cs), func(i int) bool { return cs[i].Start >= q.Start }); i < len(cs) && cs[i].Start < q.End; i++ {
		n := cs[i]
		if n.End > q.End || n.What == "" || isUnit(n.What) {
			continue
		}
		what := countedNoun(n.What)
		if what == "" {
			continue
		}
		k := c
		k.Predicate, k.Subject, k.Cluster = Number, what, -1
		k.Count = &Count{Value: n.Value, High: n.High, Qualifier: n.Qualifier}
		k.State = "reported"
		after := strings.Fields(strings.ToLower(in.Quote.Doc.Text[n.End:min(q.End, n.End+48)]))
		for i, w := range after {
			if i >= 5 {
				break
			}
			if m, ok := measures[strings.Trim(w, ".,;:”’\"'")]; ok {
				k.State = m
				break
			}
		}
		k.Evidence = strings.TrimSpace(in.Quote.Doc.Text[n.Start:min(q.End, n.End+32)])
		if i := strings.IndexAny(k.Evidence, ".;,"); i > len(n.Text) {
			k.Evidence = k.Evidence[:i]
		}
		out = append(out, k)
	}
	return out
}

// countedNoun is the head of what a count counts: "Islamic State
// fighters" → fighters, "villages around Mosul" → villages, "trucks
// reached" → trucks; "" for pronouns ("them").
func countedNoun(what string) string {
	var ws []string
	for _, w := range strings.Fields(strings.ToLower(what)) {
		w = strings.Trim(w, ".,;:“”\"'’")
		if stopWord[w] || prepositions[w] {
			break
		}
		ws = append(ws, w)
	}
	head := ""
	for _, w := range ws {
		if collectives[w] || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			head = w
		}
	}
	return head
}

var prepositions = set("around", "across", "near", "inside", "outside", "since", "during", "after", "before", "than", "as", "to", "into")

var collectives = set("people", "children", "police", "personnel", "staff", "militia", "infantry", "livestock", "cattle")

func isUnit(w string) bool {
	switch strings.ToLower(w) {
	case "percent", "per", "%", "dollars", "euros", "pounds", "years", "year", "months", "days", "hours", "minutes", "times",
		"km", "kilometres", "kilometers", "miles", "metres", "meters", "am", "pm", "million", "billion":
		return true
	}
	return false
}

var auxiliaries = set("did", "does", "do", "has", "have", "had", "is", "was", "were", "are", "be", "been", "will", "would",
	"could", "should", "can", "may", "might", "that", "to", "also", "already", "ever", "then", "the", "a", "an", "longer")

// eventClaim reads "X did (not) do Y" from an indirect or mixed quotation
// whose content starts with a named subject: the object is the first
// content words of the predicate, without negation and auxiliaries.
func eventClaim(in Input, q quote.Quote, c Claim) (Claim, bool) {
	ents := entitiesIn(in, q.Start, q.End)
	if len(ents) == 0 {
		return c, false
	}
	e := ents[0]
	if e.Type != "PER" && e.Type != "ORG" || e.Start-q.Start > 12 {
		return c, false
	}
	rest := strings.FieldsFunc(strings.ToLower(in.Quote.Doc.Text[e.End:q.End]), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’')
	})
	var obj []string
	neg := false
	for i, w := range rest {
		if len(obj) == 3 || i > 10 {
			break
		}
		w = strings.ReplaceAll(w, "’", "'")
		switch {
		case negators[w] || strings.HasSuffix(w, "n't"):
			neg = true
		case auxiliaries[w] || stopWord[w]:
		default:
			obj = append(obj, stem(w))
		}
	}
	if len(obj) < 2 {
		return c, false
	}
	cl := in.Quote.Clusters[in.canon(e.Cluster)]
	c.Subject, c.Cluster, c.Predicate, c.State, c.Object = cl.Name, cl.ID, Event, "did", strings.Join(obj, " ")
	if neg {
		c.State, c.Polarity = "did_not", "negative"
	}
	c.Evidence = strings.TrimSpace(in.Quote.Doc.Text[e.Start:min(q.End, e.End+60)])
	return c, true
}

var stopWord = set("of", "in", "on", "at", "for", "with", "by", "from", "and", "or", "his", "her", "their", "its", "it",
	"he", "she", "they", "this", "these", "those", "there", "who", "which", "what", "said", "says")

// indexSeq is the index in ws where seq starts, or -1.
func indexSeq(ws, seq []string) int {
	for i := 0; i+len(seq) <= len(ws); i++ {
		ok := true
		for k, w := range seq {
			if strings.ReplaceAll(ws[i+k], "’", "'") != w {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// wordOffset is the byte offset in s of the k-th word as containsSeq
// splits words (letters and apostrophes), or -1.
func wordOffset(s string, k int) int {
	n, in := -1, false
	for i, r := range strings.ToLower(s) {
		w := r >= 'a' && r <= 'z' || r == '\'' || r == '’'
		if w && !in {
			n++
			if n == k {
				return i
			}
		}
		in = w
	}
	return -1
}

func lastWords(s string, n int) string {
	f := strings.Fields(strings.Trim(s, " ,;:“”\"'"))
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Trim(strings.Join(f, " "), ".,;:“”\"'")
}

// stem strips a few inflections so that "attended the meeting" and "did
// not attend the meeting" name the same action.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) && !strings.HasSuffix(w, "ss") {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// controllerBefore names who holds a place from the words before the cue
// ("Rebels still control" → Rebels; "its forces had taken" → the
// speaker's forces).
func controllerBefore(s, speaker string) string {
	f := strings.Fields(strings.Trim(s, " ,;:“”\"'"))
	for len(f) > 0 && controlFiller[strings.ToLower(strings.Trim(f[len(f)-1], ".,;:"))] {
		f = f[:len(f)-1]
	}
	if len(f) > 2 {
		f = f[len(f)-2:]
	}
	if len(f) > 0 && possessives[strings.ToLower(f[0])] {
		return speaker
	}
	if len(f) == 2 && !strings.EqualFold(f[1], "forces") && !strings.EqualFold(f[1], "troops") && !strings.EqualFold(f[1], "fighters") {
		f = f[1:] // "But rebels" → rebels
	}
	return strings.Trim(strings.Join(f, " "), ".,;:“”\"'")
}

var controlFiller = set("had", "has", "have", "was", "were", "been", "still", "now", "already", "effectively", "fully", "largely", "also", "reportedly")

var possessives = set("its", "our", "their", "we", "they", "his", "her")
