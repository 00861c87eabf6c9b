package segeval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/siftnews/sift/internal/conll"
	"github.com/siftnews/sift/internal/shareddata"
)

// TestCoNLLBoundaries measures boundary accuracy on CoNLL-2003 test
// documents and guards it against regressions. The flat layout has no line
// breaks at all, so unpunctuated headlines, datelines and table rows (about
// a third of CoNLL's "sentences") cannot be found; its floor is low on
// purpose and only catches regressions.
func TestCoNLLBoundaries(t *testing.T) {
	dir := shareddata.Dir(t, "conll2003")
	f, err := os.Open(filepath.Join(dir, "test.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := conll.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		layout Layout
		minF1  float64
	}{{News, 0.96}, {Flat, 0.55}} {
		r := Evaluate(docs, tc.layout)
		t.Logf("CoNLL-2003 test, %s: %d docs, %d sentences, boundary P=%.3f R=%.3f F1=%.3f",
			tc.layout, r.Docs, r.Sentences, r.Precision(), r.Recall(), r.F1())
		if r.F1() < tc.minF1 {
			t.Errorf("%s: boundary F1 %.3f below %.2f", tc.layout, r.F1(), tc.minF1)
		}
	}
}
