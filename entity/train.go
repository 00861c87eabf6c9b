package entity

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// Sentence is a tagged sentence for training or evaluation: words and
// their IOB/BILOU tags.
type Sentence struct {
	Words, Tags []string
}

// Document is a run of sentences that belong together (an article).
type Document []Sentence

// TrainOptions control Train.
type TrainOptions struct {
	Epochs   int    // maximum passes over the training documents
	Patience int    // stop after this many epochs without a better dev F1
	Seed     uint64 // document shuffling
	// Classes maps a word to its class at each granularity (see
	// package-level WordClasses); nil trains without classes.
	Classes WordClasses
	// Gazetteer, when set, is read by the features and stored in the model.
	Gazetteer *Gazetteer
	// Stages is 1 or 2 (default 2: a second pass reads the first pass's
	// labels for the whole document).
	Stages int
	// Folds is the number of jackknife folds for the second stage (default 5).
	Folds int
	// Fold, when set, is called as each jackknife fold starts.
	Fold func(k, n int)
	// Refit, when set, is added to the training data once the epochs have
	// been chosen on dev, and the model is trained again on both with
	// those epochs (the dev score reported is the one that chose them).
	Refit []Document
	fixed []int // epochs per stage, no dev evaluation
	// Prune drops features whose averaged weights are all below it in
	// absolute value.
	Prune float32
	// Epoch, when set, is called after every epoch.
	Epoch func(EpochReport)
	// Step, when set, is called as training documents are processed.
	Step func(done, total int)
}

// EpochReport is what Train reports after each epoch.
type EpochReport struct {
	Stage    int
	Epoch    int
	Mistakes int // training sentences tagged wrong during the epoch
	Dev      Score
	Best     bool
	Elapsed  time.Duration
}

// WordClasses maps a word (as written) to its class at each of the
// model's granularities; a zero class means none.
type WordClasses map[string][nLevels]uint16

// NumLevels is how many class granularities a model reads.
const NumLevels = nLevels

type trainDoc struct {
	toks   [][]tok
	static [][][]uint64
	gold   [][]int
	agg    *aggInfo // second stage: the jackknifed first stage's view
}

func (m *Model) newTrainDoc(d Document) *trainDoc {
	td := &trainDoc{}
	for _, s := range d {
		if len(s.Words) == 0 {
			continue
		}
		td.toks = append(td.toks, m.prepare(s.Words))
		td.gold = append(td.gold, bilou(s.Tags))
	}
	info := newDocInfo(td.toks)
	for _, s := range td.toks {
		f := make([][]uint64, len(s))
		m.staticFeatures(s, info, f)
		td.static = append(td.static, f)
	}
	return td
}

type trainer struct {
	st *weights
	u  []float64 // Σ c·Δw, for averaging (Daumé's trick)
	tu []float64
	c  float64
}

func newTrainer() *trainer {
	st := newWeights()
	return &trainer{st: st, tu: make([]float64, len(st.trans)), c: 1}
}

func (tr *trainer) row(f uint64) int {
	r, ok := tr.st.index[f]
	if !ok {
		r = int32(len(tr.st.index))
		tr.st.index[f] = r
		tr.st.w = append(tr.st.w, make([]float32, nTags)...)
		tr.u = append(tr.u, make([]float64, nTags)...)
	}
	return int(r)
}

func (tr *trainer) update(feats [][]uint64, gold, pred []int) {
	for i := range gold {
		g, p := gold[i], pred[i]
		if g != p {
			for _, f := range feats[i] {
				r := tr.row(f) * nTags
				tr.st.w[r+g]++
				tr.u[r+g] += tr.c
				tr.st.w[r+p]--
				tr.u[r+p] -= tr.c
			}
		}
		pg, pp := nTags, nTags // start row
		if i > 0 {
			pg, pp = gold[i-1], pred[i-1]
		}
		if pg != pp || g != p {
			tr.st.trans[pg*nTags+g]++
			tr.tu[pg*nTags+g] += tr.c
			tr.st.trans[pp*nTags+p]--
			tr.tu[pp*nTags+p] -= tr.c
		}
	}
}

