package when

import (
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
	for _, s := range []string{"2016-11-10", "November 10, 2016", "10/11/2016"} {
		if got := ParsePublished(s); got.Year() != 2016 {
			t.Errorf("%q → %v", s, got)
		}
	}
	if !ParsePublished("").IsZero() || !ParsePublished("not a date").IsZero() {
		t.Error("garbage must give the zero time")
	}
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
