package when

import (
	"strings"
	"testing"
	"time"

	"github.com/siftnews/sift/segment"
)

func TestFind(t *testing.T) {
	pub := time.Date(2016, 11, 10, 12, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		text, span, value, gran string
		rel                     bool
	}{
		{"He spoke to reporters on Tuesday in Baghdad.", "Tuesday", "2016-11-08", "day", true},
		{"Prices rose last month, officials said.", "last month", "2016-10", "month", true},
		{"He has not been seen since July 2014.", "July 2014", "2014-07", "month", false},
		{"The vote is set for March 3, 2017.", "March 3, 2017", "2017-03-03", "day", false},
		{"The attack came two weeks ago.", "two weeks ago", "2016-10-27", "week", true},
		{"Fighting has continued since 2011.", "2011", "2011", "year", false},
		{"Officials met yesterday.", "yesterday", "2016-11-09", "day", true},
		// past preferred: a weekday is the last one before the publication
		// day, a month or a day without a year the last one not after it
		{"They met on Thursday.", "Thursday", "2016-11-03", "day", true},
		{"The talks began on November 10.", "November 10", "2016-11-10", "day", true},
		{"The talks began on November 11.", "November 11", "2015-11-11", "day", true},
		{"The talks began on 11 November.", "11 November", "2015-11-11", "day", true},
		{"Prices fell in October.", "October", "2016-10", "month", true},
		{"Prices fell in December.", "December", "2015-12", "month", true},
		{"The deal was signed on Sept. 3.", "Sept. 3", "2016-09-03", "day", true},
		{"He was born on Feb. 29.", "Feb. 29", "2016-02-29", "day", true},
		{"It happened on 31 November.", "31 November", "", "day", true},
		{"The vote is set for 3 March 2017.", "3 March 2017", "2017-03-03", "day", false},
		{"The vote is set for March 3 2017.", "March 3 2017", "2017-03-03", "day", false},
		{"Sales rose last year.", "last year", "2015", "year", true},
		{"Sales will rise next month.", "next month", "2016-12", "month", true},
		{"He was elected this year.", "this year", "2016", "year", true},
		{"He said so earlier this month.", "earlier this month", "2016-11", "month", true},
		{"He will decide later this year.", "later this year", "2016", "year", true},
		{"They met last Monday.", "last Monday", "2016-11-07", "day", true},
		{"They met last Thursday.", "last Thursday", "2016-11-03", "day", true},
		{"They will meet next Thursday.", "next Thursday", "2016-11-17", "day", true},
		{"They will meet this Saturday.", "this Saturday", "2016-11-12", "day", true},
		{"The ceasefire held until the next day.", "next day", "", "day", true},
		{"It was founded a month ago.", "a month ago", "2016-10", "month", true},
		{"It was founded ten years ago.", "ten years ago", "2006", "year", true},
		{"It was built 36-40 years ago.", "36-40 years ago", "1976", "year", true},
	}
	for _, tc := range tests {
		ms := Find(tc.text, segment.Tokenize(tc.text), pub)
		if len(ms) != 1 {
			t.Errorf("%q: %+v", tc.text, ms)
			continue
		}
		m := ms[0]
		if m.Text != tc.span || m.Granularity != tc.gran || m.Relative != tc.rel {
			t.Errorf("%q: got %+v", tc.text, m)
		}
		if tc.gran != "week" && m.Value != tc.value {
			t.Errorf("%q: value %q, want %q", tc.text, m.Value, tc.value)
		}
		if tc.text[m.Start:m.End] != m.Text {
			t.Errorf("%q: offsets", tc.text)
		}
	}
}

func TestRelativeWithoutPublicationDate(t *testing.T) {
	ms := Find("They met on Friday.", segment.Tokenize("They met on Friday."), time.Time{})
	if len(ms) != 1 || ms[0].Value != "" || !ms[0].Relative {
		t.Errorf("a relative date with no publication date must stay unresolved: %+v", ms)
	}
	if ms := Find("He may go.", segment.Tokenize("He may go."), time.Time{}); len(ms) != 0 {
		t.Errorf("the verb may is not a month: %+v", ms)
	}
}

func TestParsePublished(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2016-11-10", "2016-11-10T00:00:00Z"},
		{"November 10, 2016", "2016-11-10T00:00:00Z"},
		{"December 31, 2017 ", "2017-12-31T00:00:00Z"}, // ISOT, trailing space
		{"Dec 31, 2017", "2017-12-31T00:00:00Z"},
		{"Nov. 10, 2016", "2016-11-10T00:00:00Z"},
		{"Sept. 3, 2016", "2016-09-03T00:00:00Z"},
		{"10 November 2016", "2016-11-10T00:00:00Z"},
		{"Thursday, November 10, 2016", "2016-11-10T00:00:00Z"},
		{"November 10, 2016 at 4:05 pm", "2016-11-10T00:00:00Z"},
		{"November 2016", "2016-11-01T00:00:00Z"},
		{"2016", "2016-01-01T00:00:00Z"},
		{"10/11/2016", "2016-10-11T00:00:00Z"}, // month first
		{"1/15/16", "2016-01-15T00:00:00Z"},    // fa-kes
		{"15/1/16", "2016-01-15T00:00:00Z"},    // 15 cannot be a month
		{"10.11.2016", "2016-10-11T00:00:00Z"},
		{"15-Dec-17", "2017-12-15T00:00:00Z"},
		{"2016/11/10", "2016-11-10T00:00:00Z"},
		{"20161110", "2016-11-10T00:00:00Z"},
		{"2017-12-31 09:30:00", "2017-12-31T09:30:00Z"},
		{"2016-11-10T12:00:00+02:00", "2016-11-10T12:00:00+02:00"},
		{"Thu, 10 Nov 2016 12:00:00 GMT", "2016-11-10T12:00:00Z"}, // RSS
		{"Thu, 10 Nov 2016 12:00:00 +0000", "2016-11-10T12:00:00Z"},
	}
	for _, tc := range tests {
		if got := ParsePublished(tc.in).Format(time.RFC3339); got != tc.want {
			t.Errorf("ParsePublished(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, s := range []string{"", "not a date", "13/13/2016", "2/30/2016", "A  A  A", "99-Dec-17",
		"1.22212222222220.17"} { // a day of 22212222222220 carried into the year 60815000880 (found by FuzzParsePublished)
		if got := ParsePublished(s); !got.IsZero() {
			t.Errorf("ParsePublished(%q) = %v, want the zero time", s, got)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("On Thursday, officials said prices rose last month and 4,000 fighters remain since July 2014. "+
		"The vote is set for March 3, 2017, two weeks ago they met earlier this week in 2011. ", 50)
	toks := segment.Tokenize(text)
	pub := time.Date(2016, 11, 10, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, toks, pub)
	}
}

func BenchmarkParsePublished(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParsePublished("December 31, 2017 ")
	}
}

func FuzzParsePublished(f *testing.F) {
	for _, s := range []string{"December 31, 2017", "1/15/16", "15-Dec-17", "Thu, 10 Nov 2016 12:00:00 GMT", "2016-11-10T12:00:00+02:00", "Thursday, November 10, 2016 at 4:05 pm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := ParsePublished(s); !d.IsZero() && (d.Year() < 0 || d.Year() > 9999) {
			t.Fatalf("%q → %v", s, d)
		}
	})
}

func FuzzFind(f *testing.F) {
	f.Add("on Thursday, last month, July 2014, March 3, 2016, two weeks ago, since 2011")
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range Find(text, segment.Tokenize(text), time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)) {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End {
				t.Fatalf("bad span %+v", m)
			}
		}
	})
}
