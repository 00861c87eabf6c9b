package quote

import (
	"context"
	"sort"

	"github.com/siftnews/sift/internal/seqlab"
	"github.com/siftnews/sift/internal/wordnet"
)

// Span is a byte range [Start, End) of Doc.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// GoldAttribution is one annotated attribution: parts may be
// discontinuous; Source may be empty.
type GoldAttribution struct {
	Source, Cue, Content []Span
}

// Labeled is a document with its annotated attributions.
type Labeled struct {
	Doc   *Doc
	Attrs []GoldAttribution
}

// TrainOptions control Train.
type TrainOptions struct {
	Epochs, Patience int
	Seed             uint64
	Prune            float32
	Epoch            func(epoch, mistakes int, dev Scores, best bool)
}

// tokenRange maps a byte span to the tokens it overlaps.
func tokenRange(d *Doc, s Span) (int, int) {
	a := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > s.Start })
	b := a
	for b < len(d.Tokens) && d.Tokens[b].Start < s.End {
		b++
	}
	return a, b
}

// goldTags labels every token of a document: contents first (longest
// first), then sources and cues on top, so nested attributions keep their
// sources and cues.
func goldTags(l Labeled) []int {
	type piece struct {
		a, b, typ int
	}
	var ps []piece
	for _, at := range l.Attrs {
		for typ, parts := range [][]Span{at.Content, at.Source, at.Cue} {
			t := []int{typeContent, typeSource, typeCue}[typ]
			for _, s := range parts {
				a, b := tokenRange(l.Doc, s)
				if a < b {
					ps = append(ps, piece{a, b, t})
				}
			}
		}
	}
	order := func(t int) int { return map[int]int{typeContent: 0, typeSource: 1, typeCue: 2}[t] }
	sort.SliceStable(ps, func(i, j int) bool {
		if order(ps[i].typ) != order(ps[j].typ) {
			return order(ps[i].typ) < order(ps[j].typ)
		}
		return ps[i].b-ps[i].a > ps[j].b-ps[j].a
	})
	lab := make([]int, len(l.Doc.Tokens))
	for i := range lab {
		lab[i] = -1
	}
	id := make([]int, len(l.Doc.Tokens)) // which piece, to keep adjacent pieces apart
	for k, p := range ps {
		for i := p.a; i < p.b; i++ {
			lab[i] = p.typ
			id[i] = k
		}
	}
	var spans []seqlab.Span
	for i := 0; i < len(lab); {
		if lab[i] < 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(lab) && lab[j] == lab[i] && id[j] == id[i] {
			j++
		}
		spans = append(spans, seqlab.Span{Start: i, End: j, Type: lab[i]})
		i = j
	}
	return seqlab.Encode(len(lab), spans)
}

// buildLexicon estimates, for each lowercased word, how often it is part
// of a cue in the training data.
func buildLexicon(data []Labeled) map[string]float32 {
	total := map[string]int{}
	inCue := map[string]int{}
	for _, l := range data {
		cue := make([]bool, len(l.Doc.Tokens))
		for _, at := range l.Attrs {
			for _, s := range at.Cue {
				a, b := tokenRange(l.Doc, s)
				for i := a; i < b; i++ {
					cue[i] = true
				}
			}
		}
		for i, t := range l.Doc.Tokens {
			w := lowerNorm(t.Text)
			total[w]++
			if cue[i] {
				inCue[w]++
			}
		}
	}
	lex := map[string]float32{}
	for w, n := range inCue {
		if n >= 2 {
			lex[w] = float32(n) / float32(total[w])
		}
	}
	return lex
}

// unitData is one training unit: its base features and gold tags.
type unitData struct {
	doc   *Doc
	u     unit
	feats [][]uint64
	gold  []int
}

func (m *Model) units(data []Labeled) []unitData {
	var out []unitData
	for _, l := range data {
		gold := goldTags(l)
		for _, u := range units(l.Doc) {
			g := append([]int(nil), gold[u.first:u.last]...)
			fixBILOU(g)
			out = append(out, unitData{doc: l.Doc, u: u, feats: m.features(l.Doc, u, new(scratch)), gold: g})
		}
	}
	return out
}

// cueOnly keeps the cue spans of a three-type tag sequence as a one-type
// sequence.
func cueOnly(tags []int) []int {
	var spans []seqlab.Span
	for _, s := range seqlab.Decode(tags) {
		if s.Type == typeCue {
			spans = append(spans, seqlab.Span{Start: s.Start, End: s.End})
		}
	}
	return seqlab.Encode(len(tags), spans)
}