// averaged returns the averaged weights, dropping features whose weights
// are all at most prune in absolute value.
func (tr *trainer) averaged(prune float32) *weights {
	st := &weights{index: make(map[uint64]int32), trans: make([]float32, len(tr.st.trans))}
	for i := range st.trans {
		st.trans[i] = float32(float64(tr.st.trans[i]) - tr.tu[i]/tr.c)
	}
	avg := make([]float32, nTags)
	for f, r := range tr.st.index {
		keep := false
		for t := 0; t < nTags; t++ {
			i := int(r)*nTags + t
			avg[t] = float32(float64(tr.st.w[i]) - tr.u[i]/tr.c)
			if float32(math.Abs(float64(avg[t]))) > prune {
				keep = true
			}
		}
		if keep {
			st.index[f] = int32(len(st.index))
			st.w = append(st.w, avg...)
		}
	}
	return st.freeze()
}

// epoch runs one perceptron pass over docs in the given order.
func (tr *trainer) epoch(ctx context.Context, docs []*trainDoc, order []int, step func(done, total int)) (int, error) {
	mistakes := 0
	var em [][nTags]float32
	var feats [][]uint64
	for n, di := range order {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		td := docs[di]
		hist := &docInfo{hist: map[string]uint8{}}
		for si, s := range td.toks {
			if cap(em) < len(s) {
				em = make([][nTags]float32, len(s))
			}
			em = em[:len(s)]
			feats = dynamicFeatures(td.toks, si, td.static[si], hist, td.agg, feats)
			tr.st.emissions(feats, em)
			pred := viterbi(em, tr.st.trans, nil)
			if !slices.Equal(pred, td.gold[si]) {
				mistakes++
				tr.update(feats, td.gold[si], pred)
			}
			tr.c++
			updateHist(s, pred, hist)
		}
		if step != nil && (n%16 == 0 || n == len(order)-1) {
			step(n+1, len(order))
		}
	}
	return mistakes, nil
}

// stageRun is one stage's training schedule.
type stageRun struct {
	stage    int
	epochs   int                   // maximum (or exact, without eval)
	patience int                   // ignored without eval
	eval     func(*weights) Score  // dev score of the pipeline with this stage last
	report   func(EpochReport)     // may be nil
	step     func(done, total int) // may be nil
}

// trainStage trains one stage's weights on docs and returns the best
// averaged weights (by dev F1 when eval is set, else the last) and the
// epoch they come from.
func trainStage(ctx context.Context, docs []*trainDoc, seed uint64, prune float32, r stageRun) (*weights, int, float64, error) {
	tr := newTrainer()
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var best *weights
	bestEpoch, bestF1, stale := 0, -1.0, 0
	for epoch := 1; epoch <= r.epochs; epoch++ {
		t0 := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes, err := tr.epoch(ctx, docs, order, r.step)
		if err != nil {
			return nil, 0, 0, err
		}
		if r.eval == nil {
			if epoch == r.epochs {
				best, bestEpoch = tr.averaged(prune), epoch
			}
			continue
		}
		sc := r.eval(tr.averaged(0))
		rep := EpochReport{Stage: r.stage, Epoch: epoch, Mistakes: mistakes, Dev: sc, Elapsed: time.Since(t0)}
		if f := sc.All.F1(); f > bestF1 {
			bestF1, stale, rep.Best = f, 0, true
			best, bestEpoch = tr.averaged(prune), epoch
		} else {
			stale++
		}
		if r.report != nil {
			r.report(rep)
		}
		if stale >= r.patience {
			break
		}
	}
	return best, bestEpoch, bestF1, nil
}

