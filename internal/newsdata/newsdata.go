// Package newsdata reads the article-level reliability datasets in
// ../shared/data into one shape: an article with a binary label
// (unreliable or not), deduplicated by normalised title and text.
//
// Labels, per each dataset's SOURCE.md:
//
//	isot             fake_sample.csv → unreliable, true_sample.csv → reliable
//	fakes            FA-KES label 0 (fake) → unreliable, 1 (credible) → reliable
//	fakenewsamt      Pérez-Rosas FakeNewsAMT: fake → unreliable, legit → reliable
//	celebrity        Pérez-Rosas Celebrity: fake → unreliable, legit → reliable
//	fakenewsnet      FakeNewsNet v1: Fake → unreliable, Real → reliable; items whose
//	                 normalised title is also in buzzfeed-webis are dropped
//	buzzfeed-webis   mostly true → reliable; mostly false, mixture → unreliable;
//	                 no factual content dropped
package newsdata

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/siftnews/sift/input"
	"github.com/siftnews/sift/repair"
)

// Article is one labelled article.
type Article struct {
	ID      string
	Dataset string
	Title   string
	Text    string
	Source  string // outlet or portal, when known
	// Group ties articles written as a pair: FakeNewsAMT and Celebrity
	// pair each fake with the legit story it imitates (same number).
	Group      string
	Unreliable bool
}

// Datasets lists the two-class datasets Load accepts, in a fixed order.
var Datasets = []string{"isot", "fakes", "fakenewsamt", "celebrity", "fakenewsnet", "buzzfeed-webis"}

// OneClass lists the datasets Load accepts that hold one class only:
// Golbeck et al.'s fake and satire stories (unreliable), and the
// mainstream-outlet articles of PolNeAR's training split (reliable: The
// New York Times, The Washington Post, USA Today, Politico). They can be
// trained on but not scored by macro-F1 alone.
var OneClass = []string{"golbeck", "mainstream"}

// mainstream are the PolNeAR publishers read as reliable; its other
// outlets (Breitbart, HuffPost, Western Journal) are left out, not
// labelled.
var mainstream = map[string]bool{"nyt": true, "wash-post": true, "usa-today": true, "politico": true}

// ErrUnknown reports a dataset name Load does not know.
var ErrUnknown = errors.New("newsdata: unknown dataset")

// LoadAll reads every dataset under root (../shared/data), deduplicated
// within each, and drops FakeNewsNet items that buzzfeed-webis also has.
func LoadAll(ctx context.Context, root string) (map[string][]Article, error) {
	out := map[string][]Article{}
	for _, name := range append(append([]string(nil), Datasets...), OneClass...) {
		arts, err := Load(ctx, root, name)
		if err != nil {
			return nil, err
		}
		out[name] = arts
	}
	seen := map[string]bool{}
	for _, a := range out["buzzfeed-webis"] {
		seen[Normalize(a.Title)] = true
	}
	var keep []Article
	for _, a := range out["fakenewsnet"] {
		if !seen[Normalize(a.Title)] {
			keep = append(keep, a)
		}
	}
	out["fakenewsnet"] = keep
	// one-class sets are trained on beside the others: drop what a
	// two-class set also has, so no article is both trained on and held out
	for _, name := range Datasets {
		for _, a := range out[name] {
			seen[Normalize(a.Title)] = true
			seen[Normalize(a.Text)] = true
		}
	}
	delete(seen, "")
	for _, name := range OneClass {
		keep = nil
		for _, a := range out[name] {
			if !seen[Normalize(a.Title)] && !seen[Normalize(a.Text)] {
				keep = append(keep, a)
			}
		}
		out[name] = keep
	}
	return out, nil
}

