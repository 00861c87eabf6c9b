// Package when finds date mentions in news text ("on Thursday", "last
// month", "July 2014", "March 3") and resolves them against the article's
// publication date.
package when

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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

// ParsePublished reads a publication date as datasets, feeds and pages
// write it ("December 31, 2017", "Dec 31, 2017", "1/15/16", "15-Dec-17",
// "2017-12-31T09:30:00Z", "Sun, 31 Dec 2017 09:30:00 GMT", …); the zero
// time when it cannot. Numeric dates are read month first, as in the
// American datasets, unless the first number cannot be a month
// ("15/1/16").
func ParsePublished(s string) time.Time {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	for _, l := range fullLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	// a weekday before the date, a time of day after it
	d := s
	if i := strings.Index(d, ", "); i > 0 && weekdays[strings.ToLower(d[:i])] {
		d = d[i+2:]
	}
	if i := timeOfDay(d); i > 0 {
		d = strings.TrimSuffix(strings.TrimSpace(d[:i]), " at")
		d = strings.TrimSuffix(d, ",")
	}
	d = monthDot.Replace(d)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, d); err == nil {
			return t
		}
	}
	return numericDate(d)
}

var fullLayouts = []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04",
	"2006-01-02 15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 MST", "2006-01-02 15:04",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05", time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC, time.UnixDate}

var dateLayouts = []string{"2006-01-02", "2006/01/02", "20060102", "January 2, 2006", "January 2 2006",
	"Jan 2, 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006", "2 January, 2006", "January 2006", "Jan 2006",
	"2-Jan-06", "2-Jan-2006", "02-Jan-2006", "2006"}

// monthDot spells abbreviated months as Go's layouts read them ("Sept." →
// "Sep", "Nov." → "Nov").
var monthDot = strings.NewReplacer("Sept.", "Sep", "Sept ", "Sep ", "Jan.", "Jan", "Feb.", "Feb", "Mar.", "Mar",
	"Apr.", "Apr", "Jun.", "Jun", "Jul.", "Jul", "Aug.", "Aug", "Sep.", "Sep", "Oct.", "Oct", "Nov.", "Nov", "Dec.", "Dec")

// timeOfDay returns where a time of day ("4:05 PM", "09:30") starts in s,
// or -1.
func timeOfDay(s string) int {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && isDigitByte(s[i-1]) && isDigitByte(s[i+1]) {
			j := i - 1
			for j > 0 && isDigitByte(s[j-1]) {
				j--
			}
			return j
		}
	}
	return -1
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// numericDate reads M/D/Y, M-D-Y or M.D.Y (D/M/Y when the first number is
// over 12), with a two- or four-digit year.
func numericDate(s string) time.Time {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(f) != 3 || len(f[2]) != 2 && len(f[2]) != 4 {
		return time.Time{}
	}
	var n [3]int
	for i, x := range f {
		v, err := strconv.Atoi(x)
		if err != nil || v < 0 {
			return time.Time{}
		}
		n[i] = v
	}
	mo, day, y := n[0], n[1], n[2]
	if mo > 12 {
		mo, day = day, mo
	}
	if len(f[2]) == 2 {
		y += 2000
		if y > 2069 {
			y -= 100 // time's own pivot for two-digit years
		}
	}
	return dateOf(y, time.Month(mo), day)
}

// dateOf is the date y-m-d, or the zero time when there is no such day
// (time.Date would carry an overflowing day into later months and years).
func dateOf(y int, m time.Month, d int) time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || t.Month() != m || t.Day() != d || t.Year() != y {
		return time.Time{}
	}
	return t
}

// Find returns the date mentions of a text. pub is the publication date
// (zero when unknown): relative mentions are resolved against it.
func Find(text string, toks []segment.Token, pub time.Time) []Mention {
	var out []Mention
	var day time.Time // the publication day
	if !pub.IsZero() {
		day = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	}
	for i := 0; i < len(toks); i++ {
		a, b, gran, rel := match(toks, i)
		if b <= a {
			continue
		}
		m := Mention{Start: toks[a].Start, End: toks[b-1].End, Granularity: gran, Relative: rel}
		m.Text = text[m.Start:m.End]
		if !rel || !day.IsZero() {
			if d := resolve(toks[a:b], day); !d.IsZero() {
				m.Value = format(d, gran)
			}
		}
		out = append(out, m)
		i = b - 1
	}
	return out
}

