package repair

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"“Caliph” Abu Bakr   had fled Mosul", "Johnson described  ’s message as", "6, 000 fighters",
	"going to work. ”", "U. S. troops", "Itâ€™s", "&amp;&#8217;&#x2019;&nbsp;", "a\x00b", "caf\xe9",
	"Russia s", `He said "yes . "`, "He said:  We win.   Nobody can stop us,  he said.", "It was  big .\n We know,  said Al", "a.  b  c,  said X", "x,  Paxton vowed", "  ’s", "\u2028", "&#99999999;", "Ã", "â€", "\xff\xfe",
}

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r := Clean(in)
		if !utf8.ValidString(r.Clean) {
			t.Fatalf("clean text is not valid UTF-8: %q", r.Clean)
		}
		for _, rep := range r.Repairs {
			if rep.Start < 0 || rep.End > len(in) || rep.Start > rep.End {
				t.Fatalf("repair out of range: %+v (len %d)", rep, len(in))
			}
			if in[rep.Start:rep.End] != rep.Before {
				t.Fatalf("repair Before %q != original %q", rep.Before, in[rep.Start:rep.End])
			}
		}
		for _, g := range r.Gaps {
			if g.Start < 0 || g.End > len(in) || g.Start >= g.End {
				t.Fatalf("gap out of range: %+v (len %d)", g, len(in))
			}
		}
		prevS, prevE := 0, 0
		for c := 0; c <= len(r.Clean); c++ {
			s, e := r.Map.Start(c), r.Map.End(c)
			if s < prevS || s > len(in) || e < prevE || e > len(in) {
				t.Fatalf("Map(%d) = [%d,%d) not monotonic in [0,%d] (prev %d,%d)", c, s, e, len(in), prevS, prevE)
			}
			if c > 0 {
				if ss, se := r.Map.Span(c-1, c); ss > se || ss < 0 || se > len(in) {
					t.Fatalf("span [%d,%d) maps to [%d,%d) in a text of %d", c-1, c, ss, se, len(in))
				}
			}
			prevS, prevE = s, e
		}
		if r.Map.End(len(r.Clean)) != len(in) && len(r.Clean) > 0 {
			// trailing deletions end the text early; that is fine only when
			// the tail of the original was removed
			tailRemoved := false
			for _, rep := range r.Repairs {
				if rep.End == len(in) && rep.After == "" {
					tailRemoved = true
				}
			}
			if !tailRemoved {
				t.Fatalf("Map.End(len clean) = %d, want %d", r.Map.End(len(r.Clean)), len(in))
			}
		}
	})
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		s, reps := Decode(in)
		if !utf8.ValidString(s) {
			t.Fatalf("Decode gave invalid UTF-8 %q", s)
		}
		for _, r := range reps {
			if r.Start < 0 || r.End > len(s) || r.Start > r.End {
				t.Fatalf("repair out of range %+v", r)
			}
		}
	})
}
