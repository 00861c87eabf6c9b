package sift_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/siftnews/sift"
	"github.com/siftnews/sift/internal/shareddata"
	"github.com/siftnews/sift/repair"
	"github.com/siftnews/sift/segment"
)

// benchText returns about 1 MiB of real news text: the ISOT sample (fake
// and true) when the shared data is present, else the examples repeated.
func benchText(b *testing.B) string {
	b.Helper()
	var parts []string
	if root := shareddata.Root(); root != "" {
		for _, f := range []string{"isot-sample/true_sample.csv", "isot-sample/fake_sample.csv"} {
			if data, err := os.ReadFile(filepath.Join(root, f)); err == nil {
				parts = append(parts, string(data))
			}
		}
	}
	if len(parts) == 0 {
		files, _ := filepath.Glob("examples/*.txt")
		for _, f := range files {
			data, _ := os.ReadFile(f)
			parts = append(parts, string(data))
		}
	}
	text := strings.Join(parts, "\n\n")
	for len(text) < 1<<20 {
		text += "\n\n" + text
	}
	return text[:1<<20]
}

// BenchmarkCore measures repair + tokenisation + sentence segmentation, the
// core pipeline, in bytes per second on one core.
func BenchmarkCore(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r := repair.Clean(text)
		segment.Segment(r.Clean)
	}
}

func BenchmarkRepair(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		repair.Clean(text)
	}
}

// BenchmarkRepairStripped measures repair on the same text with every
// quotation mark stripped (each replaced by a space, as in ISOT's fake
// half), where the repair also puts marks back.
func BenchmarkRepairStripped(b *testing.B) {
	text := strings.NewReplacer("“", " ", "”", " ", `"`, " ").Replace(benchText(b))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		repair.Clean(text)
	}
}

func BenchmarkSegment(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		segment.Segment(text)
	}
}

// BenchmarkAnalyze measures the public entry point, the whole pipeline,
// on one 600-word article.
func BenchmarkAnalyze(b *testing.B) {
	text := benchText(b)
	words := strings.Fields(text)
	article := strings.Join(words[1000:1600], " ")
	b.SetBytes(int64(len(article)))
	b.ReportAllocs()
	ctx := context.Background()
	// the embedded models load on first use: not part of an article's cost
	if _, err := sift.Analyze(ctx, sift.Document{Text: article}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := sift.Analyze(ctx, sift.Document{Text: article}); err != nil {
			b.Fatal(err)
		}
	}
}