// resolve gives the date a matched expression names, reading relative
// ones against the publication day pub; the zero time when there is none
// ("31 November"). Past is preferred, as news reports what happened: a
// weekday is the last such day before pub, a month or a day of the year
// without a year the last one not after it.
func resolve(ts []segment.Token, pub time.Time) time.Time {
	w := make([]string, len(ts))
	for i, t := range ts {
		w[i] = strings.TrimSuffix(low(t), ".")
	}
	num := func(s string) int {
		if v, ok := numberValues[s]; ok {
			return v
		}
		if i := strings.LastIndexAny(s, "-–"); i >= 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			s = s[i+size:] // "36-40 years ago": the far end
		}
		v, _ := strconv.Atoi(s)
		return v
	}
	last := w[len(w)-1]
	switch {
	case monthOf(w[0]) != 0:
		m := monthOf(w[0])
		switch len(w) {
		case 1:
			return lastMonthDay(pub, m, 1, true)
		case 2:
			if isYear(ts[1]) {
				return dateOf(num(w[1]), m, 1)
			}
			return lastMonthDay(pub, m, num(w[1]), false)
		default:
			return dateOf(num(last), m, num(w[1]))
		}
	case len(w) >= 2 && monthOf(w[1]) != 0:
		if len(w) == 3 {
			return dateOf(num(w[2]), monthOf(w[1]), num(w[0]))
		}
		return lastMonthDay(pub, monthOf(w[1]), num(w[0]), false)
	case len(w) == 1 && weekdays[w[0]]:
		return weekdayBefore(pub, weekdayOf(w[0]))
	case len(w) == 1 && w[0] == "yesterday":
		return pub.AddDate(0, 0, -1)
	case len(w) == 1 && w[0] == "today":
		return pub
	case len(w) == 1 && w[0] == "tomorrow":
		return pub.AddDate(0, 0, 1)
	case len(w) == 1:
		return dateOf(num(w[0]), 1, 1) // "in 2011"
	case last == "ago":
		return shift(pub, units[w[1]], -num(w[0]))
	case weekdays[last]:
		wd := weekdayOf(last)
		switch w[0] {
		case "last":
			return weekdayBefore(pub, wd)
		case "next":
			return weekdayBefore(pub.AddDate(0, 0, 8), wd) // the first one after pub
		}
		// "this Monday": that day of pub's week (Monday to Sunday)
		return pub.AddDate(0, 0, (int(wd)+6)%7-(int(pub.Weekday())+6)%7)
	}
	if units[last] == "day" {
		return time.Time{} // "the next day" counts from the story's events, not from pub
	}
	switch w[0] {
	case "last":
		return shift(pub, units[last], -1)
	case "next":
		return shift(pub, units[last], 1)
	}
	return pub // "this week", "earlier this month", "later this year"
}

// numberValues are the number words "two weeks ago" may begin with.
var numberValues = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10}

// monthOf is the month a lower-case name or abbreviation names, or 0.
func monthOf(w string) time.Month {
	w = strings.TrimSuffix(w, ".")
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if w == name || len(w) >= 3 && strings.HasPrefix(name, w) && monthNames[w+"."] || w == "sept" && m == time.September {
			return m
		}
	}
	return 0
}

func weekdayOf(w string) time.Weekday {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == w {
			return d
		}
	}
	return time.Sunday
}

// weekdayBefore is the last day before t that is a wd.
func weekdayBefore(t time.Time, wd time.Weekday) time.Time {
	back := (int(t.Weekday()) - int(wd) + 7) % 7
	if back == 0 {
		back = 7
	}
	return t.AddDate(0, 0, -back)
}

// lastMonthDay is the last month m, day d not after pub (the first of the
// month when month is set): "July" read in May 2016 is July 2015.
func lastMonthDay(pub time.Time, m time.Month, d int, month bool) time.Time {
	for y := pub.Year(); y > pub.Year()-8; y-- {
		t := dateOf(y, m, d)
		if t.IsZero() {
			if d > 29 || m != time.February {
				return t // no such day in any year
			}
			continue // 29 February: a leap year before
		}
		if !t.After(pub) {
			return t
		}
	}
	return time.Time{}
}

// shift moves t by n units (day, week, month, year).
func shift(t time.Time, unit string, n int) time.Time {
	switch unit {
	case "day":
		return t.AddDate(0, 0, n)
	case "week":
		return t.AddDate(0, 0, 7*n)
	case "month":
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		return dateOf(first.Year(), first.Month(), min(t.Day(), daysIn(first)))
	case "year":
		return dateOf(t.Year()+n, t.Month(), min(t.Day(), daysIn(time.Date(t.Year()+n, t.Month(), 1, 0, 0, 0, 0, time.UTC))))
	}
	return time.Time{}
}

func daysIn(first time.Time) int { return first.AddDate(0, 1, -1).Day() }

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
	case t.Kind == segment.Number || numberValues[w] > 0:
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