// Train learns a tagger from train, choosing epochs by F1 on dev. With
// two stages, the second stage is trained on first-stage output produced
// by jackknifing (each fold tagged by a first stage trained on the other
// folds), so it learns how far to trust the first stage on unseen text.
func Train(ctx context.Context, train, dev []Document, o TrainOptions) (*Model, error) {
	if o.Epochs <= 0 {
		o.Epochs = 20
	}
	if o.Patience <= 0 {
		o.Patience = 3
	}
	if o.Stages <= 0 {
		o.Stages = 2
	}
	if o.Folds < 2 {
		o.Folds = 5
	}
	m := &Model{classes: o.Classes, gaz: o.Gazetteer}
	docs := make([]*trainDoc, len(train))
	for i, d := range train {
		docs[i] = m.newTrainDoc(d)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	evalWith := func(st *weights) Score {
		mm := &Model{classes: m.classes, gaz: m.gaz, stages: append(append([]*weights(nil), m.stages...), st)}
		return mm.Evaluate(dev)
	}
	run := func(stage int) stageRun {
		if o.fixed != nil {
			return stageRun{stage: stage, epochs: o.fixed[stage-1], step: o.Step}
		}
		return stageRun{stage: stage, epochs: o.Epochs, patience: o.Patience, eval: evalWith, report: o.Epoch, step: o.Step}
	}
	first, epochs1, f1, err := trainStage(ctx, docs, o.Seed, o.Prune, run(1))
	if err != nil {
		return nil, err
	}
	m.stages = []*weights{first}
	m.Info.Epochs, m.Info.DevF1 = []int{epochs1}, f1
	if o.Stages > 1 {
		for k := 0; k < o.Folds; k++ {
			var in, out []*trainDoc
			for i, td := range docs {
				if i%o.Folds == k {
					out = append(out, td)
				} else {
					in = append(in, td)
				}
			}
			if o.Fold != nil {
				o.Fold(k+1, o.Folds)
			}
			st, _, _, err := trainStage(ctx, in, o.Seed+uint64(k)+1, 0, stageRun{stage: 1, epochs: epochs1})
			if err != nil {
				return nil, err
			}
			for _, td := range out {
				static := func(si int, _ [][]uint64) [][]uint64 { return td.static[si] }
				td.agg = newAggInfo(td.toks, st.decodeDoc(td.toks, static, nil))
			}
		}
		second, epochs2, f2, err := trainStage(ctx, docs, o.Seed+100, o.Prune, run(2))
		if err != nil {
			return nil, err
		}
		if f2 > f1 || o.fixed != nil {
			m.stages = append(m.stages, second)
			m.Info.Epochs, m.Info.DevF1 = append(m.Info.Epochs, epochs2), f2
		}
	}
	if len(o.Refit) > 0 {
		all := append(append([]Document(nil), train...), o.Refit...)
		refit, err := Train(ctx, all, nil, TrainOptions{Seed: o.Seed, Classes: o.Classes, Gazetteer: o.Gazetteer, Prune: o.Prune,
			Stages: len(m.stages), Folds: o.Folds, Fold: o.Fold, Step: o.Step, fixed: m.Info.Epochs})
		if err != nil {
			return nil, err
		}
		refit.Info.DevF1, refit.Info.Refit = m.Info.DevF1, true
		return refit, nil
	}
	for _, st := range m.stages {
		m.Info.Features += len(st.index)
	}
	m.Info.Classes = len(m.classes)
	if m.gaz != nil {
		m.Info.Gazetteer = m.gaz.Len()
	}
	return m, nil
}

// Evaluate tags every document and scores it against its tags.
func (m *Model) Evaluate(docs []Document) Score {
	var sc Score
	for _, d := range docs {
		words := make([][]string, len(d))
		for i, s := range d {
			words[i] = s.Words
		}
		pred := m.TagIOB2(words)
		for i, s := range d {
			sc.Add(s.Tags, pred[i])
		}
	}
	return sc
}
