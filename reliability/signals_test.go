package reliability

import (
	"math"
	"strings"
	"testing"
)

func signalByName(ss []Signal, name string) (Signal, bool) {
	for _, s := range ss {
		if s.Name == name {
			return s, true
		}
	}
	return Signal{}, false
}

func TestSignals(t *testing.T) {
	text := `Officials said the deal was SHOCKING! “We will sign,” Jane Roe said. Sources say it may fail.`
	// quotations as the attribution stage reports them
	src := &Sourcing{Attributions: []Attribution{
		{Start: 0, End: 36, SpeakerKind: "anonymous"},
		{Start: 37, End: 51, SpeakerKind: "person"},
		{Start: 72, End: 95, SpeakerKind: "anonymous"},
		{Start: 60, End: 70, SpeakerKind: "unknown"},
	}}
	ss := Signals("You Won't Believe This Deal", text, src)
	if len(ss) != NumSignals {
		t.Fatalf("%d signals, NumSignals %d", len(ss), NumSignals)
	}
	words := float64(len(wordSpans(text)))
	for _, c := range []struct {
		name  string
		value float64
		spans int
	}{
		{"exclamations", 100 / words, 1},
		{"all_caps_words", 100 / words, 1},
		{"hedges", 100 / words, 1}, // may
		{"title_clickbait", 1, 0},
		{"quotations", 400 / words, 4},
		{"named_source_share", 0.25, 1},
		{"anonymous_source_share", 0.5, 2},
		{"unknown_source_share", 0.25, 1},
	} {
		s, ok := signalByName(ss, c.name)
		if !ok {
			t.Errorf("%s: missing", c.name)
			continue
		}
		if math.Abs(s.Value-c.value) > 1e-9 || len(s.Spans) != c.spans {
			t.Errorf("%s = %.4f with %d spans, want %.4f with %d", c.name, s.Value, len(s.Spans), c.value, c.spans)
		}
		for _, sp := range s.Spans {
			if sp[0] < 0 || sp[1] > len(text) || sp[0] >= sp[1] {
				t.Errorf("%s: span %v outside the text", c.name, sp)
			}
		}
	}
	// no attribution stage: sourcing signals are zero and have no spans
	for _, s := range Signals("", text, nil) {
		if sourcingSignal(s.Name) && (s.Value != 0 || len(s.Spans) != 0) {
			t.Errorf("%s without sourcing = %v, %d spans", s.Name, s.Value, len(s.Spans))
		}
	}
}

// TestAssessNeutralWithoutStages: without a title or the attribution
// stage, those signals push the score neither way.
func TestAssessNeutralWithoutStages(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := m.Assess("", "Officials said the deal was done. Sources say it may fail.", nil)
	for _, s := range r.Signals {
		if (sourcingSignal(s.Name) || strings.HasPrefix(s.Name, "title_")) && s.Contribution != 0 {
			t.Errorf("%s contributes %.4f without its stage", s.Name, s.Contribution)
		}
	}
	with := m.Assess("", "Officials said the deal was done. Sources say it may fail.",
		&Sourcing{Attributions: []Attribution{{Start: 0, End: 32, SpeakerKind: "anonymous"}}})
	moved := false
	for _, s := range with.Signals {
		if sourcingSignal(s.Name) && s.Contribution != 0 {
			moved = true
		}
	}
	if !moved {
		t.Error("with the attribution stage, no sourcing signal contributes")
	}
}
