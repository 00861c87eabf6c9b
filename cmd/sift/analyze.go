package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/schollz/progressbar/v3"
	"github.com/siftnews/sift"
	"github.com/siftnews/sift/input"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

type analyzeFlags struct {
	format   string
	tokens   bool
	columns  []string
	inFormat string
	maxBytes int64
	workers  int
	indent   bool
}

func newAnalyzeCmd() *cobra.Command {
	var f analyzeFlags
	cmd := &cobra.Command{
		Use:   "analyze [FILE|URL|-]...",
		Short: "Analyse articles and print a report (text on a terminal, JSON for scripts)",
		Long: `Analyse one or more articles and print a report for each.

Inputs are files, http(s) URLs, or - for standard input (the default when
stdin is not a terminal). The format is taken from the file name or the
content: plain text (UTF-8, UTF-16 with BOM, or Windows-1252), HTML (main text,
title, byline and date extracted), JSON ({"title","text","author","date",
"url","source"} or an array of such objects), and batches in CSV, TSV or JSON
Lines. Batches read the common fake-news schema id,title,author,text,label out
of the box; name other columns with --column text=article_content.

A bad record in a batch is reported on stderr with its record and line number,
and the rest goes on.

Output: a readable report when stdout is a terminal, otherwise (or with
--format json) one sift.analysis/v1 JSON object per document, one per line.
The schema is documented in docs/schema.md. All offsets are byte offsets into
the "text" field, which is the input text as given.`,
		Example: `  sift analyze examples/damaged-mosul.txt
  sift analyze --format json article.html | jq '.gaps'
  curl -s https://example.org/story | sift analyze -
  sift analyze --column text=article_content --column title=article_title fakes.csv`,
		RunE: func(cmd *cobra.Command, args []string) error { return runAnalyze(cmd, args, f) },
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "auto", "output format: auto, text or json")
	fl.BoolVar(&f.tokens, "tokens", false, "include every token in JSON output")
	fl.StringArrayVar(&f.columns, "column", nil, "map a field to a batch column, as FIELD=COLUMN (fields: id,title,author,text,label,date,url,source)")
	fl.StringVar(&f.inFormat, "input-format", "", "force the input format: text, html, json, jsonl, csv or tsv")
	fl.Int64Var(&f.maxBytes, "max-bytes", sift.DefaultMaxBytes, "largest document accepted, in bytes")
	fl.IntVarP(&f.workers, "workers", "j", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	fl.BoolVar(&f.indent, "indent", false, "indent JSON output")
	return cmd
}

func runAnalyze(cmd *cobra.Command, args []string, f analyzeFlags) error {
	ctx := cmd.Context()
	stdout := cmd.OutOrStdout()
	stderr := cmd.ErrOrStderr()
	if len(args) == 0 {
		if in, ok := cmd.InOrStdin().(*os.File); ok && isTerminal(in) {
			return usageError{errors.New("analyze: no input; give a FILE, a URL, or - for standard input (see sift analyze --help)")}
		}
		args = []string{"-"}
	}
	format := f.format
	if format == "auto" {
		format = "json"
		if w, ok := stdout.(*os.File); ok && isTerminal(w) {
			format = "text"
		}
	}
	if format != "text" && format != "json" {
		return usageError{fmt.Errorf("analyze: unknown --format %q (want auto, text or json)", f.format)}
	}
	opt := input.Options{Format: input.Format(f.inFormat), MaxBytes: f.maxBytes, Stdin: cmd.InOrStdin()}
	switch opt.Format {
	case input.FormatAuto, input.FormatText, input.FormatHTML, input.FormatJSON, input.FormatJSONL, input.FormatCSV, input.FormatTSV:
	default:
		return usageError{fmt.Errorf("analyze: unknown --input-format %q", f.inFormat)}
	}
	if len(f.columns) > 0 {
		opt.Columns = map[string]string{}
		for _, c := range f.columns {
			k, v, ok := strings.Cut(c, "=")
			if !ok || k == "" || v == "" {
				return usageError{fmt.Errorf("analyze: --column %q: want FIELD=COLUMN", c)}
			}
			opt.Columns[strings.ToLower(k)] = v
		}
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	var bar *progressbar.ProgressBar
	if w, ok := stderr.(*os.File); ok && isTerminal(w) && format == "json" {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("analysing"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
			progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
	}
	var st runStats
	report := func(err error) {
		st.failed++
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintln(stderr, "sift:", err)
	}
	emit := func(a *sift.Analysis, err error) {
		if err != nil {
			report(err)
			return
		}
		st.ok++
		if bar != nil {
			bar.Add(1)
		}
		var werr error
		if format == "json" {
			werr = writeJSON(out, a, f.indent)
		} else {
			werr = writeReport(out, a)
		}
		if werr != nil && st.writeErr == nil {
			st.writeErr = werr
		}
	}
	pool := newOrderedPool(ctx, max(1, f.workers), emit)
	for _, name := range args {
		if ctx.Err() != nil {
			break
		}
		r, err := input.Open(ctx, name, opt)
		if err != nil {
			pool.wait()
			report(err)
			continue
		}
		for ctx.Err() == nil {
			d, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				var re *input.RecordError
				pool.wait()
				report(err)
				if errors.As(err, &re) {
					continue
				}
				break
			}
			doc := *d
			pool.submit(func() (*sift.Analysis, error) {
				a, err := analyzeOne(ctx, doc, f)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", doc.Origin, err)
				}
				return a, nil
			})
		}
		r.Close()
	}
	pool.wait()
	if bar != nil {
		bar.Finish()
	}
	if err := out.Flush(); err != nil && st.writeErr == nil {
		st.writeErr = err
	}
	if st.writeErr != nil {
		return &codeError{code: exitError, err: st.writeErr}
	}
	if err := ctx.Err(); err != nil {
		return &codeError{code: exitError, err: err}
	}
	if st.failed > 0 {
		fmt.Fprintf(stderr, "sift: %d analysed, %d failed\n", st.ok, st.failed)
		if st.ok == 0 {
			return &codeError{code: exitNoInput, err: errors.New("no document could be analysed")}
		}
		return &codeError{code: exitPartial}
	}
	return nil
}

type runStats struct {
	ok, failed int
	writeErr   error
}

// analyzeOne runs the pipeline, turning a panic in any stage into an error
// that names the document, so one bad article never stops a batch.
func analyzeOne(ctx context.Context, doc sift.Document, f analyzeFlags) (a *sift.Analysis, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v\n%s", r, debug.Stack())
		}
	}()
	return sift.Analyze(ctx, doc, sift.WithTokens(f.tokens), sift.WithMaxBytes(int(f.maxBytes)))
}

