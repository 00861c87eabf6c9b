// Package serve is Sift's HTTP JSON API: analyse an article, ingest
// articles into the corpus and query it. Errors are RFC 9457 problem
// documents; request bodies and times are bounded, concurrency is limited
// (beyond it the server answers 503 rather than queueing without end), and
// write endpoints require a bearer token when one is configured.
package serve

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/siftnews/sift"
	"github.com/siftnews/sift/input"
	"github.com/siftnews/sift/store"
)

//go:embed openapi.json
var openAPI []byte

// Options configure the API.
type Options struct {
	Store   store.Store // nil: corpus endpoints answer 503
	Token   string      // required as "Authorization: Bearer …" on writes when set
	MaxBody int64       // bytes (default 4 MiB)
	Timeout time.Duration
	// Concurrency is how many requests are handled at once (default
	// 2 × GOMAXPROCS); Queue how many more may wait for a turn (default
	// 256), each at most QueueWait (default 2 s). Beyond that the server
	// answers 503 with Retry-After at once instead of queueing without end.
	Concurrency int
	Queue       int
	QueueWait   time.Duration
}

type server struct {
	o       Options
	sem     chan struct{}
	waiting atomic.Int64
	pages   pages
}

// Handler returns the API's HTTP handler.
func Handler(o Options) http.Handler {
	if o.MaxBody <= 0 {
		o.MaxBody = 4 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 2 * runtime.GOMAXPROCS(0)
	}
	if o.Queue <= 0 {
		o.Queue = 256
	}
	if o.QueueWait <= 0 {
		o.QueueWait = 2 * time.Second
	}
	p, err := loadPages()
	if err != nil {
		panic(err) // the templates are embedded: a parse error is a bug caught by the tests
	}
	s := &server{o: o, sem: make(chan struct{}, o.Concurrency), pages: p}
	r := chi.NewRouter()
	r.Use(s.limits)
	s.routeUI(r)
	r.Get("/openapi.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(openAPI)
	})
	r.Post("/v1/analyze", s.analyze)
	r.With(s.auth).Post("/v1/articles", s.ingest)
	r.Get("/v1/articles/{id}", s.article)
	r.Get("/v1/search", s.search)
	r.Get("/v1/entities/{name}", s.entity)
	r.Get("/v1/quotes", s.quotes)
	r.Get("/v1/conflicts", s.conflicts)
	r.Get("/v1/agreements", s.agreements)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		problem(w, http.StatusNotFound, "Not Found", "no such endpoint: "+r.URL.Path)
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		problem(w, http.StatusMethodNotAllowed, "Method Not Allowed", r.Method+" is not allowed on "+r.URL.Path)
	})
	return r
}

// Problem is an RFC 9457 problem document.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

