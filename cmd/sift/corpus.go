package main

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/siftnews/sift"
	"github.com/siftnews/sift/input"
	"github.com/siftnews/sift/repair"
	"github.com/siftnews/sift/store"
	"github.com/spf13/cobra"
)

func openStore(ctx context.Context, path string) (store.Store, error) {
	if path == "" {
		path = store.DefaultPath()
	}
	return store.OpenSQLite(ctx, path)
}

// ingestExts are the files a directory or archive walk picks up. XML is
// not among them (datasets keep annotation and article markup in .xml);
// name a feed saved as .xml on the command line, or give its URL.
var ingestExts = map[string]bool{".txt": true, ".rss": true, ".atom": true, ".csv": true, ".tsv": true, ".json": true, ".jsonl": true, ".html": true, ".htm": true, ".gz": true, ".tgz": true}

func isTarGz(p string) bool {
	l := strings.ToLower(p)
	return strings.HasSuffix(l, ".tar.gz") || strings.HasSuffix(l, ".tgz")
}

// eachTarMember calls fn with every readable article file of a .tar.gz
// archive, in archive order, until fn returns false.
func eachTarMember(path string, fn func(name string, r io.Reader) bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		ext := strings.ToLower(filepath.Ext(h.Name))
		if h.Typeflag != tar.TypeReg || !ingestExts[ext] || ext == ".gz" || ext == ".tgz" {
			continue
		}
		if !fn(h.Name, io.LimitReader(tr, 64<<20)) {
			return nil
		}
	}
}

// expandPaths lists the files under directories (sorted); URLs and files
// are kept as given.
func expandPaths(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") || a == "-" {
			out = append(out, a)
			continue
		}
		if !dirExists(a) {
			out = append(out, a)
			continue
		}
		var files []string
		err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(p))
			if !d.IsDir() && ingestExts[ext] && (ext != ".gz" || isTarGz(p)) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

type ingestStats struct{ read, stored, duplicate, failed int }