func writeJSON(w io.Writer, a *sift.Analysis, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(a)
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// orderedPool runs jobs on n workers and hands results to emit in
// submission order.
type orderedPool struct {
	ctx     context.Context
	sem     chan struct{}
	results chan chan result
	done    chan struct{}
	once    sync.Once
	emit    func(*sift.Analysis, error)
	n       int
}

type result struct {
	a   *sift.Analysis
	err error
}

func newOrderedPool(ctx context.Context, n int, emit func(*sift.Analysis, error)) *orderedPool {
	p := &orderedPool{ctx: ctx, n: n, emit: emit}
	p.start()
	return p
}

func (p *orderedPool) start() {
	p.sem = make(chan struct{}, p.n)
	p.results = make(chan chan result, p.n*2)
	p.done = make(chan struct{})
	go func() {
		defer close(p.done)
		for rc := range p.results {
			r := <-rc
			p.emit(r.a, r.err)
		}
	}()
}

func (p *orderedPool) submit(job func() (*sift.Analysis, error)) {
	rc := make(chan result, 1)
	p.results <- rc
	p.sem <- struct{}{}
	go func() {
		defer func() { <-p.sem }()
		a, err := job()
		rc <- result{a, err}
	}()
}

// wait drains every submitted job (so errors reported next stay in order)
// and makes the pool ready for more.
func (p *orderedPool) wait() {
	close(p.results)
	<-p.done
	p.start()
}
