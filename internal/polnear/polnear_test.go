package polnear

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/siftnews/sift/internal/shareddata"
)

func TestReadAnnCodePoints(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "text"), 0o755)
	os.MkdirAll(filepath.Join(dir, "attributions"), 0o755)
	// “ and ’ are 3 bytes but one code point each.
	text := "“Go,” she said. Obama’s aide said it."
	os.WriteFile(filepath.Join(dir, "text", "a.txt"), []byte(text), 0o644)
	ann := "T1\tSource 6 9\tshe\nT2\tCue 10 14\tsaid\nT3\tContent 0 5;5 5\t“Go,”\n" +
		"T4\tSource 16 28\tObama’s aide\nT5\tCue 29 33\tsaid\nT6\tContent 34 36\tit\n" +
		"E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nE2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n"
	os.WriteFile(filepath.Join(dir, "attributions", "a_x1.ann"), []byte(ann), 0o644)
	os.WriteFile(filepath.Join(dir, "attributions", "a_x2.ann"), []byte("garbage"), 0o644)
	arts, err := ReadSplit(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || len(arts[0].Attrs) != 2 {
		t.Fatalf("read %+v", arts)
	}
	a := arts[0].Attrs
	get := func(s Span) string { return text[s.Start:s.End] }
	if get(a[0].Source[0]) != "she" || get(a[0].Cue[0]) != "said" || get(Hull(a[0].Content)) != "“Go,”" {
		t.Errorf("first: %q %q %q", get(a[0].Source[0]), get(a[0].Cue[0]), get(Hull(a[0].Content)))
	}
	if get(a[1].Source[0]) != "Obama’s aide" || get(a[1].Content[0]) != "it" {
		t.Errorf("second: %q %q", get(a[1].Source[0]), get(a[1].Content[0]))
	}
}

// TestReadAnnotations reads every annotator's file, an article's files
// together (even when another article's name sorts between them), while
// ReadSplit keeps the first of each article.
func TestReadAnnotations(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "text"), 0o755)
	os.MkdirAll(filepath.Join(dir, "attributions"), 0o755)
	ann := func(src string) string {
		return "T1\tSource 0 " + src + "\tx\nT2\tCue 6 10\tsaid\nT3\tContent 11 13\tso\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
	}
	for name, text := range map[string]string{"a": "Smith said so.", "a_b": "Jones said so."} {
		os.WriteFile(filepath.Join(dir, "text", name+".txt"), []byte(text), 0o644)
	}
	// "a_b_k" sorts between "a_a" and "a_z", the two annotators of "a"
	for file, src := range map[string]string{"a_a": "5", "a_z": "4", "a_b_k": "5"} {
		os.WriteFile(filepath.Join(dir, "attributions", file+".ann"), []byte(ann(src)), 0o644)
	}
	all, err := ReadAnnotations(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range all {
		got = append(got, a.Name+"/"+a.Annotator+"/"+a.Text[a.Attrs[0].Source[0].Start:a.Attrs[0].Source[0].End])
	}
	if want := "a/a/Smith a/z/Smit a_b/k/Jones"; strings.Join(got, " ") != want {
		t.Errorf("ReadAnnotations: %v, want %s", got, want)
	}
	arts, err := ReadSplit(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].Annotator != "a" || arts[1].Name != "a_b" {
		t.Errorf("ReadSplit: %+v", arts)
	}
}

// TestSplitsMatchSource checks the counts SOURCE.md gives.
func TestSplitsMatchSource(t *testing.T) {
	root := shareddata.Dir(t, "polnear")
	for split, n := range map[string]int{"train": 840, "dev": 84, "test": 84} {
		arts, err := ReadSplit(filepath.Join(root, split))
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != n {
			t.Errorf("%s: %d articles, want %d", split, len(arts), n)
		}
		for _, a := range arts {
			for _, at := range a.Attrs {
				for _, s := range append(append(append([]Span(nil), at.Source...), at.Cue...), at.Content...) {
					if s.End > len(a.Text) {
						t.Fatalf("%s: span %v beyond text", a.Name, s)
					}
				}
			}
		}
	}
}
