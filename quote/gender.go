package quote

import (
	"strings"

	"github.com/siftnews/sift/entity"
)

// Grammatical gender of a person, as the article lets it be told.
const (
	genderUnknown = iota
	genderFemale
	genderMale
)

// pronounGender is the gender "she"/"her" and "he"/"him"/"his" ask for;
// other pronouns ask for none.
func pronounGender(low string) int {
	switch {
	case femalePron[low]:
		return genderFemale
	case malePron[low]:
		return genderMale
	}
	return genderUnknown
}

// agrees reports whether a person of gender g can be what a pronoun asking
// for want refers to: unknown on either side agrees.
func agrees(g, want int) bool { return g == genderUnknown || want == genderUnknown || g == want }

// clusterGender tells a person's gender from what the article writes with
// the name: a title ("Mrs.", "Sen." says nothing), a gendered role
// ("spokeswoman", "the congressman"), or a first name common enough to
// tell (Hillary, Donald); genderUnknown when none says, or they disagree.
func clusterGender(c entity.Cluster) int {
	var words []string
	for _, s := range append(append([]entity.Span(nil), c.Titles...), c.Roles...) {
		words = append(words, s.Text)
	}
	if f := strings.Fields(c.Name); len(f) > 1 {
		words = append(words, givenNameWord(f[0]))
	}
	return textGender(strings.Join(words, " "))
}

// givenNameWord stands a first name in for the word of its gender, so
// that it votes with titles and roles.
func givenNameWord(name string) string {
	switch givenNames[strings.ToLower(name)] {
	case genderFemale:
		return "woman"
	case genderMale:
		return "man"
	}
	return ""
}

// textGender tells the gender of a source written without a name ("the
// spokeswoman", "a Republican congressman") from its words; genderUnknown
// when none says, or they disagree.
func textGender(text string) int {
	g := genderUnknown
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if v := wordGender(strings.Trim(w, ".,")); v != genderUnknown {
			if g != genderUnknown && g != v {
				return genderUnknown
			}
			g = v
		}
	}
	return g
}

// wordGender is the gender a title or role word carries.
func wordGender(w string) int {
	switch w {
	case "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "duchess", "sister", "mother",
		"wife", "daughter", "grandmother", "woman", "girl", "widow", "actress", "waitress", "mom":
		return genderFemale
	case "mr", "sir", "lord", "king", "prince", "duke", "brother", "father", "husband", "son", "grandfather",
		"man", "boy", "widower", "actor", "dad":
		return genderMale
	}
	switch {
	case strings.HasSuffix(w, "woman") || strings.HasSuffix(w, "women"):
		return genderFemale
	case strings.HasSuffix(w, "man") && len(w) > 5 && !strings.HasSuffix(w, "human") && !strings.HasSuffix(w, "german"):
		return genderMale // spokesman, congressman, chairman
	}
	return genderUnknown
}

// givenNames are first names common in the news whose bearers are nearly
// all of one gender.
var givenNames = func() map[string]int {
	m := map[string]int{}
	for _, n := range strings.Fields(`hillary nancy elizabeth melania ivanka theresa angela michelle sarah kellyanne
		hope huma donna debbie maxine susan mary karen jennifer lisa patricia linda barbara margaret marine emily jessica
		ashley amanda laura kamala nikki betsy loretta condoleezza madeleine sheryl oprah megyn rachel katie anne ann
		jane julia kate katherine catherine christine carly cheryl diane dianne elaine gina heidi helen janet jill joan
		judith julie kathleen kelly kirsten lindsey lynn maria marie martha melissa nicole pamela rebecca ruth samantha
		sandra sharon stephanie tammy tulsi valerie virginia wendy claire chelsea malia sasha huma hilary ilhan
		alexandria ayanna rashida liz kristen kirstjen sonia ruth amy sally`) {
		m[n] = genderFemale
	}
	for _, n := range strings.Fields(`donald barack bill joe bernie mike paul john james robert michael william david
		richard charles thomas mark steven steve george vladimir ted marco jeb chris rudy jared eric tim mitch harry
		chuck rex jeff reince sean rand ben newt sergei bashar recep benjamin emmanuel boris ahmad mohammed muhammad
		ali hassan ayman omar kevin jim tom dan daniel peter andrew anthony brian gary jason matt matthew patrick
		scott ryan adam al alan frank fred greg henry jack jerry jon jonathan ken larry martin nick roger ron ronald
		sam samuel stephen terry tony walter wayne xi hamid haider hoshyar masoud abdullah ahmed khalid salah rami
		hussein saddam mahmoud rodrigo justin nigel jeremy vince`) {
		m[n] = genderMale
	}
	return m
}()