// Load reads one dataset, deduplicated by normalised title and text.
func Load(ctx context.Context, root, name string) ([]Article, error) {
	var arts []Article
	var err error
	switch name {
	case "isot":
		arts, err = loadISOT(ctx, filepath.Join(root, "isot-sample"))
	case "fakes":
		arts, err = loadFakes(ctx, filepath.Join(root, "fa-kes"))
	case "fakenewsamt", "celebrity":
		arts, err = loadPerez(filepath.Join(root, "perez-rosas-2018"), name)
	case "fakenewsnet":
		arts, err = loadFakeNewsNet(filepath.Join(root, "fakenewsnet-v1"))
	case "buzzfeed-webis":
		arts, err = loadWebis(filepath.Join(root, "buzzfeed-webis-2016"))
	case "golbeck":
		arts, err = loadGolbeck(filepath.Join(root, "golbeck-2018-fake-satire"))
	case "mainstream":
		arts, err = loadMainstream(filepath.Join(root, "polnear"))
	default:
		return nil, fmt.Errorf("%w: %q", ErrUnknown, name)
	}
	if err != nil {
		return nil, fmt.Errorf("newsdata: %s: %w", name, err)
	}
	return dedupe(arts), nil
}

// Normalize lowercases s and keeps only letters and digits, single-spaced.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

