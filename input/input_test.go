package input

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/siftnews/sift"
)

// readAll drains r, returning documents and per-record errors.
func readAll(t *testing.T, r Reader) ([]*sift.Document, []error) {
	t.Helper()
	var docs []*sift.Document
	var errs []error
	for i := 0; i < 100000; i++ {
		d, err := r.Next()
		if errors.Is(err, io.EOF) {
			return docs, errs
		}
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("non-record error mid-stream: %v", err)
			}
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	t.Fatal("reader never ended")
	return nil, nil
}

func TestCSV(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		opt      Options
		wantIDs  []string
		wantErrs []int // record numbers reported bad
	}{
		{
			name:    "fake-news schema",
			in:      "id,title,author,text,label\n1,T1,A,Hello world,1\n2,T2,B,Second text,0\n",
			wantIDs: []string{"1", "2"},
		},
		{
			name:    "BOM and CRLF",
			in:      "\ufeffid,title,text\r\n7,T,Body one\r\n8,U,Body two\r\n",
			wantIDs: []string{"7", "8"},
		},
		{
			name:    "multi-line quoted field",
			in:      "id,text\n1,\"line one\nline two, with comma\nand \"\"quotes\"\"\"\n2,plain\n",
			wantIDs: []string{"1", "2"},
		},
		{
			name:     "ragged rows",
			in:       "id,title,text,label\n1,T,body,1\n2,T\n3,T,body3,0,extra\n",
			wantIDs:  []string{"1", "3"},
			wantErrs: []int{2},
		},
		{
			name:     "broken quote resyncs on next line",
			in:       "id,text\n1,\"never closed\n2,fine\n3,also fine\n",
			wantIDs:  []string{"2", "3"},
			wantErrs: []int{1},
		},
		{
			name:    "bare quote in unquoted field is read leniently",
			in:      "id,text\n1,he said \"hi\" there\n",
			wantIDs: []string{"1"},
		},
		{
			name:     "empty text reported",
			in:       "id,text\n1,\n2,ok\n",
			wantIDs:  []string{"2"},
			wantErrs: []int{1},
		},
		{
			name:    "column mapping",
			in:      "unit_id,article_title,article_content,label\n5,T,the content,1\n",
			wantIDs: []string{"5"},
		},
		{
			name:    "user mapping",
			in:      "k,body_x\n9,words here\n",
			opt:     Options{Columns: map[string]string{"id": "k", "text": "body_x"}},
			wantIDs: []string{"9"},
		},
		{
			name:    "windows-1252 field",
			in:      "id,text\n1,caf\xe9 \x93quoted\x94\n",
			wantIDs: []string{"1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.Format = FormatCSV
			r, err := FromReader(strings.NewReader(tt.in), "t.csv", opt)
			if err != nil {
				t.Fatal(err)
			}
			docs, errs := readAll(t, r)
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
				if strings.ContainsRune(d.Text, '\uFFFD') {
					t.Errorf("text not decoded: %q", d.Text)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("ids = %v, want %v", ids, tt.wantIDs)
			}
			var recs []int
			for _, e := range errs {
				var re *RecordError
				errors.As(e, &re)
				recs = append(recs, re.Record)
				if !strings.Contains(e.Error(), "t.csv: record") {
					t.Errorf("error does not name the record: %v", e)
				}
			}
			if len(recs) != len(tt.wantErrs) {
				t.Fatalf("record errors = %v (%v), want records %v", recs, errs, tt.wantErrs)
			}
			for i := range recs {
				if recs[i] != tt.wantErrs[i] {
					t.Errorf("record errors = %v, want %v", recs, tt.wantErrs)
				}
			}
		})
	}
}

func TestCSVNoTextColumn(t *testing.T) {
	_, err := FromReader(strings.NewReader("a,b\n1,2\n"), "x.csv", Options{Format: FormatCSV})
	if err == nil || !strings.Contains(err.Error(), "no text column") {
		t.Fatalf("err = %v, want no text column", err)
	}
}

