package claim_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/siftnews/sift"
	"github.com/siftnews/sift/claim"
)

func claimsOf(t *testing.T, text string) *sift.Analysis {
	t.Helper()
	a, err := sift.Analyze(context.Background(), sift.Document{Text: text, Date: "2016-11-10"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func describe(c claim.Claim) string {
	s := c.Predicate + " " + c.Subject + " " + c.State
	if c.Count != nil {
		s += fmt.Sprintf(" %g", c.Count.Value)
	}
	return s
}

func TestClaimsAndRelations(t *testing.T) {
	for _, c := range []struct {
		name, text string
		claims     []string // predicate subject state [value], each must be found
		conflicts  int
		agreements int
	}{
		{"location", "“He is no longer in Mosul,” Foreign Minister Hoshyar Zebari said of Abu Bakr al-Baghdadi. “Baghdadi is still in Mosul,” a Kurdish official said.",
			[]string{"location Abu Bakr al-Baghdadi absent", "location Abu Bakr al-Baghdadi present"}, 1, 0},
		{"count conflict", "“About 6,000 fighters remain in the city,” the defence minister said on Monday. But a Kurdish commander told reporters that fewer than 1,000 fighters remain.",
			[]string{"count fighters remaining 6000", "count fighters remaining 1000"}, 1, 0},
		{"count agreement", "At least 12 civilians were killed in the shelling, the monitoring group said. “Twelve civilians were killed,” a hospital director told Reuters.",
			[]string{"count civilians killed 12"}, 0, 1},
		{"control", "Iraqi forces have retaken Ramadi, the defence ministry said on Monday. A spokesman for the militants said Islamic State still holds Ramadi.",
			[]string{"control Ramadi controls"}, 1, 0},
		{"control, trailing attribution", "Rebels still control the eastern half of Aleppo, a rebel spokesman said on Sunday. But the Syrian army said its forces had taken full control of Aleppo.",
			[]string{"control Aleppo controls"}, 1, 0},
		{"office", "“The minister has not resigned,” spokesman Naseer Jabbar said. Lawmaker Hanan Tamimi said Minister Adnan Hamdani resigned on Tuesday.",
			[]string{"office Adnan Hamdani out_of_office"}, 1, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := claimsOf(t, c.text)
			var got []string
			for _, cl := range a.Claims {
				got = append(got, describe(cl))
				if cl.Polarity == "" || cl.Modality == "" || cl.Predicate == "" || cl.Source == "" {
					t.Errorf("claim without polarity/modality/predicate/source: %+v", cl)
				}
				if cl.Start < 0 || cl.End > len(a.Text) || cl.Start >= cl.End {
					t.Errorf("claim span %d-%d outside the text", cl.Start, cl.End)
				}
			}
			for _, w := range c.claims {
				found := false
				for _, g := range got {
					if strings.HasPrefix(g, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("no claim %q in %q", w, got)
				}
			}
			if len(a.Conflicts) < c.conflicts || c.conflicts == 0 && len(a.Conflicts) > 0 {
				t.Errorf("%d conflicts, want %d: %+v (claims %q)", len(a.Conflicts), c.conflicts, a.Conflicts, got)
			}
			if len(a.Agreements) < c.agreements || c.agreements == 0 && len(a.Agreements) > 0 {
				t.Errorf("%d agreements, want %d: %+v (claims %q)", len(a.Agreements), c.agreements, a.Agreements, got)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	loc := func(src, state, place string) claim.Claim {
		return claim.Claim{Subject: "Baghdadi", Predicate: claim.Location, State: state, Place: place, Source: src, Evidence: state}
	}
	num := func(src string, v float64, q, measure string) claim.Claim {
		return claim.Claim{Subject: "fighters", Predicate: claim.Number, State: measure, Source: src, Count: &claim.Count{Value: v, Qualifier: q}}
	}
	for _, c := range []struct {
		name string
		a, b claim.Claim
		want claim.Relation
	}{
		{"fled vs still there", loc("A", "absent", "Mosul"), loc("B", "present", "Mosul"), claim.Contradict},
		{"same source", loc("A", "absent", "Mosul"), loc("a", "present", "Mosul"), claim.Unrelated},
		{"different places", loc("A", "absent", "Mosul"), loc("B", "present", "Raqqa"), claim.Unrelated},
		{"one place unnamed", loc("A", "absent", "Mosul"), loc("B", "present", ""), claim.Contradict},
		{"both there", loc("A", "present", "Mosul"), loc("B", "present", "Mosul"), claim.Agree},
		{"6,000 vs 1,000", num("A", 6000, "about", "remaining"), num("B", 1000, "", "remaining"), claim.Contradict},
		{"about 6,000 vs 5,500", num("A", 6000, "about", "remaining"), num("B", 5500, "", "remaining"), claim.Agree},
		{"more than 40,000 vs 45,000", num("A", 40000, "more than", "remaining"), num("B", 45000, "", "remaining"), claim.Agree},
		{"fewer than 1,000 vs 6,000", num("A", 1000, "fewer than", "remaining"), num("B", 6000, "", "remaining"), claim.Contradict},
		{"killed vs remaining", num("A", 6000, "", "killed"), num("B", 100, "", "remaining"), claim.Unrelated},
		{"different days", func() claim.Claim { c := loc("A", "absent", "Mosul"); c.Time = "2016-11-01"; return c }(),
			func() claim.Claim { c := loc("B", "present", "Mosul"); c.Time = "2016-11-09"; return c }(), claim.Unrelated},
		{"two controllers", claim.Claim{Subject: "Ramadi", Predicate: claim.Control, State: "controls", Object: "Iraqi forces", Source: "A"},
			claim.Claim{Subject: "Ramadi", Predicate: claim.Control, State: "controls", Object: "Islamic State", Source: "B"}, claim.Contradict},
		{"did vs did not", claim.Claim{Subject: "Smith", Predicate: claim.Event, State: "did", Object: "attend meet", Source: "A"},
			claim.Claim{Subject: "Smith", Predicate: claim.Event, State: "did_not", Object: "attend meet", Source: "B"}, claim.Contradict},
	} {
		if got, reason := claim.Compare(c.a, c.b); got != c.want {
			t.Errorf("%s: %v (%s), want %v", c.name, got, reason, c.want)
		}
	}
}

// TestCompareReasonMidSentence: a source named after the first words of
// the reason starts in lower case; the first keeps its capital.
func TestCompareReasonMidSentence(t *testing.T) {
	a := claim.Claim{Subject: "Baghdadi", Predicate: claim.Location, State: "present", Place: "Mosul", Source: "A Kurdish official", Evidence: "he is in Mosul"}
	b := a
	b.Source, b.Evidence = "A senior official of the KRG", "still in Mosul"
	_, why := claim.Compare(a, b)
	if want := "A Kurdish official and a senior official of the KRG both say"; !strings.HasPrefix(why, want) {
		t.Errorf("reason %q, want it to start %q", why, want)
	}
	b.Source = "Reuters"
	if _, why := claim.Compare(a, b); !strings.Contains(why, " and Reuters both say") {
		t.Errorf("reason %q changed a name", why)
	}
}