// fixBILOU repairs tags cut at a unit boundary into well-formed BILOU:
// every run of one type becomes a span.
func fixBILOU(tags []int) {
	var runs []seqlab.Span
	for i := 0; i < len(tags); {
		if tags[i] == 0 {
			i++
			continue
		}
		typ := (tags[i] - 1) / 4
		j := i + 1
		for j < len(tags) && tags[j] != 0 && (tags[j]-1)/4 == typ && (tags[j]-1)%4 != 0 && (tags[j]-1)%4 != 3 {
			j++
		}
		if j < len(tags) && tags[j] != 0 && (tags[j]-1)/4 == typ && (tags[j]-1)%4 == 2 {
			j++
		}
		runs = append(runs, seqlab.Span{Start: i, End: j, Type: typ})
		i = j
	}
	copy(tags, seqlab.Encode(len(tags), runs))
}

// Train learns the two-stage attribution tagger: a cue tagger, then a
// tagger of sources, cues and contents that reads the cue tagger's output.
// The second stage trains on cue predictions made by jackknifing (each
// fifth of the training data tagged by a cue tagger trained on the rest),
// so it learns how far to trust them; its epoch is chosen on dev by the
// mean of source exact F1 and content overlap F1.
func Train(ctx context.Context, train, dev []Labeled, o TrainOptions) (*Model, error) {
	nouns, err := wordnet.Embedded()
	if err != nil {
		return nil, err
	}
	m := &Model{cueLex: buildLexicon(train), nouns: nouns}
	us := m.units(train)
	cueEx := func(part []unitData) []seqlab.Example {
		ex := make([]seqlab.Example, len(part))
		for i, ud := range part {
			ex[i] = seqlab.Example{Feats: ud.feats, Gold: cueOnly(ud.gold)}
		}
		return ex
	}
	// replicas: the second stage is the mean of three perceptrons, each
	// visiting the units in its own order (on dev: the same score as one,
	// with a smoother curve over epochs, so the epoch dev picks is less a
	// matter of luck)
	const cueEpochs, folds, replicas = 8, 5, 3
	cues, _, err := seqlab.Train(ctx, cueTagSet, cueEx(us), seqlab.TrainOptions{Epochs: cueEpochs, Seed: o.Seed})
	if err != nil {
		return nil, err
	}
	if o.Prune > 0 {
		cues.Prune(o.Prune)
	}
	m.cues = cues
	predCues := make([][]int, len(us))
	for k := 0; k < folds; k++ {
		var in []unitData
		for i, ud := range us {
			if i%folds != k {
				in = append(in, ud)
			}
		}
		fc, _, err := seqlab.Train(ctx, cueTagSet, cueEx(in), seqlab.TrainOptions{Epochs: cueEpochs, Seed: o.Seed + uint64(k) + 1})
		if err != nil {
			return nil, err
		}
		for i, ud := range us {
			if i%folds == k {
				predCues[i] = fc.Tag(ud.feats)
			}
		}
	}
	ex := make([]seqlab.Example, len(us))
	for i, ud := range us {
		ex[i] = seqlab.Example{Feats: withCues(ud.doc, ud.u, ud.feats, predCues[i]), Gold: ud.gold}
	}
	var last Scores
	tagger, epochs, err := seqlab.Train(ctx, tagSet, ex, seqlab.TrainOptions{
		Epochs: o.Epochs, Patience: o.Patience, Seed: o.Seed, Replicas: replicas,
		Eval: func(t *seqlab.Model) float64 {
			last = (&Model{cues: m.cues, tagger: t, cueLex: m.cueLex, nouns: m.nouns}).Evaluate(dev)
			return last.Mean()
		},
		Epoch: func(epoch, mistakes int, _ float64, best bool) {
			if o.Epoch != nil {
				o.Epoch(epoch, mistakes, last, best)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	if o.Prune > 0 {
		tagger.Prune(o.Prune)
	}
	m.tagger = tagger
	bestDev := m.Evaluate(dev)
	m.Info = Info{Epochs: epochs, DevF1: bestDev.Mean(), Features: cues.Features() + tagger.Features(), CueWords: len(m.cueLex)}
	return m, nil
}