func problem(w http.ResponseWriter, status int, title, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Problem{Type: "about:blank", Title: title, Status: status, Detail: detail})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// limits bounds body size, time and concurrency.
func (s *server) limits(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.admit(r.Context()) {
			w.Header().Set("Retry-After", "1")
			problem(w, http.StatusServiceUnavailable, "Service Unavailable", "too many requests in progress; retry shortly")
			return
		}
		defer func() { <-s.sem }()
		r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBody)
		ctx, cancel := context.WithTimeout(r.Context(), s.o.Timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// admit takes a turn: at once when one is free, else after waiting in a
// bounded queue for at most QueueWait. It reports false when the queue is
// full or the wait ran out.
func (s *server) admit(ctx context.Context) bool {
	select {
	case s.sem <- struct{}{}:
		return true
	default:
	}
	if s.waiting.Add(1) > int64(s.o.Queue) {
		s.waiting.Add(-1)
		return false
	}
	defer s.waiting.Add(-1)
	t := time.NewTimer(s.o.QueueWait)
	defer t.Stop()
	select {
	case s.sem <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (s *server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.o.Token != "" && r.Header.Get("Authorization") != "Bearer "+s.o.Token {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sift"`)
			problem(w, http.StatusUnauthorized, "Unauthorized", "this endpoint needs Authorization: Bearer <token>")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// readDocs reads the request body as text, HTML, JSON or JSON Lines.
func readDocs(r *http.Request) ([]*sift.Document, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	opt := input.Options{}
	switch mt {
	case "text/plain":
		opt.Format = input.FormatText
	case "text/html":
		opt.Format = input.FormatHTML
	case "application/json":
		opt.Format = input.FormatJSON
	case "application/x-ndjson", "application/jsonl":
		opt.Format = input.FormatJSONL
	}
	rd, err := input.FromReader(r.Body, "request", opt)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	var out []*sift.Document
	for {
		d, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
}

func (s *server) badInput(w http.ResponseWriter, err error) {
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		problem(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large", fmt.Sprintf("the body is over %d bytes", s.o.MaxBody))
	case errors.Is(err, context.DeadlineExceeded):
		problem(w, http.StatusServiceUnavailable, "Service Unavailable", "the request took too long")
	default:
		problem(w, http.StatusBadRequest, "Bad Request", err.Error())
	}
}

func (s *server) analyze(w http.ResponseWriter, r *http.Request) {
	docs, err := readDocs(r)
	if err != nil {
		s.badInput(w, err)
		return
	}
	if len(docs) != 1 {
		problem(w, http.StatusBadRequest, "Bad Request", fmt.Sprintf("want one document, got %d (use POST /v1/articles for batches)", len(docs)))
		return
	}
	a, err := sift.Analyze(r.Context(), *docs[0])
	if err != nil {
		s.badInput(w, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *server) needStore(w http.ResponseWriter) bool {
	if s.o.Store == nil {
		problem(w, http.StatusServiceUnavailable, "Service Unavailable", "no corpus is configured (start sift serve with --db)")
		return false
	}
	return true
}

// IngestResult reports one stored article.
type IngestResult struct {
	ID    int64  `json:"id"`
	Added bool   `json:"added"`
	Title string `json:"title,omitempty"`
	Error string `json:"error,omitempty"`
}

func (s *server) ingest(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	docs, err := readDocs(r)
	if err != nil {
		s.badInput(w, err)
		return
	}
	var out []IngestResult
	for _, d := range docs {
		a, err := sift.Analyze(r.Context(), *d)
		if err != nil {
			out = append(out, IngestResult{Title: d.Title, Error: err.Error()})
			continue
		}
		id, added, err := s.o.Store.Put(r.Context(), a)
		if err != nil {
			problem(w, http.StatusInternalServerError, "Internal Server Error", err.Error())
			return
		}
		out = append(out, IngestResult{ID: id, Added: added, Title: a.Title})
	}
	writeJSON(w, http.StatusCreated, out)
}

func limit(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || n <= 0 || n > 1000 {
		return 20
	}
	return n
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	_, a, status, msg := s.storedArticle(r)
	if status != http.StatusOK {
		problem(w, status, http.StatusText(status), msg)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// storedArticle reads the article named by the {id} of the path, for the
// API and the UI: on failure, the status to answer and why.
func (s *server) storedArticle(r *http.Request) (int64, *sift.Analysis, int, string) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return 0, nil, http.StatusBadRequest, "an article id is a number"
	}
	a, err := s.o.Store.Get(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return id, nil, http.StatusNotFound, fmt.Sprintf("there is no article %d in the corpus", id)
	case err != nil:
		return id, nil, http.StatusInternalServerError, err.Error()
	}
	return id, a, http.StatusOK, ""
}

func list[T any](s *server, w http.ResponseWriter, rows []T, err error) {
	if err != nil {
		problem(w, http.StatusInternalServerError, "Internal Server Error", err.Error())
		return
	}
	if rows == nil {
		rows = []T{}
	}
	writeJSON(w, http.StatusOK, rows)
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		problem(w, http.StatusBadRequest, "Bad Request", "q is required")
		return
	}
	rows, err := s.o.Store.Search(r.Context(), q, limit(r))
	list(s, w, rows, err)
}

func (s *server) entity(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	p, err := store.EntityProfile(r.Context(), s.o.Store, chi.URLParam(r, "name"), limit(r))
	if err != nil {
		problem(w, http.StatusInternalServerError, "Internal Server Error", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *server) quotes(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	rows, err := s.o.Store.Quotes(r.Context(), r.URL.Query().Get("speaker"), r.URL.Query().Get("about"), limit(r))
	list(s, w, rows, err)
}

func (s *server) conflicts(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	rows, err := s.o.Store.Conflicts(r.Context(), r.URL.Query().Get("about"), limit(r))
	list(s, w, rows, err)
}

func (s *server) agreements(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	rows, err := s.o.Store.Agreements(r.Context(), r.URL.Query().Get("about"), limit(r))
	list(s, w, rows, err)
}
