package entity

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/siftnews/sift/internal/shareddata"
)

func conllDocs(tb testing.TB, name string) [][][]string {
	tb.Helper()
	dir := shareddata.Dir(tb, "conll2003")
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([][][]string, len(docs))
	for i, d := range docs {
		for _, s := range d {
			out[i] = append(out[i], s.Words)
		}
	}
	return out
}

// BenchmarkRecognize tags the CoNLL-2003 test set with the embedded model
// on one goroutine and reports tokens per second.
func BenchmarkRecognize(b *testing.B) {
	docs := conllDocs(b, "test.txt")
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ntok := 0
	for _, d := range docs {
		for _, s := range d {
			ntok += len(s)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			m.Recognize(d)
		}
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