func TestJSONL(t *testing.T) {
	in := `{"id":"a","title":"T","text":"first"}
not json
{"id":"c","content":"third via alias"}

{"id":"d","title":"no text"}
`
	r, err := FromReader(strings.NewReader(in), "x.jsonl", Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := readAll(t, r)
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "c" || docs[1].Text != "third via alias" {
		t.Errorf("docs = %+v", docs)
	}
	if len(errs) != 2 || !errors.Is(errs[0], ErrBadRecord) || !strings.Contains(errs[0].Error(), "line 2") {
		t.Errorf("errs = %v", errs)
	}
}

func TestJSON(t *testing.T) {
	r, err := FromReader(strings.NewReader(`{"title":"T","text":"Body","author":"A","date":"2017-01-02","url":"u","source":"S"}`), "d.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := readAll(t, r)
	d := docs[0]
	if d.Title != "T" || d.Text != "Body" || d.Author != "A" || d.Date != "2017-01-02" || d.URL != "u" || d.Source != "S" {
		t.Errorf("doc = %+v", d)
	}
	r, err = FromReader(strings.NewReader(`[{"text":"one"},{"x":1},{"text":"three"}]`), "a.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := readAll(t, r)
	if len(docs) != 2 || len(errs) != 1 {
		t.Errorf("array: %d docs, %d errs", len(docs), len(errs))
	}
	if _, err := FromReader(strings.NewReader(`{"text": "unterminated`), "b.json", Options{}); err == nil {
		t.Error("broken JSON accepted")
	}
}

func TestHTML(t *testing.T) {
	page := `<!doctype html><html><head><title>Caliph flees | News</title>
<meta property="article:published_time" content="2016-11-10T08:00:00Z"><meta name="author" content="Jane Roe"></head>
<body><nav>Home | World</nav><article><h1>Caliph flees Mosul</h1>
<p>The leader of the Islamic State, Abu Bakr al-Baghdadi, has fled Mosul, the Iraqi foreign minister said on Thursday, in remarks that contradict Kurdish officials.</p>
<p>“He is no longer in the city,” the minister told reporters in Baghdad, adding that some 6,000 fighters remain to defend it against advancing troops.</p>
<p>A Kurdish official said the militant leader was still in the city and was directing the defence himself.</p>
</article><footer>Subscribe now</footer></body></html>`
	r, err := FromReader(strings.NewReader(page), "p.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := readAll(t, r)
	d := docs[0]
	if !strings.Contains(d.Text, "Abu Bakr al-Baghdadi") || strings.Contains(d.Text, "Subscribe") {
		t.Errorf("text = %q", d.Text)
	}
	if !strings.Contains(d.Title, "Caliph flees") {
		t.Errorf("title = %q", d.Title)
	}
	// truncated HTML still yields text
	r, err = FromReader(strings.NewReader(page[:len(page)/2]), "trunc.html", Options{})
	if err != nil {
		t.Fatalf("truncated html: %v", err)
	}
	docs, _ = readAll(t, r)
	if !strings.Contains(docs[0].Text, "Islamic State") {
		t.Errorf("truncated text = %q", docs[0].Text)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opt  Options
		want error
	}{
		{"empty", "", Options{}, ErrEmpty},
		{"binary png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Options{}, ErrBinary},
		{"nul bytes", "abc\x00\x00def", Options{}, ErrBinary},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00", Options{}, ErrBinary},
		{"too large", strings.Repeat("a", 2000), Options{MaxBytes: 1000}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromReader(strings.NewReader(tt.in), "bad", tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestHugeCSVLine(t *testing.T) {
	in := "id,text\n1," + strings.Repeat("x", 5000) + "\n2,ok\n"
	r, err := FromReader(strings.NewReader(in), "h.csv", Options{Format: FormatCSV, MaxBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := readAll(t, r)
	if len(docs) != 1 || docs[0].ID != "2" || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("docs=%v errs=%v", docs, errs)
	}
}

func TestFetch(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, "<html><head><title>T</title></head><body><article><p>"+strings.Repeat("Officials said the town had fallen. ", 20)+"</p></article></body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	r, err := Open(context.Background(), srv.URL+"/story", Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := readAll(t, r)
	if len(docs) != 1 || !strings.Contains(docs[0].Text, "town had fallen") || docs[0].URL != srv.URL+"/story" {
		t.Fatalf("docs = %+v", docs)
	}
	if _, err := Open(context.Background(), srv.URL+"/missing", Options{}); !errors.Is(err, ErrFetch) {
		t.Fatalf("404: err = %v, want ErrFetch", err)
	}
}

func TestHeadline(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Iraqi minister says IS leader has fled Mosul\n\nBAGHDAD — The minister said.", "Iraqi minister says IS leader has fled Mosul"},
		{"\ufeffShocking: what they don't want you to know!\r\n\r\nText follows here.", "Shocking: what they don't want you to know!"},
		{"The minister said on Thursday that he had resigned.\n\nMore text.", ""},
		{"One line only, no blank line after\nand the paragraph goes on.", ""},
		{"Headline without body\n\n", ""},
		{"Two words\n\nBody.", ""},
		{"", ""},
	} {
		if got := headline(c.text); got != c.want {
			t.Errorf("headline(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestHeadlineTitleOption(t *testing.T) {
	text := "Minister says leader has fled\n\nBAGHDAD — The minister said so on Thursday."
	for _, c := range []struct {
		opt  Options
		want string
	}{{Options{}, "Minister says leader has fled"}, {Options{NoHeadlineTitle: true}, ""}} {
		r, err := FromReader(strings.NewReader(text), "a.txt", c.opt)
		if err != nil {
			t.Fatal(err)
		}
		d, err := r.Next()
		if err != nil || d.Title != c.want || d.Text != text {
			t.Errorf("%+v: title %q (want %q), text kept: %v", c.opt, d.Title, c.want, d.Text == text)
		}
	}
}
