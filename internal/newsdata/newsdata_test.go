package newsdata

import (
	"context"
	"testing"

	"github.com/siftnews/sift/internal/shareddata"
)

func TestNormalize(t *testing.T) {
	if got := Normalize("  Trump’s WALL: “Built”!  "); got != "trump s wall built" {
		t.Errorf("Normalize = %q", got)
	}
}

// TestLoadAll reads every dataset and checks labels and sizes against
// each SOURCE.md (after deduplication).
func TestLoadAll(t *testing.T) {
	root := shareddata.Dir(t, "isot-sample")
	all, err := LoadAll(context.Background(), root[:len(root)-len("/isot-sample")])
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Datasets {
		arts := all[name]
		bad := 0
		for _, a := range arts {
			if a.Unreliable {
				bad++
			}
		}
		t.Logf("%-15s %5d articles, %4d unreliable", name, len(arts), bad)
		if len(arts) < 100 || bad == 0 || bad == len(arts) {
			t.Errorf("%s: %d articles, %d unreliable", name, len(arts), bad)
		}
	}
}
