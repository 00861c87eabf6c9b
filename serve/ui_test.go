package serve

import (
	"context"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/siftnews/sift"
	"github.com/siftnews/sift/examples"
	"github.com/siftnews/sift/input"
	"github.com/siftnews/sift/store"
)

// demoStore is a corpus of the bundled example articles.
func demoStore(t testing.TB) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	names, _ := fs.Glob(examples.FS, "*")
	for _, n := range names {
		f, _ := examples.FS.Open(n)
		rd, err := input.FromReader(f, "examples/"+n, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d, err := rd.Next()
		rd.Close()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		a, err := sift.Analyze(ctx, *d)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestPages(t *testing.T) {
	ts := newServer(t, Options{Store: demoStore(t)})
	for _, c := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`<textarea id="text"`, "articles stored", "Ministry denies reports"}},
		{"/articles/1", 200, []string{`class="body"`, "Who said what", "Reliability", `data-spans=`, `class="q q`}},
		{"/search?q=Mosul", 200, []string{`<mark class="hl">Mosul</mark>`, "/articles/"}},
		{"/search?q=zzzzunmatched", 200, []string{"Nothing in the corpus matches"}},
		{"/entities/Baghdadi", 200, []string{"Claims about Baghdadi", "Named alongside", "Mosul"}},
		{"/entities/Hoshyar%20Zebari", 200, []string{"What Hoshyar Zebari said", "no longer in Mosul"}},
		{"/conflicts", 200, []string{"Hamdani", "has not resigned", "Baghdadi"}},
		{"/conflicts?about=Hamdani", 200, []string{"Naseer Jabbar"}},
		{"/corpus", 200, []string{`<svg class="chart"`, "Quotations per speaker", "Hoshyar Zebari"}},
		{"/articles/999", 404, []string{"no article 999"}},
		{"/articles/x", 400, []string{"a number"}},
		{"/static/sift.css", 200, []string{".body"}},
		{"/static/sift.js", 200, []string{"data-spans"}},
	} {
		res, body := do(t, "GET", ts.URL+c.path, "", "")
		if res.StatusCode != c.status {
			t.Errorf("GET %s: status %d, want %d", c.path, res.StatusCode, c.status)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: page lacks %q", c.path, w)
			}
		}
		if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			if res.Header.Get("Content-Security-Policy") == "" {
				t.Errorf("GET %s: no Content-Security-Policy", c.path)
			}
			if strings.Contains(body, "style=") || strings.Contains(body, "<script>") {
				t.Errorf("GET %s: inline style or script would break the CSP", c.path)
			}
		}
	}
}

func TestAnalyzePageForm(t *testing.T) {
	ts := newServer(t, Options{})
	text := "“He is no longer in Mosul,” Foreign Minister Hoshyar Zebari said. The self-proclaimed “Caliph” Abu Bakr   had fled, officials said. Baghdadi was last seen in 2014."
	form := "title=Test+article&text=" + strings.NewReplacer(" ", "+", "“", "%E2%80%9C", "”", "%E2%80%9D", ",", "%2C").Replace(text)
	res, body := do(t, "POST", ts.URL+"/analyze", "application/x-www-form-urlencoded", form)
	if res.StatusCode != 200 {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	for _, w := range []string{"<h1>Test article</h1>", "Hoshyar Zebari", `class="gap`, "[Baghdadi]", "Who said what"} {
		if !strings.Contains(body, w) {
			t.Errorf("analysed page lacks %q", w)
		}
	}
	// an uploaded file, read by its extension
	var b strings.Builder
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", "story.html")
	fw.Write([]byte(`<html><head><title>Uploaded story</title></head><body><article><h1>Uploaded story</h1><p>“We will rebuild the bridge within a year,” Mayor Anna Berg said on Monday, adding that the work would cost about 12 million euros.</p><p>Residents said they doubted the promise.</p></article></body></html>`))
	mw.Close()
	res, body = do(t, "POST", ts.URL+"/analyze", mw.FormDataContentType(), b.String())
	if res.StatusCode != 200 || !strings.Contains(body, "Anna Berg") || !strings.Contains(body, "Uploaded story") {
		t.Errorf("upload: %d %q", res.StatusCode, body[:min(len(body), 300)])
	}
	res, body = do(t, "POST", ts.URL+"/analyze", "application/x-www-form-urlencoded", "text=+++")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Paste an article") {
		t.Errorf("empty form: %d", res.StatusCode)
	}
}

func TestPagesWithoutStore(t *testing.T) {
	ts := httptest.NewServer(Handler(Options{}))
	defer ts.Close()
	res, body := do(t, "GET", ts.URL+"/search?q=x", "", "")
	if res.StatusCode != 503 || !strings.Contains(body, "--demo") {
		t.Errorf("search without a corpus: %d", res.StatusCode)
	}
	res, body = do(t, "GET", ts.URL+"/", "", "")
	if res.StatusCode != 200 || strings.Contains(body, "articles stored") {
		t.Errorf("home without a corpus: %d", res.StatusCode)
	}
}

func TestSegmentsCoverTheText(t *testing.T) {
	a, err := sift.Analyze(context.Background(), sift.Document{Text: "“Baghdadi is still in Mosul,” a Kurdish official said, describing  ’s claim as “wishful thinking”. Über 6, 000 fighters — é."})
	if err != nil {
		t.Fatal(err)
	}
	v := newArticleView(0, a)
	var b strings.Builder
	prev := 0
	for _, s := range v.Segs {
		if s.Start != prev {
			t.Fatalf("segment at %d, want %d", s.Start, prev)
		}
		b.WriteString(s.Text)
		prev = s.End
	}
	if b.String() != a.Text {
		t.Errorf("segments do not rebuild the text:\n%q\n%q", b.String(), a.Text)
	}
}
