package stance

import (
	"context"
	"io"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/siftnews/sift/internal/shareddata"
)

func idx(ss ...string) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i] = Index(s)
	}
	return out
}

func TestScore(t *testing.T) {
	gold := idx("agree", "disagree", "discuss", "unrelated", "unrelated", "agree")
	pred := idx("agree", "discuss", "unrelated", "unrelated", "agree", "agree")
	m := Score(gold, pred)
	// agree→agree 1; disagree→discuss 0.25; discuss→unrelated 0; unrelated ok 0.25; unrelated→agree 0; agree 1
	if m.Score != 2.5 || m.MaxScore != 4.5 {
		t.Errorf("FNC score %v of %v, want 2.5 of 4.5", m.Score, m.MaxScore)
	}
	if m.Accuracy != 3.0/6 || m.F1[Index("agree")] != 0.8 {
		t.Errorf("accuracy %v, agree F1 %v", m.Accuracy, m.F1[Index("agree")])
	}
}

func TestSplitKeepsBodiesApart(t *testing.T) {
	var pairs []Pair
	for b := 0; b < 2000; b++ {
		for h := 0; h < 3; h++ {
			pairs = append(pairs, Pair{BodyID: b, Headline: "h", Stance: "unrelated"})
		}
	}
	train, test := Split(pairs, 1, 0.2)
	in := map[int]bool{}
	for _, p := range train {
		in[p.BodyID] = true
	}
	for _, p := range test {
		if in[p.BodyID] {
			t.Fatalf("body %d on both sides", p.BodyID)
		}
	}
	if f := float64(len(test)) / float64(len(pairs)); f < 0.17 || f > 0.23 {
		t.Errorf("test share %.3f, want about 0.2", f)
	}
	train2, _ := Split(pairs, 1, 0.2)
	if len(train2) != len(train) {
		t.Error("the split is not deterministic")
	}
	if _, other := Split(pairs, 2, 0.2); len(other) == len(test) && other[0].BodyID == test[0].BodyID {
		t.Error("another seed gives the same split")
	}
}

// Boosted trees learn an interaction that a linear model cannot.
func TestGBDTLearnsInteraction(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var X [][]float64
	var y []int
	for range 2000 {
		a, b := rng.Float64()*2-1, rng.Float64()*2-1
		c := 0
		if a*b > 0 {
			c = 1
		}
		X = append(X, []float64{a, b, rng.Float64()})
		y = append(y, c)
	}
	acc := func(m Classifier) float64 {
		ok := 0
		for i, x := range X {
			if argmax(m.Predict(x)) == y[i] {
				ok++
			}
		}
		return float64(ok) / float64(len(X))
	}
	g := TrainGBDT(X, y, 2, GBDTOptions{Rounds: 60, Seed: 1})
	l := TrainLogistic(X, y, 2, nil, 0, 200)
	if ag, al := acc(g), acc(l); ag < 0.95 || al > 0.7 {
		t.Errorf("XOR: trees %.3f (want ≥ 0.95), logistic %.3f (want ≤ 0.7)", ag, al)
	}
	for _, p := range g.Predict([]float64{0.5, 0.5, 0}) {
		if math.IsNaN(p) || p < 0 || p > 1 {
			t.Fatalf("probability %v", p)
		}
	}
}

func TestFeatures(t *testing.T) {
	f := NewFeaturizer([]string{"Police deny that the mayor was arrested", "The mayor was arrested on Monday, police said.", "Stocks rose."})
	body := "Police on Tuesday denied reports that the mayor was arrested. The claim is a hoax, a spokesman said."
	rel := f.Features("Mayor arrested by police", body)
	unrel := f.Features("Stocks rose in Tokyo", body)
	if len(rel) != len(FeatureNames) {
		t.Fatalf("%d features, %d names", len(rel), len(FeatureNames))
	}
	if rel[0] <= unrel[0] || rel[2] <= unrel[2] {
		t.Errorf("the related headline should be closer: %v vs %v", rel[:3], unrel[:3])
	}
	if rel[14] == 0 { // refute_top: "denied", "hoax" near the headline's words
		t.Errorf("no refuting cue found near the headline: %v", rel)
	}
}

// On FNC-1, Sift's model beats the TF-IDF baseline on the held-out bodies.
func TestFNCBeatsBaseline(t *testing.T) {
	dir := shareddata.Dir(t, "fnc1")
	ctx := context.Background()
	pairs, err := LoadFNC(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 25413 {
		t.Fatalf("%d pairs, want 25413", len(pairs))
	}
	rs, err := Evaluate(ctx, pairs, EvalOptions{Seed: 1, GBDT: GBDTOptions{Rounds: 150, Seed: 1}}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	base, sift := rs[0].Metrics, rs[len(rs)-1].Metrics
	t.Logf("FNC score: baseline %.3f, sift %.3f; macro-F1 %.3f vs %.3f", base.Relative, sift.Relative, base.MacroF1, sift.MacroF1)
	if sift.Relative <= base.Relative+0.02 || sift.MacroF1 <= base.MacroF1 {
		t.Errorf("sift %.3f does not beat the baseline %.3f", sift.Relative, base.Relative)
	}
}

func FuzzFeatures(f *testing.F) {
	f.Add("Mayor arrested", "Police denied that the mayor was arrested. It isn't true.")
	f.Add("", "")
	f.Add("n't n’t ''", "\xff\xfe 1,000 “quoted”?")
	fz := NewFeaturizer([]string{"a b c", "mayor police"})
	f.Fuzz(func(t *testing.T, h, b string) {
		for i, v := range fz.Features(h, b) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("feature %s = %v", FeatureNames[i], v)
			}
		}
	})
}
