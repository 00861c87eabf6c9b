package segment

import (
	"testing"
)

func FuzzSegment(f *testing.F) {
	for _, c := range loadGold(f) {
		f.Add(c.text)
	}
	f.Add("\n\n...\"“”(")
	f.Add("a.b.c. d")
	f.Fuzz(func(t *testing.T, text string) {
		toks, sents := Segment(text)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v (prev end %d, len %d)", tk, prev, len(text))
			}
			prev = tk.End
		}
		next := 0
		for _, s := range sents {
			if s.First != next || s.Last <= s.First || s.Last > len(toks) {
				t.Fatalf("sentence tokens [%d,%d) do not tile (want start %d, %d tokens)", s.First, s.Last, next, len(toks))
			}
			if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
				t.Fatalf("sentence span %d-%d does not match its tokens", s.Start, s.End)
			}
			next = s.Last
		}
		if next != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
		}
	})
}
