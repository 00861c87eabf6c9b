package serve

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/siftnews/sift/store"
)

func newServer(t *testing.T, o Options) *httptest.Server {
	t.Helper()
	if o.Store == nil {
		st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "c.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		o.Store = st
	}
	ts := httptest.NewServer(Handler(o))
	t.Cleanup(ts.Close)
	return ts
}

func do(t *testing.T, method, url, ctype, body string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := res.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return res, b.String()
}

const article = "“He is no longer in Mosul,” Foreign Minister Hoshyar Zebari said on Thursday. “Baghdadi is still in Mosul,” a Kurdish official said."

func TestAnalyze(t *testing.T) {
	ts := newServer(t, Options{})
	res, body := do(t, "POST", ts.URL+"/v1/analyze", "text/plain", article)
	if res.StatusCode != 200 || !strings.Contains(body, `"schema":"sift.analysis/v1"`) || !strings.Contains(body, "Hoshyar Zebari") {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
	res, body = do(t, "POST", ts.URL+"/v1/analyze", "application/json", `{"title":"T","text":"`+strings.ReplaceAll(article, `"`, `\"`)+`"}`)
	if res.StatusCode != 200 {
		t.Fatalf("json: %d %s", res.StatusCode, body)
	}
}

func TestProblems(t *testing.T) {
	ts := newServer(t, Options{MaxBody: 100, Token: "s3cret"})
	cases := []struct {
		method, path, ctype, body string
		status                    int
	}{
		{"POST", "/v1/analyze", "text/plain", "", 400},
		{"POST", "/v1/analyze", "text/plain", strings.Repeat("word ", 100), 413},
		{"GET", "/v1/nothing", "", "", 404},
		{"DELETE", "/v1/analyze", "", "", 405},
		{"POST", "/v1/articles", "text/plain", "x", 401},
		{"GET", "/v1/search", "", "", 400},
		{"GET", "/v1/articles/abc", "", "", 400},
		{"GET", "/v1/articles/99", "", "", 404},
	}
	for _, c := range cases {
		res, body := do(t, c.method, ts.URL+c.path, c.ctype, c.body)
		if res.StatusCode != c.status || res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s %s: %d %q %s", c.method, c.path, res.StatusCode, res.Header.Get("Content-Type"), body)
			continue
		}
		var p Problem
		if json.Unmarshal([]byte(body), &p) != nil || p.Status != c.status || p.Title == "" {
			t.Errorf("%s %s: not a problem document: %s", c.method, c.path, body)
		}
	}
}

func TestIngestAndQuery(t *testing.T) {
	ts := newServer(t, Options{Token: "s3cret"})
	res, body := do(t, "POST", ts.URL+"/v1/articles", "text/plain", article, "Authorization", "Bearer s3cret")
	if res.StatusCode != 201 || !strings.Contains(body, `"added":true`) {
		t.Fatalf("ingest: %d %s", res.StatusCode, body)
	}
	for path, want := range map[string]string{
		"/v1/articles/1":                      "sift.analysis/v1",
		"/v1/search?q=Mosul":                  "[Mosul]",
		"/v1/entities/Zebari":                 "Hoshyar Zebari",
		"/v1/quotes?speaker=Hoshyar%20Zebari": "no longer in Mosul",
		"/v1/conflicts?about=Baghdadi":        "[",
		"/v1/agreements?about=Baghdadi":       "[",
	} {
		res, body := do(t, "GET", ts.URL+path, "", "")
		if res.StatusCode != 200 || !strings.Contains(body, want) {
			t.Errorf("GET %s: %d %s", path, res.StatusCode, body)
		}
	}
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	ts := newServer(t, Options{})
	res, body := do(t, "GET", ts.URL+"/openapi.json", "", "")
	if res.StatusCode != 200 {
		t.Fatal(res.StatusCode)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	m := doc.(map[string]any)
	if !strings.HasPrefix(m["openapi"].(string), "3.") {
		t.Errorf("openapi version %v", m["openapi"])
	}
	// every route the router serves is documented
	paths := m["paths"].(map[string]any)
	for _, p := range []string{"/v1/analyze", "/v1/articles", "/v1/articles/{id}", "/v1/search", "/v1/entities/{name}", "/v1/quotes", "/v1/conflicts", "/v1/agreements"} {
		if _, ok := paths[p]; !ok {
			t.Errorf("%s is not documented", p)
		}
	}
	// components referenced exist: compile the document's schemas
	c := jsonschema.NewCompiler()
	if err := c.AddResource("openapi.json", doc); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Document", "Problem", "Hit", "IngestResult", "Analysis"} {
		if _, err := c.Compile("openapi.json#/components/schemas/" + name); err != nil {
			t.Errorf("schema %s: %v", name, err)
		}
	}
}

func TestOverloadAnswers503(t *testing.T) {
	// occupy the only slot by hand, then ask
	srv := &server{o: Options{Concurrency: 1}, sem: make(chan struct{}, 1)}
	srv.sem <- struct{}{}
	rec := httptest.NewRecorder()
	srv.limits(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Errorf("overloaded: %d", rec.Code)
	}
}

func TestQueueWaitsThenAdmitsOrRefuses(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	srv := &server{o: Options{Concurrency: 1, Queue: 1, QueueWait: 50 * time.Millisecond}, sem: make(chan struct{}, 1)}
	srv.sem <- struct{}{} // the only slot is busy
	rec := httptest.NewRecorder()
	srv.limits(ok).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 503 {
		t.Errorf("waited past QueueWait: got %d, want 503", rec.Code)
	}
	// the slot frees while the request waits: it is served
	go func() { time.Sleep(10 * time.Millisecond); <-srv.sem }()
	rec = httptest.NewRecorder()
	srv.limits(ok).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 200 {
		t.Errorf("slot freed during the wait: got %d, want 200", rec.Code)
	}
}