func newIngestCmd() *cobra.Command {
	var db string
	var workers int
	var fetch fetchFlags
	cmd := &cobra.Command{
		Use:   "ingest PATH|URL...",
		Short: "Analyse articles and store them in the corpus (idempotent: re-ingesting adds nothing)",
		Long: `Analyse articles — files, directories, CSV/TSV/JSONL batches, HTML pages,
.tar.gz archives of articles, RSS/Atom feeds, URLs — and store each analysis in the corpus database (SQLite, WAL, FTS5),
by default $XDG_DATA_HOME/sift/sift.db (--db to choose).

Every article is identified by the hash of its title and text: ingesting
the same content again stores nothing, so an interrupted ingest is resumed by
running it again. Bad records are reported with their location and the rest
goes on; a summary ends the run (read, stored, already stored, failed).

URLs and feeds are fetched politely: every request has a timeout, failures
(network errors, 429, 5xx) are retried with exponential back-off honouring
Retry-After, and one host gets at most one request per --per-host interval.
A feed item that carries only a summary is completed from the page it links
to (--follow=false to keep the summary).`,
		Example: `  sift ingest ../shared/data/isot-sample
  sift ingest --db corpus.db articles.jsonl https://example.org/story.html
  sift ingest https://example.org/world/rss.xml saved-feed.atom`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			paths, err := expandPaths(args)
			if err != nil {
				return err
			}
			s, err := ingest(ctx, st, paths, workers, cmd.ErrOrStderr(), fetch.options())
			fmt.Fprintf(cmd.OutOrStdout(), "read %d, stored %d, already stored %d, failed %d\n", s.read, s.stored, s.duplicate, s.failed)
			if err != nil {
				return err
			}
			switch {
			case s.read == 0 && s.failed > 0:
				return &codeError{code: exitNoInput}
			case s.failed > 0:
				return &codeError{code: exitPartial}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "corpus database (default $XDG_DATA_HOME/sift/sift.db)")
	cmd.Flags().IntVarP(&workers, "workers", "j", runtime.NumCPU(), "articles analysed in parallel")
	fetch.add(cmd)
	return cmd
}

// fetchFlags configure network fetches (URLs, feeds, linked pages).
type fetchFlags struct {
	timeout, perHost time.Duration
	retries          int
	follow           bool
}

func (f *fetchFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit of one HTTP request")
	fl.IntVar(&f.retries, "retries", 3, "retries of a failed fetch (network error, 429, 5xx)")
	fl.DurationVar(&f.perHost, "per-host", time.Second, "least time between two requests to one host")
	fl.BoolVar(&f.follow, "follow", true, "complete summary-only feed items from the pages they link to")
}

// options are the input options of a run: one Fetcher shared by every
// reader, so that the per-host limit holds across them.
func (f *fetchFlags) options() input.Options {
	// the Fetcher reads 0 as "the default"; here 0 means none
	retries, perHost := f.retries, f.perHost
	if retries <= 0 {
		retries = -1
	}
	if perHost <= 0 {
		perHost = -1
	}
	return input.Options{Fetcher: &input.Fetcher{Timeout: f.timeout, Retries: retries, PerHost: perHost}, FollowLinks: f.follow}
}

// ingest reads every path, analyses new articles on a worker pool and
// stores them from one writer.
func ingest(ctx context.Context, st store.Store, paths []string, workers int, stderr io.Writer, opt input.Options) (ingestStats, error) {
	var s ingestStats
	var bar *progressbar.ProgressBar
	if isTerminalWriter(stderr) {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	report := func(err error) {
		s.failed++
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintln(stderr, "sift:", err)
	}
	docs := make(chan *sift.Document, 2*workers)
	type result struct {
		a   *sift.Analysis
		err error
	}
	results := make(chan result, 2*workers)
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				a, err := analyzeSafe(ctx, *d)
				if err != nil {
					err = fmt.Errorf("%s: %w", d.Origin, err)
				}
				results <- result{a, err}
			}
		}()
	}
	var readErr error
	// feed sends a reader's documents to the workers; false stops reading.
	feed := func(r input.Reader) bool {
		defer r.Close()
		for {
			d, err := r.Next()
			if errors.Is(err, io.EOF) {
				return true
			}
			if err != nil {
				var re *input.RecordError
				results <- result{err: err}
				if errors.As(err, &re) {
					continue
				}
				return true
			}
			title, _ := repair.Decode([]byte(d.Title))
			text := d.Text
			if dec, _ := repair.Decode([]byte(text)); dec != "" {
				text = dec
			}
			if ok, _ := st.Has(ctx, store.Hash(repair.Clean(title).Clean, text)); ok {
				results <- result{} // already stored: no analysis needed
				continue
			}
			select {
			case docs <- d:
			case <-ctx.Done():
				readErr = ctx.Err()
				return false
			}
		}
	}
	go func() {
		defer close(docs)
		for _, p := range paths {
			if isTarGz(p) {
				if err := eachTarMember(p, func(name string, r io.Reader) bool {
					ir, err := input.FromReader(r, p+":"+name, opt)
					if err != nil {
						results <- result{err: err}
						return true
					}
					return feed(ir)
				}); err != nil {
					results <- result{err: fmt.Errorf("%s: %w", p, err)}
				}
				continue
			}
			r, err := input.Open(ctx, p, opt)
			if err != nil {
				results <- result{err: fmt.Errorf("%s: %w", p, err)}
				continue
			}
			if !feed(r) {
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	for r := range results {
		if bar != nil {
			bar.Add(1)
		}
		switch {
		case r.err != nil:
			report(r.err)
		case r.a == nil:
			s.read++
			s.duplicate++
		default:
			s.read++
			if _, added, err := st.Put(ctx, r.a); err != nil {
				report(fmt.Errorf("%s: %w", r.a.Origin, err))
			} else if added {
				s.stored++
			} else {
				s.duplicate++
			}
		}
	}
	if bar != nil {
		bar.Finish()
	}
	if readErr == nil {
		readErr = ctx.Err()
	}
	return s, readErr
}

// analyzeSafe runs Analyze and turns a panic into an error, so that one
// article never stops an ingest.
func analyzeSafe(ctx context.Context, d sift.Document) (a *sift.Analysis, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	return sift.Analyze(ctx, d)
}

type queryFlags struct {
	db, format string
	limit      int
}

func (q *queryFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&q.db, "db", "", "corpus database (default $XDG_DATA_HOME/sift/sift.db)")
	cmd.Flags().StringVarP(&q.format, "format", "f", "text", "text, json or csv")
	cmd.Flags().IntVarP(&q.limit, "limit", "n", 20, "most results shown")
}

func (q *queryFlags) emit(out io.Writer, v any, text func(w *tabwriter.Writer)) error {
	switch q.format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case "text":
		w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		text(w)
		return w.Flush()
	case "csv":
		return writeCSV(out, v)
	}
	return usageError{fmt.Errorf("--format: want text, json or csv, got %q", q.format)}
}

