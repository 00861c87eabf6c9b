package count

import (
	"testing"

	"github.com/siftnews/sift/segment"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text, span, what string
		value, high      float64
		approx           bool
	}{
		{"About 6,000 fighters remain inside the city.", "About 6,000 fighters", "fighters", 6000, 0, true},
		{"More than 40,000 troops were taking part.", "More than 40,000 troops", "troops", 40000, 0, true},
		{"Dozens of civilians were killed.", "Dozens of civilians", "civilians", 24, 0, true},
		{"The strike killed 12 people on Sunday.", "12 people", "people", 12, 0, false},
		{"Between 200 and 300 families fled.", "Between 200 and 300 families", "families", 200, 300, false},
		{"Unemployment rose to 4.5 percent.", "4.5 percent", "percent", 4.5, 0, false},
		{"The deal is worth $5 billion.", "$5 billion", "dollars", 5e9, 0, false},
		{"Three soldiers were wounded.", "Three soldiers", "soldiers", 3, 0, false},
	}
	for _, tc := range tests {
		toks := segment.Tokenize(tc.text)
		cs := Find(tc.text, toks)
		if len(cs) != 1 {
			t.Errorf("%q: %d counts %+v", tc.text, len(cs), cs)
			continue
		}
		c := cs[0]
		if c.Text != tc.span || c.What != tc.what || c.Value != tc.value || c.High != tc.high || c.Approximate != tc.approx {
			t.Errorf("%q: got %+v", tc.text, c)
		}
		if tc.text[c.Start:c.End] != c.Text {
			t.Errorf("%q: offsets", tc.text)
		}
	}
}

func TestNotCounts(t *testing.T) {
	for _, text := range []string{
		"He was seen in July 2014 at the mosque.",
		"The vote is on March 3 at 10:30 a.m.",
		"Since 2011, the war has displaced millions.",
		"One of the officials spoke.",
		"He finished 3rd in the race.",
	} {
		for _, c := range Find(text, segment.Tokenize(text)) {
			if c.Value == 2014 || c.Value == 3 || c.Value == 2011 || c.Value == 1 || c.Value == 10 {
				t.Errorf("%q: not a count: %+v", text, c)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("About 6,000 fighters remain; between 1 and 2, $5 bn, 3 %")
	f.Fuzz(func(t *testing.T, text string) {
		for _, c := range Find(text, segment.Tokenize(text)) {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End {
				t.Fatalf("bad span %+v", c)
			}
		}
	})
}
