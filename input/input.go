// Package input reads news articles from files, URLs and standard input:
// plain text (any encoding Sift can detect), HTML pages (main text and
// metadata extracted with go-readability), JSON documents, and batches in
// CSV or JSON Lines with a column mapping. A bad record in a batch is
// reported as a *RecordError naming it, and reading goes on.
package input

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/siftnews/sift"
)

// Errors reported by readers. Test for them with errors.Is.
var (
	ErrBinary      = errors.New("input is binary, not text")
	ErrEmpty       = errors.New("input is empty")
	ErrTooLarge    = errors.New("input too large")
	ErrBadRecord   = errors.New("bad record")
	ErrUnsupported = errors.New("unsupported input format")
	ErrFetch       = errors.New("fetch failed")
)

// RecordError tells which record of a batch could not be read. Reading
// continues after it.
type RecordError struct {
	Origin string // file or URL
	Record int    // 1-based record number (data rows, not counting a header)
	Line   int    // 1-based line where the record starts
	Err    error
}

func (e *RecordError) Error() string {
	if e.Line <= 0 {
		return fmt.Sprintf("%s: record %d: %v", e.Origin, e.Record, e.Err)
	}
	return fmt.Sprintf("%s: record %d (line %d): %v", e.Origin, e.Record, e.Line, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Format is an input format.
type Format string

// Input formats.
const (
	FormatAuto  Format = ""
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatJSON  Format = "json"
	FormatJSONL Format = "jsonl"
	FormatCSV   Format = "csv"
	FormatTSV   Format = "tsv"
	FormatFeed  Format = "feed" // RSS, Atom or JSON Feed
)

// Options configure reading.
type Options struct {
	Format   Format            // FormatAuto detects from the name and the content
	Columns  map[string]string // field (id,title,author,text,label,date,url,source) → column name
	MaxBytes int64             // per document (and per batch record); 0 means 16 MiB
	// HTTPClient fetches URLs when Fetcher is nil; nil means a client with
	// a 30 s timeout.
	HTTPClient *http.Client
	// Fetcher fetches URLs (pages, feeds, the pages feed items link to)
	// with retries and a per-host rate limit; share one between readers.
	// nil: a Fetcher with the defaults around HTTPClient.
	Fetcher *Fetcher
	// FollowLinks completes feed items that carry only a summary from the
	// page they link to.
	FollowLinks bool
	// NoHeadlineTitle leaves the title of a plain-text document empty
	// instead of taking a first line that looks like a headline (the
	// text keeps that line either way).
	NoHeadlineTitle bool
	// Stdin is read for the name "-"; nil means os.Stdin.
	Stdin io.Reader
}

func (o Options) fetcher() *Fetcher {
	if o.Fetcher != nil {
		return o.Fetcher
	}
	return &Fetcher{Client: o.HTTPClient}
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return sift.DefaultMaxBytes
}

// Reader yields documents one at a time. Next returns io.EOF at the end. A
// *RecordError means one record was bad; call Next again for the rest. Any
// other error is final.
type Reader interface {
	Next() (*sift.Document, error)
	Close() error
}

// Open opens a file path, an http(s) URL, or "-" for standard input.
func Open(ctx context.Context, name string, opt Options) (Reader, error) {
	switch {
	case name == "-":
		in := opt.Stdin
		if in == nil {
			in = os.Stdin
		}
		return FromReader(in, "stdin", opt)
	case strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://"):
		return fetch(ctx, name, opt)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s: %w: is a directory", name, ErrUnsupported)
	}
	if opt.Format == FormatAuto {
		opt.Format = formatFromName(name)
	}
	r, err := fromReader(ctx, f, name, opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	if c, ok := r.(*batchReader); ok {
		c.closer = f
	} else {
		f.Close()
	}
	return r, nil
}

func formatFromName(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".json":
		return FormatJSON
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".csv":
		return FormatCSV
	case ".tsv":
		return FormatTSV
	case ".txt", ".text", ".md":
		return FormatText
	}
	return FormatAuto
}

// FromReader reads from r; origin names it in errors and in
// Document.Origin. Batches (CSV, TSV, JSON Lines) stream; single documents
// are read whole, up to Options.MaxBytes.
func FromReader(r io.Reader, origin string, opt Options) (Reader, error) {
	return fromReader(context.Background(), r, origin, opt)
}

// fromReader is FromReader with the context that feed readers fetch
// linked pages under.
func fromReader(ctx context.Context, r io.Reader, origin string, opt Options) (Reader, error) {
	head := make([]byte, 8192)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	head = head[:n]
	if n == 0 {
		return nil, fmt.Errorf("%s: %w", origin, ErrEmpty)
	}
	if isBinary(head) {
		return nil, fmt.Errorf("%s: %w (%s)", origin, ErrBinary, http.DetectContentType(head))
	}
	full := io.MultiReader(bytes.NewReader(head), r)
	format := opt.Format
	if format == FormatAuto {
		format = sniff(head)
	}
	switch format {
	case FormatCSV, FormatTSV:
		return newCSVReader(full, origin, format == FormatTSV, opt)
	case FormatJSONL:
		return newJSONLReader(full, origin, opt)
	}
	data, err := io.ReadAll(io.LimitReader(full, opt.maxBytes()+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	if int64(len(data)) > opt.maxBytes() {
		return nil, fmt.Errorf("%s: %w: more than %d bytes", origin, ErrTooLarge, opt.maxBytes())
	}
	var items []item
	switch format {
	case FormatFeed:
		return newFeedReader(ctx, data, origin, opt)
	case FormatHTML:
		var d *sift.Document
		d, err = parseHTML(data, origin)
		items = []item{{doc: d}}
	case FormatJSON:
		items, err = parseJSON(data, origin, opt)
	default:
		d := parseText(data, origin)
		if opt.NoHeadlineTitle {
			d.Title = ""
		}
		items = []item{{doc: d}}
	}
	if err != nil {
		return nil, err
	}
	return &sliceReader{items: items}, nil
}

// isBinary reports whether head looks like a binary file: NUL bytes (other
// than in UTF-16 text) or a known binary signature.
func isBinary(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	ct := http.DetectContentType(head)
	switch {
	case strings.HasPrefix(ct, "text/"), ct == "application/json":
		// fall through to the control-byte count
	case strings.HasPrefix(ct, "image/"), strings.HasPrefix(ct, "audio/"), strings.HasPrefix(ct, "video/"),
		ct == "application/pdf", ct == "application/zip", ct == "application/x-gzip", ct == "application/wasm",
		ct == "application/vnd.ms-fontobject", ct == "font/woff", ct == "application/x-rar-compressed":
		return true
	}
	ctrl := 0
	for _, b := range head {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > len(head)
}

// sniff guesses the format of an unnamed input from its first bytes.
func sniff(head []byte) Format {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	switch {
	case len(t) == 0:
		return FormatText
	case t[0] == '{':
		// one object, or one per line?
		if i := bytes.IndexByte(t, '\n'); i > 0 && json.Valid(t[:i]) && len(bytes.TrimSpace(t[i:])) > 0 {
			return FormatJSONL
		}
		return FormatJSON
	case t[0] == '[':
		return FormatJSON
	case t[0] == '<':
		l := bytes.ToLower(t[:min(len(t), 512)])
		if bytes.Contains(l, []byte("<rss")) || bytes.Contains(l, []byte("<feed")) || bytes.Contains(l, []byte("<rdf:rdf")) {
			return FormatFeed
		}
		if bytes.Contains(l, []byte("<html")) || bytes.Contains(l, []byte("<!doctype html")) ||
			bytes.Contains(l, []byte("<body")) || bytes.Contains(l, []byte("<p")) || bytes.Contains(l, []byte("<div")) ||
			bytes.Contains(l, []byte("<article")) || bytes.Contains(l, []byte("<head")) {
			return FormatHTML
		}
	}
	return FormatText
}

// item is a parsed document or the error that replaced it.
type item struct {
	doc *sift.Document
	err error
}

// sliceReader yields documents parsed in full.
type sliceReader struct {
	items []item
	i     int
}

func (s *sliceReader) Next() (*sift.Document, error) {
	if s.i >= len(s.items) {
		return nil, io.EOF
	}
	it := s.items[s.i]
	s.i++
	return it.doc, it.err
}

func (s *sliceReader) Close() error { return nil }

// fetch downloads a URL and reads it by its content type.
func fetch(ctx context.Context, url string, opt Options) (Reader, error) {
	resp, err := opt.fetcher().Get(ctx, url, "text/html, application/rss+xml, application/atom+xml, application/json, text/plain;q=0.9, */*;q=0.5", opt.maxBytes())
	if err != nil {
		return nil, err
	}
	if opt.Format == FormatAuto {
		ct := strings.ToLower(resp.ContentType)
		switch {
		case strings.Contains(ct, "rss") || strings.Contains(ct, "atom"):
			opt.Format = FormatFeed
		case strings.Contains(ct, "html"):
			opt.Format = FormatHTML
		case strings.Contains(ct, "json"):
			opt.Format = FormatJSON
		case strings.Contains(ct, "csv"):
			opt.Format = FormatCSV
		}
	}
	r, err := fromReader(ctx, bytes.NewReader(resp.Body), url, opt)
	if err != nil {
		return nil, err
	}
	if sr, ok := r.(*sliceReader); ok {
		for _, it := range sr.items {
			if it.doc != nil && it.doc.URL == "" {
				it.doc.URL = resp.URL
			}
		}
	}
	return r, nil
}
