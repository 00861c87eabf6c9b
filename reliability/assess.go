package reliability

import (
	"sort"
	"unicode/utf8"
)

// MaxAssessBytes is how much of a text Assess reads (256 KiB).
const MaxAssessBytes = 256 << 10

// Report is the reliability part of an analysis: a calibrated probability
// with the evidence that moved it — never a bare verdict.
type Report struct {
	// PUnreliable is the calibrated probability that the article belongs
	// with the unreliable ones of the training data.
	PUnreliable float64 `json:"p_unreliable"`
	// Label reads the probability: likely_reliable (< 0.3), uncertain,
	// likely_unreliable (≥ 0.7).
	Label string `json:"label"`
	// Signals are the transparent cues, each with its value, the spans
	// that produced it and its push on the score (> 0 towards unreliable).
	Signals []ScoredSignal `json:"signals"`
	// TopFeatures are the words and n-grams that moved the score most.
	TopFeatures []Contribution `json:"top_features"`
}

// ScoredSignal is a signal with its contribution to the score.
type ScoredSignal struct {
	Signal
	Contribution float64 `json:"contribution"`
}

// Assess scores an article and explains the score. Signal spans are byte
// offsets into text; src is what the attribution stage found in text (nil
// if it did not run: the sourcing signals then count for nothing).
func (m *Model) Assess(title, text string, src *Sourcing) Report {
	// A news article is far shorter; beyond this the score would not
	// change, only the time it takes.
	if len(text) > MaxAssessBytes {
		cut := MaxAssessBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	scrubbed := Scrub(text)
	s := m.sampleScrubbed(title, scrubbed, src)
	p := sigmoid(m.a*m.score(s) + m.c)
	r := Report{PUnreliable: p, Label: "uncertain"}
	switch {
	case p < 0.3:
		r.Label = "likely_reliable"
	case p >= 0.7:
		r.Label = "likely_unreliable"
	}
	for k, sig := range Signals(title, text, src) {
		c := 0.0
		if k < len(m.sigW) {
			c = m.a * m.sigW[k] * m.std(k, s.sig[k])
		}
		r.Signals = append(r.Signals, ScoredSignal{Signal: sig, Contribution: c})
	}
	sort.SliceStable(r.Signals, func(i, j int) bool { return abs(r.Signals[i].Contribution) > abs(r.Signals[j].Contribution) })
	r.TopFeatures = m.explain(s.v, title, scrubbed, 10)
	return r
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