// writeCSV writes a slice of flat structs (nested structs flattened as
// a.field) with a header row named by the JSON field names.
func writeCSV(out io.Writer, v any) error {
	rv := reflect.ValueOf(v)
	w := csv.NewWriter(out)
	var header []string
	for i := 0; i < rv.Len(); i++ {
		var names, vals []string
		flatten(rv.Index(i), "", &names, &vals)
		if i == 0 {
			header = names
			if err := w.Write(header); err != nil {
				return err
			}
		}
		if err := w.Write(vals); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

func flatten(v reflect.Value, prefix string, names, vals *[]string) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		if name == "" || name == "-" {
			name = strings.ToLower(f.Name)
		}
		fv := v.Field(i)
		if fv.Kind() == reflect.Struct {
			flatten(fv, prefix+name+".", names, vals)
			continue
		}
		*names = append(*names, prefix+name)
		*vals = append(*vals, fmt.Sprint(fv.Interface()))
	}
}

func newSearchCmd() *cobra.Command {
	var q queryFlags
	cmd := &cobra.Command{
		Use:     "search QUERY",
		Short:   "Full-text search of the corpus, ranked (bm25, titles count 3×), with highlighted snippets",
		Example: "  sift search Baghdadi Mosul\n  sift search --format json \"foreign minister\"",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runQuery(cmd, &q, func(ctx context.Context, st store.Store) ([]store.Hit, error) {
				return st.Search(ctx, strings.Join(args, " "), q.limit)
			}, func(w *tabwriter.Writer, h store.Hit) {
				title := h.Title
				if title == "" {
					title = h.Origin
				}
				fmt.Fprintf(w, "%d\t%s\n\t%s\n", h.ID, title, strings.Join(strings.Fields(h.Snippet), " "))
			})
		},
	}
	q.add(cmd)
	return cmd
}

