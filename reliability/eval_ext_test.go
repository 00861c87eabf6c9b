package reliability_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/siftnews/sift/internal/relsets"
	"github.com/siftnews/sift/internal/shareddata"
	"github.com/siftnews/sift/reliability"
)

func loadSets(t *testing.T) []reliability.Set {
	t.Helper()
	root := filepath.Dir(shareddata.Dir(t, "isot-sample"))
	sets, err := relsets.Load(context.Background(), root, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sets
}

// TestNoConstantPredictor checks that leave-one-dataset-out predictions
// use both classes on every held-out set.
func TestNoConstantPredictor(t *testing.T) {
	sets := loadSets(t)
	rs, err := reliability.LeaveOneOut(context.Background(), sets, reliability.TrainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		t.Logf("LODO %-15s acc %.3f macro-F1 %.3f AUC %.3f ECE %.3f", r.Name, r.Metrics.Accuracy, r.Metrics.MacroF1, r.Metrics.AUC, r.Metrics.ECE)
		if r.Metrics.Predicted == 0 || r.Metrics.Predicted == r.Metrics.N {
			t.Errorf("%s: predicted unreliable for %d of %d", r.Name, r.Metrics.Predicted, r.Metrics.N)
		}
	}
	// the recipe gives 0.645–0.666 over seeds 1–4 (0.657 for seed 1);
	// below 0.64 something broke
	if m := reliability.Mean(rs).MacroF1; m < 0.64 {
		t.Errorf("LODO mean macro-F1 %.3f, want ≥ 0.64", m)
	} else {
		t.Logf("LODO mean macro-F1 %.3f", m)
	}
}
