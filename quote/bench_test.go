package quote

import (
	"testing"
	"time"

	"github.com/siftnews/sift/entity"
)

// BenchmarkFind runs the attribution stage (tagging, assembly, speaker
// resolution) on PolNeAR dev and reports tokens per second.
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

// BenchmarkAttributionVsEntities runs, article by article on PolNeAR dev,
// the two stages as sift.Analyze does: entity tagging and linking, then
// attribution (the entity labels and word classes it reads, tagging,
// assembly, speaker resolution). The stages alternate on each article, so
// the machine's noise falls on both alike; "added" is attribution's time
// over entity tagging's (the issue bounds it at 0.5).
func BenchmarkAttributionVsEntities(b *testing.B) {
	data := readSplitB(b, "dev")
	em, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	qm, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	type article struct {
		words [][]string
		toks  [][]entity.Token
		doc   *Doc
	}
	arts := make([]article, len(data))
	ntok := 0
	for i, l := range data {
		ntok += len(l.Doc.Tokens)
		arts[i].words, arts[i].toks = EntitySentences(l.Doc.Tokens, l.Doc.Sents)
		arts[i].doc = l.Doc
	}
	var ent, attr time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			t0 := time.Now()
			mentions, classes := em.RecognizeClasses(a.words)
			ents, clusters := entity.Link(a.toks, mentions)
			t1 := time.Now()
			d := DocOf(a.doc.Text, a.doc.Tokens, a.doc.Sents, em, mentions, classes)
			qm.Find(Input{Doc: d, Entities: ents, Clusters: clusters})
			t2 := time.Now()
			ent += t1.Sub(t0)
			attr += t2.Sub(t1)
		}
	}
	b.ReportMetric(float64(ntok*b.N)/ent.Seconds(), "entity-tokens/s")
	b.ReportMetric(float64(ntok*b.N)/attr.Seconds(), "attribution-tokens/s")
	b.ReportMetric(attr.Seconds()/ent.Seconds(), "added")
}