func dedupe(arts []Article) []Article {
	seen := map[string]bool{}
	var out []Article
	for _, a := range arts {
		if strings.TrimSpace(a.Text) == "" {
			continue
		}
		k := Normalize(a.Title) + "\x00" + Normalize(a.Text)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

func utf8Text(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	t, _ := repair.Decode([]byte(s))
	return t
}

// readBatch reads a CSV through Sift's own batch reader.
func readBatch(ctx context.Context, path string, columns map[string]string, fn func(d *Article, label string)) error {
	r, err := input.Open(ctx, path, input.Options{Columns: columns})
	if err != nil {
		return err
	}
	defer r.Close()
	for {
		d, err := r.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var re *input.RecordError
		if errors.As(err, &re) {
			continue
		}
		if err != nil {
			return err
		}
		a := &Article{ID: d.ID, Title: utf8Text(d.Title), Text: utf8Text(d.Text), Source: d.Source}
		fn(a, d.Label)
	}
}

func loadISOT(ctx context.Context, dir string) ([]Article, error) {
	var out []Article
	for _, f := range []struct {
		file string
		fake bool
	}{{"true_sample.csv", false}, {"fake_sample.csv", true}} {
		n := 0
		err := readBatch(ctx, filepath.Join(dir, f.file), nil, func(a *Article, _ string) {
			n++
			a.Dataset, a.Unreliable = "isot", f.fake
			a.ID = fmt.Sprintf("isot:%s:%d", strings.TrimSuffix(f.file, ".csv"), n)
			out = append(out, *a)
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func loadFakes(ctx context.Context, dir string) ([]Article, error) {
	var out []Article
	err := readBatch(ctx, filepath.Join(dir, "fakes.csv"), map[string]string{"id": "unit_id"}, func(a *Article, label string) {
		a.Dataset = "fakes"
		a.ID = "fakes:" + a.ID
		switch strings.TrimSpace(label) {
		case "0":
			a.Unreliable = true
		case "1":
		default:
			return
		}
		out = append(out, *a)
	})
	return out, err
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) < 1 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	return rows[1:], nil
}

func loadPerez(dir, name string) ([]Article, error) {
	rows, err := readCSV(filepath.Join(dir, "index.csv"))
	if err != nil {
		return nil, err
	}
	want := map[string]string{"fakenewsamt": "FakeNewsAMT", "celebrity": "Celebrity"}[name]
	var out []Article
	for _, r := range rows {
		if len(r) < 4 || r[1] != want {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, r[0]))
		if err != nil {
			return nil, err
		}
		// the first non-blank line is the headline (88 files, mostly
		// Celebrity, open with a blank line)
		title, body := splitHeadline(b)
		out = append(out, Article{ID: name + ":" + r[0], Dataset: name, Title: strings.TrimSpace(title), Text: strings.TrimSpace(body),
			Unreliable: r[3] == "fake", Group: name + ":" + pairKey(r[0])})
	}
	return out, nil
}

func loadFakeNewsNet(dir string) ([]Article, error) {
	rows, err := readCSV(filepath.Join(dir, "index.csv"))
	if err != nil {
		return nil, err
	}
	var out []Article
	for _, r := range rows {
		if len(r) < 7 {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, r[3]))
		if err != nil {
			return nil, err
		}
		var doc struct {
			Title, Text, Source string
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", r[3], err)
		}
		out = append(out, Article{ID: "fakenewsnet:" + r[0], Dataset: "fakenewsnet", Title: utf8Text(doc.Title), Text: utf8Text(doc.Text),
			Source: r[6], Unreliable: strings.EqualFold(r[2], "fake")})
	}
	return out, nil
}

func loadWebis(dir string) ([]Article, error) {
	f, err := os.Open(filepath.Join(dir, "articles.tar.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	var out []Article
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(h.Name, ".xml") {
			continue
		}
		var doc struct {
			Title    string `xml:"title"`
			MainText string `xml:"mainText"`
			Portal   string `xml:"portal"`
			Veracity string `xml:"veracity"`
		}
		if err := xml.NewDecoder(tr).Decode(&doc); err != nil {
			return nil, fmt.Errorf("%s: %w", h.Name, err)
		}
		a := Article{ID: "buzzfeed-webis:" + filepath.Base(h.Name), Dataset: "buzzfeed-webis", Title: strings.TrimSpace(doc.Title),
			Text: strings.TrimSpace(doc.MainText), Source: doc.Portal}
		switch strings.TrimSpace(doc.Veracity) {
		case "mostly true":
		case "mostly false", "mixture of true and false":
			a.Unreliable = true
		default:
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

// pairKey is the story a Pérez-Rosas file belongs to: "biz01" for
// fakeNewsDataset/fake/biz01.fake.txt and …/legit/biz01.legit.txt, "019"
// for celebrityDataset/fake/019fake.txt and …/legit/019legit.txt.
func pairKey(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, ".txt")
	for _, suf := range []string{".fake", ".legit", "fake", "legit"} {
		if strings.HasSuffix(base, suf) {
			return strings.TrimSuffix(base, suf)
		}
	}
	return base
}

// loadGolbeck reads Golbeck et al.'s fake and satire stories: the first
// line is the headline, a line holding only the story's URL is dropped
// (it names the site). Every story is unreliable; Source says which kind.
func loadGolbeck(dir string) ([]Article, error) {
	rows, err := readCSV(filepath.Join(dir, "index.csv"))
	if err != nil {
		return nil, err
	}
	var out []Article
	for _, r := range rows {
		if len(r) < 3 || (r[1] != "fake" && r[1] != "satire") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r[2])))
		if err != nil {
			return nil, err
		}
		title, body := splitHeadline(b)
		var lines []string
		for _, l := range strings.Split(body, "\n") {
			if t := strings.TrimSpace(l); strings.HasPrefix(t, "http") && !strings.Contains(t, " ") {
				continue
			}
			lines = append(lines, l)
		}
		out = append(out, Article{ID: "golbeck:" + r[2], Dataset: "golbeck", Title: strings.TrimSpace(title),
			Text: strings.TrimSpace(strings.Join(lines, "\n")), Source: r[1], Unreliable: true})
	}
	return out, nil
}

// loadMainstream reads the articles of PolNeAR's training split from the
// mainstream publishers (metadata.tsv): the first line of each text is
// its headline. PolNeAR's dev and test splits are left to the
// attribution evaluation.
func loadMainstream(dir string) ([]Article, error) {
	b, err := os.ReadFile(filepath.Join(dir, "metadata.tsv"))
	if err != nil {
		return nil, err
	}
	var out []Article
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 5 || f[0] != "train" || !mainstream[f[4]] {
			continue
		}
		t, err := os.ReadFile(filepath.Join(dir, "train", "text", f[1]+".txt"))
		if err != nil {
			return nil, err
		}
		title, body := splitHeadline(t)
		out = append(out, Article{ID: "mainstream:" + f[1], Dataset: "mainstream", Title: strings.TrimSpace(title),
			Text: strings.TrimSpace(body), Source: f[4]})
	}
	return out, nil
}

// splitHeadline reads a plain-text article whose first non-blank line is
// its headline.
func splitHeadline(b []byte) (title, body string) {
	text := strings.ReplaceAll(utf8Text(string(b)), "\r\n", "\n")
	title, body, _ = strings.Cut(strings.TrimLeft(text, "\ufeff \t\n"), "\n")
	return title, body
}
