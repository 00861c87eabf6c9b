package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleWords are honorifics and ranks written before a name ("Colonel
// John Dorrian", "Gen. Votel", "Mr Johnson"), lower-cased, without periods.
var titleWords = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true, "sir": true,
	"dame": true, "lord": true, "lady": true, "president": true, "premier": true, "chancellor": true, "king": true,
	"queen": true, "prince": true, "princess": true, "pope": true, "sheikh": true, "shaikh": true, "ayatollah": true,
	"rev": true, "reverend": true, "father": true, "gen": true, "general": true, "col": true, "colonel": true,
	"lt": true, "lieutenant": true, "maj": true, "major": true, "capt": true, "captain": true, "sgt": true,
	"sergeant": true, "adm": true, "admiral": true, "cmdr": true, "commander": true, "brig": true, "brigadier": true,
	"gov": true, "governor": true, "sen": true, "senator": true, "rep": true, "representative": true,
	"congressman": true, "congresswoman": true, "judge": true, "justice": true, "mayor": true, "minister": true,
	"secretary": true, "ambassador": true, "chairman": true, "chairwoman": true, "caliph": true, "emir": true,
	"imam": true, "rabbi": true, "bishop": true, "cardinal": true, "marshal": true, "detective": true,
	"inspector": true, "chief": true, "spokesman": true, "spokeswoman": true, "mullah": true, "mufti": true,
	"speaker": true, "attorney": true, "councillor": true, "councilman": true, "councilwoman": true, "sultan": true,
}

// titleModifiers combine with a title into a longer one ("Prime Minister",
// "Foreign Minister", "Vice President", "Defense Secretary").
var titleModifiers = map[string]bool{
	"prime": true, "foreign": true, "vice": true, "deputy": true, "defense": true, "defence": true,
	"interior": true, "finance": true, "home": true, "state": true, "first": true, "supreme": true, "grand": true,
	"field": true, "staff": true, "sergeant": true, "lieutenant": true, "major": true, "rear": true, "attorney": true,
	"general": true, "chief": true, "senior": true, "acting": true, "former": true, "health": true, "justice": true,
	"trade": true, "energy": true, "oil": true, "education": true, "economy": true, "labour": true, "labor": true,
	"army": true, "police": true, "security": true, "press": true, "national": true, "executive": true,
}

// roleNouns head a role description ("Pentagon spokesman", "a ministry
// official", "the militia leader").
var roleNouns = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "minister": true, "secretary": true,
	"official": true, "leader": true, "chief": true, "commander": true, "president": true, "chairman": true,
	"chairwoman": true, "director": true, "head": true, "ambassador": true, "envoy": true, "governor": true,
	"mayor": true, "senator": true, "analyst": true, "expert": true, "professor": true, "editor": true,
	"reporter": true, "correspondent": true, "lawyer": true, "attorney": true, "judge": true, "prosecutor": true,
	"officer": true, "aide": true, "adviser": true, "advisor": true, "deputy": true, "candidate": true,
	"founder": true, "ceo": true, "executive": true, "economist": true, "researcher": true, "scientist": true,
	"activist": true, "general": true, "colonel": true, "coach": true, "manager": true, "captain": true,
	"representative": true, "lawmaker": true, "legislator": true, "member": true, "citizen": true,
	"resident": true, "witness": true, "commentator": true, "columnist": true, "writer": true, "author": true,
	"historian": true, "militant": true, "fighter": true, "king": true, "queen": true, "prince": true,
	"premier": true, "diplomat": true, "negotiator": true, "strategist": true, "consultant": true,
	"partner": true, "owner": true, "host": true, "anchor": true, "producer": true, "student": true,
	"teacher": true, "doctor": true, "physician": true, "surgeon": true, "nurse": true, "pastor": true,
	"priest": true, "cleric": true, "preacher": true, "congressman": true, "congresswoman": true,
	"councillor": true, "councilman": true, "councilwoman": true, "speaker": true, "sheriff": true,
	"detective": true, "investigator": true, "inspector": true, "superintendent": true, "warden": true,
	"emir": true, "caliph": true, "sheikh": true, "imam": true, "mullah": true, "warlord": true,
	"chancellor": true, "dean": true, "provost": true, "principal": true, "administrator": true,
}

// stopRole ends a role description when walking away from the name.
var stopRole = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true, "and": true,
	"or": true, "but": true, "said": true, "says": true, "told": true, "by": true, "with": true, "to": true,
	"from": true, "as": true, "at": true, "in": true, "on": true, "was": true, "is": true, "who": true,
	"which": true, "when": true, "while": true, "after": true, "before": true, "according": true, "he": true,
	"she": true, "they": true, "it": true, "his": true, "her": true, "their": true, "its": true, "of": true,
	"for": true, "former": false,
}

