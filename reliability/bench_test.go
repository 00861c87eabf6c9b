package reliability

import (
	"strings"
	"testing"
)

const benchArticle = `WASHINGTON - The Senate voted on Tuesday to approve the measure, officials said, after weeks of talks between party leaders. “We have done what the voters asked of us,” the majority leader told reporters. Critics said the bill would cost more than $40 billion over ten years and called it a giveaway. `

// BenchmarkAssess scores a 600-word article with the embedded model
// (scrubbing, features, signals, calibrated probability, explanations).
func BenchmarkAssess(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(benchArticle, 11)
	for b.Loop() {
		m.Assess("Senate passes spending bill after weeks of talks", text, nil)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkProbability is the model alone: the probability without
// explanations.
func BenchmarkProbability(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(benchArticle, 11)
	for b.Loop() {
		m.Probability("Senate passes spending bill after weeks of talks", text, nil)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
