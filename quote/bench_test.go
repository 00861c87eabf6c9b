package quote

import "testing"

// BenchmarkFind runs the attribution stage (tagging, assembly, speaker
// resolution) on PolNeAR dev and reports tokens per second, to compare
// with entity's BenchmarkRecognize.
func BenchmarkFind(b *testing.B) {
	data := readSplitB(b, "dev")
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ntok := 0
	for _, l := range data {
		ntok += len(l.Doc.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, l := range data {
			m.Find(Input{Doc: l.Doc})
		}
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