// IsTitle reports whether w is a title that can stand before a person's
// name: "Mr.", "Sen", "Gov.", "Colonel", "President".
func IsTitle(w string) bool { return titleWords[bare(w)] }

func bare(w string) string { return strings.ToLower(strings.TrimSuffix(normWord(w), ".")) }

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isPunctTok(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func spanOf(s []Token, a, b int) Span {
	return Span{Text: joinTokens(s[a:b]), Start: s[a].Start, End: s[b-1].End}
}

// appositionGoesOn are words that may follow a role in an apposition
// before its closing comma ("Name, a former adviser to Trump who …").
var appositionGoesOn = map[string]bool{"who": true, "and": true, "to": true, "at": true, "in": true, "with": true,
	"since": true, "from": true, "under": true, "on": true, "until": true, "whose": true, "'s": true, "’s": true}

// titlesAndRoles finds the title written right before a person's name
// (tokens [start, end) of sentence s) and the roles described around it:
// before ("Pentagon spokesman Colonel John Dorrian", "a ministry
// spokesman, Colonel Jane Roe") and after, as an apposition ("John
// Dorrian, a Pentagon spokesman,").
func titlesAndRoles(s []Token, start, end int) (titles, roles []Span) {
	// title chain: capitalised title words and their modifiers
	j := start
	hasTitle := false
	for j > 0 {
		w := s[j-1].Text
		b := bare(w)
		if !capitalised(w) {
			break
		}
		if titleWords[b] {
			hasTitle = true
		} else if !(titleModifiers[b] && hasTitle) {
			break
		}
		j--
	}
	if !hasTitle {
		j = start
	}
	if j < start {
		titles = append(titles, spanOf(s, j, start))
		// "Iraqi Foreign Minister": a title that names an office is a role,
		// with the capitalised qualifiers before it
		last := bare(s[start-1].Text)
		if roleNouns[last] && last != "president" || start-j > 1 {
			q := j
			for q > 0 && q > j-3 && capitalised(s[q-1].Text) && !titleWords[bare(s[q-1].Text)] && !stopRole[bare(s[q-1].Text)] {
				q--
			}
			if q < j {
				roles = append(roles, spanOf(s, q, start))
			}
		}
	}
	// role before: "Pentagon spokesman [,] (title) Name"
	k := j
	if k > 0 && s[k-1].Text == "," {
		k--
	}
	if k > 0 && roleNouns[bare(s[k-1].Text)] && !capitalised(s[k-1].Text) {
		q := k - 1
		for q > 0 && q > k-5 {
			w := s[q-1].Text
			b := bare(w)
			if stopRole[b] || isPunctTok(w) && w != "'s" && w != "’s" {
				break
			}
			if w == "'s" || w == "’s" {
				q--
				continue
			}
			q--
		}
		roles = append(roles, spanOf(s, q, k))
	}
	// role after: "Name, a Pentagon spokesman," / "Name, Iraq's foreign minister,"
	if end < len(s) && s[end].Text == "," {
		a := end + 1
		if a < len(s) {
			switch bare(s[a].Text) {
			case "a", "an", "the":
				a++
			}
		}
		for b := a; b < len(s) && b < a+6; b++ {
			w := s[b].Text
			lw := bare(w)
			if roleNouns[lw] {
				e := b + 1
				// "spokesman for the ministry", "leader of Islamic State"
				if e+1 < len(s) && (bare(s[e].Text) == "of" || bare(s[e].Text) == "for") {
					f := e + 1
					if f < len(s) && bare(s[f].Text) == "the" {
						f++
					}
					g := f
					for g < len(s) && g < f+4 && !isPunctTok(s[g].Text) && (capitalised(s[g].Text) || !stopRole[bare(s[g].Text)]) {
						g++
					}
					if g > f {
						e = g
					}
				}
				if e < len(s) && !isPunctTok(s[e].Text) && !appositionGoesOn[bare(s[e].Text)] {
					// "on Trump, the aide acknowledged": a new clause's
					// subject, not an apposition
					break
				}
				roles = append(roles, spanOf(s, a, e))
				break
			}
			if isPunctTok(w) && w != "'s" && w != "’s" && w != "-" || lw == "said" || lw == "who" || lw == "and" {
				break
			}
		}
	}
	return titles, roles
}

// leadingTitle returns how many tokens at the start of a person mention
// are a title ("Colonel John Dorrian" → 1), leaving at least one word.
func leadingTitle(s []Token, start, end int) int {
	n, hasTitle := 0, false
	for i := start; i < end-1; i++ {
		b := bare(s[i].Text)
		if titleWords[b] {
			hasTitle = true
		} else if !titleModifiers[b] {
			break
		}
		n = i - start + 1
	}
	if !hasTitle {
		return 0
	}
	return n
}
