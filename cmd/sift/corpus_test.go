package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestIngestSearchIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	dir := t.TempDir()
	write2 := func(name, body string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := writeFile(p, body); err != nil {
			t.Fatal(err)
		}
	}
	write2("a.txt", "“He is no longer in Mosul,” Foreign Minister Hoshyar Zebari said on Thursday.")
	write2("b.jsonl", `{"title":"Kurdish official disputes account","text":"“Baghdadi is still in the city,” a senior Kurdish official said."}`+"\n"+`{"title":"empty","text":""}`+"\n")
	out, errs, code := runCLI(t, "", "ingest", "--db", db, dir)
	if code != exitPartial || !strings.Contains(out, "read 2, stored 2, already stored 0, failed 1") || !strings.Contains(errs, "b.jsonl") {
		t.Fatalf("first ingest: exit %d\n%s\n%s", code, out, errs)
	}
	out, _, _ = runCLI(t, "", "ingest", "--db", db, dir)
	if !strings.Contains(out, "stored 0, already stored 2") {
		t.Errorf("re-ingest stored again: %s", out)
	}
	out, errs, code = runCLI(t, "", "search", "--db", db, "--format", "json", "Mosul")
	var hits []map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &hits) != nil || len(hits) != 1 || !strings.Contains(hits[0]["snippet"].(string), "[Mosul]") {
		t.Errorf("search: exit %d %s %s", code, out, errs)
	}
	out, _, code = runCLI(t, "", "quotes", "--db", db, "--speaker", "Hoshyar Zebari")
	if code != exitOK || !strings.Contains(out, "no longer in Mosul") {
		t.Errorf("quotes: %s", out)
	}
	out, _, code = runCLI(t, "", "entity", "--db", db, "zebari")
	if code != exitOK || !strings.Contains(out, "Hoshyar Zebari") || !strings.Contains(out, "Said (") || !strings.Contains(out, "Named alongside") {
		t.Errorf("entity profile (articles, what he said, who is named with him): %s", out)
	}
	if _, _, code = runCLI(t, "", "entity", "--db", db, "Nobody Atall"); code != exitNoInput {
		t.Errorf("entity nobody names: exit %d, want %d", code, exitNoInput)
	}
	out, _, code = runCLI(t, "", "conflicts", "--db", db, "--about", "Baghdadi")
	if code != exitOK {
		t.Errorf("conflicts: exit %d", code)
	}
	out, _, code = runCLI(t, "", "quotes", "--db", db, "--format", "csv")
	if code != exitOK || !strings.HasPrefix(out, "article_id,title,speaker,speaker_kind,kind,text,reported_by\n") {
		t.Errorf("quotes csv: %q", out)
	}
	out, _, code = runCLI(t, "", "claims", "--db", db)
	if code != exitOK || !strings.Contains(out, "Baghdadi") {
		t.Errorf("claims: %s", out)
	}
	if _, _, code := runCLI(t, "", "search", "--db", db, "--format", "xml", "Mosul"); code != exitUsage {
		t.Errorf("bad --format: exit %d", code)
	}
}

func TestIngestTarGz(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "articles.tar.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	tw := tar.NewWriter(zw)
	for name, body := range map[string]string{
		"a/one.txt":   "“Baghdadi is no longer in Mosul,” Foreign Minister Hoshyar Zebari said on Thursday.",
		"a/two.txt":   "“Baghdadi is still in Mosul,” a senior Kurdish official said on Friday.",
		"a/image.png": "\x89PNG",
	} {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg})
		tw.Write([]byte(body))
	}
	tw.Close()
	zw.Close()
	f.Close()
	db := filepath.Join(dir, "c.db")
	out, errs, code := runCLI(t, "", "ingest", "--db", db, dir)
	if code != exitOK || !strings.Contains(out, "read 2, stored 2") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	out, _, _ = runCLI(t, "", "conflicts", "--db", db, "--about", "Baghdadi")
	if !strings.Contains(out, "Baghdadi") {
		t.Errorf("no conflict across the two archived articles:\n%s", out)
	}
}

func TestIngestFeedURL(t *testing.T) {
	var base string
	var busy atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed Herald</title>
<item><title>Zebari: Baghdadi fled</title><link>%[1]s/one</link><content:encoded><![CDATA[<p>“Baghdadi is no longer in Mosul,” Foreign Minister Hoshyar Zebari said on Thursday.</p>]]></content:encoded></item>
<item><title>Official: Baghdadi still there</title><link>%[1]s/two</link><description>An official disputes the minister.</description></item>
</channel></rss>`, base)
		case "/two":
			if busy.Add(1) == 1 { // the first try fails: the fetch is retried
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><body><article><p>“Baghdadi is still in Mosul,” a senior Kurdish official said on Friday, disputing the minister's account of where the militant leader is hiding and insisting that he has not left the city.</p></article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	base = ts.URL
	db := filepath.Join(t.TempDir(), "c.db")
	out, errs, code := runCLI(t, "", "ingest", "--db", db, "--per-host", "10ms", ts.URL+"/rss")
	if code != exitOK || !strings.Contains(out, "read 2, stored 2") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	out, _, _ = runCLI(t, "", "conflicts", "--db", db, "--about", "Baghdadi")
	if !strings.Contains(out, "Zebari") || !strings.Contains(out, "present Mosul") {
		t.Errorf("the two feed items should conflict:\n%s", out)
	}
}