func newEntityCmd() *cobra.Command {
	var q queryFlags
	cmd := &cobra.Command{
		Use:   "entity NAME",
		Short: "What the corpus says about a person, organisation or place: articles, quotations, claims, who else is named",
		Long: `Show what the corpus holds about an entity, matched by canonical name, alias
or surname: the articles that name it, what it said (quotations attributed to
it), who quotes or speaks about it (quotations that mention it), the claims
about it and their conflicts, and the entities named alongside it.
--format json prints the whole profile as one object; --format csv lists the
articles.`,
		Example: `  sift entity Zebari
  sift entity "Abu Bakr al-Baghdadi" --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := openStore(ctx, q.db)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := store.EntityProfile(ctx, st, strings.Join(args, " "), q.limit)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if q.format == "csv" {
				return writeCSV(out, p.Mentions) // CSV lists the articles
			}
			if q.format == "text" && len(p.Mentions) == 0 {
				fmt.Fprintf(out, "no stored article names %q\n", p.Name)
				return &codeError{code: exitNoInput}
			}
			return q.emit(out, p, func(w *tabwriter.Writer) {
				fmt.Fprintf(w, "%s — named in %d article(s) as %s\n", p.Name, len(p.Mentions), strings.Join(p.Names, ", "))
				for _, m := range p.Mentions {
					fmt.Fprintf(w, "  [%d]\t%s ×%d\t%s\n", m.ArticleID, m.Type, m.Mentions, m.Title)
				}
				section := func(title string, n int) bool {
					if n > 0 {
						fmt.Fprintf(w, "\n%s (%d):\n", title, n)
					}
					return n > 0
				}
				if section("Said", len(p.Said)) {
					for _, r := range p.Said {
						fmt.Fprintf(w, "  [%d]\t%s\t%s\n", r.ArticleID, r.Kind, quoted(clip(strings.Join(strings.Fields(r.Text), " "), 100, false)))
					}
				}
				if section("Quoted or spoken about by", len(p.About)) {
					for _, r := range p.About {
						fmt.Fprintf(w, "  [%d]\t%s (%s)\t%s\n", r.ArticleID, r.Speaker, r.SpeakerKind, quoted(clip(strings.Join(strings.Fields(r.Text), " "), 90, false)))
					}
				}
				if section("Claims", len(p.Claims)) {
					for _, r := range p.Claims {
						fmt.Fprintf(w, "  [%d]\t%s\t%s\n", r.ArticleID, r.Source, claimLine(r))
					}
				}
				if section("Conflicts", len(p.Conflicts)) {
					for _, r := range p.Conflicts {
						fmt.Fprintf(w, "  ⚠\t%s\n", r.Reason)
					}
				}
				if section("Named alongside", len(p.Co)) {
					for _, c := range p.Co {
						fmt.Fprintf(w, "  %s\t%s\t%d article(s)\n", c.Name, c.Type, c.Articles)
					}
				}
			})
		},
	}
	q.add(cmd)
	return cmd
}

func newQuotesCmd() *cobra.Command {
	var q queryFlags
	var speaker, about string
	cmd := &cobra.Command{
		Use:     "quotes",
		Short:   "Who said what in the corpus: quotations by speaker and/or about a name",
		Example: "  sift quotes --speaker \"Hoshyar Zebari\"\n  sift quotes --about Baghdadi",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runQuery(cmd, &q, func(ctx context.Context, st store.Store) ([]store.QuoteRow, error) {
				return st.Quotes(ctx, speaker, about, q.limit)
			}, func(w *tabwriter.Writer, r store.QuoteRow) {
				who := r.Speaker
				if who == "" {
					who = "(unknown)"
				}
				if r.ReportedBy != "" {
					who += " via " + r.ReportedBy
				}
				fmt.Fprintf(w, "%d\t%s (%s)\t%s\t%s\n", r.ArticleID, who, r.SpeakerKind, r.Kind, clip(strings.Join(strings.Fields(r.Text), " "), 90, false))
			})
		},
	}
	q.add(cmd)
	cmd.Flags().StringVar(&speaker, "speaker", "", "speaker's canonical name or written source")
	cmd.Flags().StringVar(&about, "about", "", "words the quotation contains")
	return cmd
}

func writeFile(path, body string) error { return os.WriteFile(path, []byte(body), 0o644) }

func newClaimsCmd() *cobra.Command {
	var q queryFlags
	var about string
	cmd := &cobra.Command{
		Use:     "claims",
		Short:   "State claims in the corpus (present/absent at a place, alive/dead, …) with their sources",
		Example: "  sift claims --about Baghdadi",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runQuery(cmd, &q, func(ctx context.Context, st store.Store) ([]store.ClaimRow, error) {
				return st.Claims(ctx, about, q.limit)
			}, func(w *tabwriter.Writer, r store.ClaimRow) {
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", r.ArticleID, r.Predicate, r.Subject, r.Source, claimLine(r))
			})
		},
	}
	q.add(cmd)
	cmd.Flags().StringVar(&about, "about", "", "the entity the claims are about (name or surname)")
	return cmd
}

func newConflictsCmd() *cobra.Command {
	return newRelationCmd("conflicts", "⚠",
		"Claims that contradict each other, within an article or across the corpus, with both sources",
		`List pairs of claims from different sources that cannot both be true, in one
article or across articles: one source says a person has fled a city, another
that he is still there; one that someone is dead, another alive; two
different forces said to hold one place; counts of the same thing whose
ranges do not meet ("about 6,000 fighters remain" / "fewer than 1,000");
"X did" / "X did not". Names match by surname ("Baghdadi" = "Abu Bakr
al-Baghdadi"); claims about different places or different dates never
conflict.`,
		"  sift conflicts\n  sift conflicts --about Baghdadi --format json",
		func(ctx context.Context, st store.Store, about string, limit int) ([]store.ConflictRow, error) {
			return st.Conflicts(ctx, about, limit)
		})
}

func newAgreementsCmd() *cobra.Command {
	return newRelationCmd("agreements", "✓",
		"Claims from different sources that corroborate each other",
		`List pairs of claims from different sources that say the same thing: the
same state of the same person (both say he is still in the city), the same
controller of a place, counts of the same thing whose ranges meet. Matching
follows the rules of sift conflicts.`,
		"  sift agreements --about Baghdadi",
		func(ctx context.Context, st store.Store, about string, limit int) ([]store.ConflictRow, error) {
			return st.Agreements(ctx, about, limit)
		})
}

// newRelationCmd builds conflicts and agreements: pairs of stored claims.
func newRelationCmd(use, mark, short, long, example string, query func(context.Context, store.Store, string, int) ([]store.ConflictRow, error)) *cobra.Command {
	var q queryFlags
	var about string
	cmd := &cobra.Command{
		Use: use, Short: short, Long: long, Example: example,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runQuery(cmd, &q, func(ctx context.Context, st store.Store) ([]store.ConflictRow, error) {
				return query(ctx, st, about, q.limit)
			}, func(w *tabwriter.Writer, r store.ConflictRow) {
				fmt.Fprintf(w, "%s %s\n\t[%d] %s: %s\n\t[%d] %s: %s\n", mark, r.About,
					r.A.ArticleID, r.A.Source, claimLine(r.A), r.B.ArticleID, r.B.Source, claimLine(r.B))
			})
		},
	}
	q.add(cmd)
	cmd.Flags().StringVar(&about, "about", "", "only claims about this entity (or counted thing)")
	return cmd
}

// quoted wraps a quotation in marks unless it opens with its own.
func quoted(s string) string {
	if s == "" || strings.ContainsRune("“\"‘'«„", []rune(s)[0]) {
		return s
	}
	return "“" + s + "”"
}

// claimLine is a stored claim in a few words.
func claimLine(c store.ClaimRow) string {
	s := c.State
	if c.Object != "" {
		s += " " + c.Object
	}
	if c.Place != "" && c.Predicate != "control" {
		s += " " + c.Place
	}
	if c.Modality == "hedged" {
		s += " (hedged)"
	}
	if c.Time != "" {
		s += " [" + c.Time + "]"
	}
	return s + " “" + c.Evidence + "”"
}

// runQuery opens the store, runs one query and prints its rows (text or
// JSON).
func runQuery[T any](cmd *cobra.Command, q *queryFlags, query func(context.Context, store.Store) ([]T, error), line func(*tabwriter.Writer, T)) error {
	st, err := openStore(cmd.Context(), q.db)
	if err != nil {
		return err
	}
	defer st.Close()
	rows, err := query(cmd.Context(), st)
	if err != nil {
		return err
	}
	return q.emit(cmd.OutOrStdout(), rows, func(w *tabwriter.Writer) {
		for _, r := range rows {
			line(w, r)
		}
	})
}
