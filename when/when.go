// Package when finds date mentions in news text ("on Thursday", "last
// month", "July 2014", "March 3") and resolves them against the article's
// publication date with github.com/markusmobius/go-dateparser.
package when

import (
	"strings"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/siftnews/sift/segment"
)

// Mention is one date expression.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Value is the resolved date in ISO 8601 at the granularity's
	// precision (2016-11-03, 2016-10, 2014); empty when a relative
	// expression has no publication date to resolve against.
	Value string `json:"value,omitempty"`
	// Granularity is day, week, month or year.
	Granularity string `json:"granularity"`
	// Relative is set for expressions read against the publication date.
	Relative bool `json:"relative"`
}

var monthNames = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan.": true, "feb.": true, "aug.": true, "sept.": true, "sep.": true, "oct.": true, "nov.": true, "dec.": true}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

var units = map[string]string{"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year"}

func low(t segment.Token) string { return strings.ToLower(t.Text) }

func isYear(t segment.Token) bool {
	if t.Kind != segment.Number || len(t.Text) != 4 {
		return false
	}
	return t.Text >= "1800" && t.Text <= "2100"
}

func isDay(t segment.Token) bool {
	if t.Kind != segment.Number || len(t.Text) > 2 {
		return false
	}
	return t.Text >= "1" && (len(t.Text) == 1 || t.Text <= "31")
}

// ParsePublished reads a publication date as datasets write it; the zero
// time when it cannot.
func ParsePublished(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	d, err := dps.Parse(&dps.Configuration{Languages: []string{"en"}, CurrentTime: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)}, s)
	if err != nil || d.Time.IsZero() {
		return time.Time{}
	}
	return d.Time
}

// Find returns the date mentions of a text. pub is the publication date
// (zero when unknown): relative mentions are resolved against it.
func Find(text string, toks []segment.Token, pub time.Time) []Mention {
	var out []Mention
	cfg := &dps.Configuration{Languages: []string{"en"}, CurrentTime: pub, PreferredDateSource: dps.Past,
		PreferredDayOfMonth: dps.First, PreferredMonthOfYear: dps.FirstMonth}
	for i := 0; i < len(toks); i++ {
		a, b, gran, rel := match(toks, i)
		if b <= a {
			continue
		}
		m := Mention{Start: toks[a].Start, End: toks[b-1].End, Granularity: gran, Relative: rel}
		m.Text = text[m.Start:m.End]
		if !rel || !pub.IsZero() {
			c := *cfg
			if pub.IsZero() {
				c.CurrentTime = time.Now().UTC()
			}
			if d, err := dps.Parse(&c, m.Text); err == nil && !d.Time.IsZero() {
				m.Value = format(d.Time, gran)
			}
		}
		out = append(out, m)
		i = b - 1
	}
	return out
}

func format(t time.Time, gran string) string {
	switch gran {
	case "year":
		return t.Format("2006")
	case "month":
		return t.Format("2006-01")
	case "week":
		y, w := t.ISOWeek()
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") + "-W" + twoDigits(w)
	}
	return t.Format("2006-01-02")
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// match recognises a date expression starting at token i and returns its
// token range, granularity and whether it is relative.
func match(toks []segment.Token, i int) (int, int, string, bool) {
	t := toks[i]
	w := low(t)
	next := func(k int) (segment.Token, bool) {
		if i+k < len(toks) {
			return toks[i+k], true
		}
		return segment.Token{}, false
	}
	switch {
	case monthNames[w] && !(w == "may" && t.Text == "may"):
		// July 2014 · March 3 · March 3, 2016
		if n, ok := next(1); ok && isYear(n) {
			return i, i + 2, "month", false
		}
		if n, ok := next(1); ok && isDay(n) {
			if c, ok := next(2); ok && c.Text == "," {
				if y, ok := next(3); ok && isYear(y) {
					return i, i + 4, "day", false
				}
			}
			if y, ok := next(2); ok && isYear(y) {
				return i, i + 3, "day", false
			}
			return i, i + 2, "day", true
		}
		if w != "may" && w != "march" {
			return i, i + 1, "month", true
		}
	case isDay(t):
		// 3 March 2016
		if m, ok := next(1); ok && monthNames[low(m)] {
			if y, ok := next(2); ok && isYear(y) {
				return i, i + 3, "day", false
			}
			return i, i + 2, "day", true
		}
	case weekdays[w]:
		return i, i + 1, "day", true
	case w == "yesterday" || w == "today" || w == "tomorrow":
		return i, i + 1, "day", true
	case w == "last" || w == "this" || w == "next" || w == "earlier" || w == "later":
		k := 1
		if w == "earlier" || w == "later" {
			if n, ok := next(1); !ok || low(n) != "this" {
				return 0, 0, "", false
			}
			k = 2
		}
		if n, ok := next(k); ok {
			if u, ok := units[low(n)]; ok && !strings.HasSuffix(low(n), "s") {
				return i, i + k + 1, u, true
			}
			if weekdays[low(n)] {
				return i, i + k + 1, "day", true
			}
		}
	case t.Kind == segment.Number || numberWords[w]:
		// "two weeks ago"
		if u, ok := next(1); ok {
			if g, ok := units[low(u)]; ok {
				if a, ok := next(2); ok && low(a) == "ago" {
					return i, i + 3, g, true
				}
			}
		}
		if isYear(t) && i > 0 {
			switch low(toks[i-1]) {
			case "in", "since", "until", "by", "during", "of", "from":
				return i, i + 1, "year", false
			}
		}
	}
	return 0, 0, "", false
}

var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "a": true}
