package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/siftnews/sift/examples"
	"github.com/siftnews/sift/input"
	"github.com/siftnews/sift/serve"
	"github.com/siftnews/sift/store"
	"github.com/spf13/cobra"
)

func newServeCmd() *cobra.Command {
	var addr, db, tokenEnv string
	var maxBody int64
	var concurrency, queue int
	var demo bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and the HTTP JSON API (analyse, ingest, search, entities, quotes, conflicts)",
		Long: `Serve Sift's web UI and HTTP API.

The web UI (http://ADDR/) analyses a pasted or uploaded article and shows
the original text with entities, quotations coloured by speaker, cues,
stripped-name gaps and repairs highlighted; a "who said what" table; the
reliability gauge with its signals and top features, each clickable to the
words it rests on; and the conflicts inside the article. Over the corpus it
has search with snippets, entity pages (what they said, who speaks about
them, the claims about them, who is named with them), the conflicts across
sources, and plots of reliability by source and quotations per speaker.
--demo ingests the bundled example articles into a temporary corpus first.

The API: POST /v1/analyze analyses one article (text/plain,
text/html or JSON); POST /v1/articles ingests into the corpus; GET
/v1/articles/{id}, /v1/search?q=, /v1/entities/{name}, /v1/quotes and
/v1/conflicts query it. The OpenAPI 3 document is at /openapi.json; errors are
RFC 9457 problem documents. Bodies, times and concurrency are bounded: at most
--concurrency requests run at once, --queue more wait (up to 2 s), and beyond
that the server answers 503 with Retry-After at once; writes need "Authorization: Bearer TOKEN"
when the environment variable named by --token-env is set. SIGINT/SIGTERM
shut down gracefully.`,
		Example: `  sift serve --demo                      # try it: example articles in a temporary corpus
  sift serve --addr 127.0.0.1:8080
  curl -s --data-binary @examples/damaged-mosul.txt -H 'Content-Type: text/plain' localhost:8080/v1/analyze | jq .quotes`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			path := db
			if demo {
				if db != "" {
					return usageError{fmt.Errorf("--demo uses a temporary corpus; it cannot be combined with --db")}
				}
				dir, err := os.MkdirTemp("", "sift-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				path = filepath.Join(dir, "sift.db")
			}
			if path == "" {
				path = store.DefaultPath()
			}
			st, err := store.OpenSQLite(ctx, path)
			if err != nil {
				return err
			}
			defer st.Close()
			if demo {
				if err := ingestDemo(ctx, st, filepath.Dir(path), cmd.ErrOrStderr()); err != nil {
					return err
				}
			}
			h := serve.Handler(serve.Options{Store: st, Token: os.Getenv(tokenEnv), MaxBody: maxBody, Concurrency: concurrency, Queue: queue})
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: 2 * time.Minute}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "sift: serving on http://%s (corpus %s)\n", ln.Addr(), path)
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
				sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
					return err
				}
				return nil
			}
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	fl.StringVar(&db, "db", "", "corpus database (default $XDG_DATA_HOME/sift/sift.db)")
	fl.StringVar(&tokenEnv, "token-env", "SIFT_TOKEN", "environment variable holding the write token (unset: writes are open)")
	fl.Int64Var(&maxBody, "max-body", 4<<20, "largest request body in bytes")
	fl.IntVar(&concurrency, "concurrency", 0, "requests handled at once (default 2 × CPUs)")
	fl.IntVar(&queue, "queue", 256, "requests that may wait for a turn; more are answered 503 at once")
	fl.BoolVar(&demo, "demo", false, "ingest the bundled example articles into a temporary corpus and serve it")
	return cmd
}

// ingestDemo writes the bundled example articles to dir and ingests them.
func ingestDemo(ctx context.Context, st store.Store, dir string, stderr io.Writer) error {
	names, err := fs.Glob(examples.FS, "*")
	if err != nil {
		return err
	}
	// the corpus groups articles by folder and file name: examples/…
	dir = filepath.Join(dir, "examples")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	var paths []string
	for _, n := range names {
		data, err := examples.FS.ReadFile(n)
		if err != nil {
			return err
		}
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return err
		}
		paths = append(paths, p)
	}
	s, err := ingest(ctx, st, paths, runtime.NumCPU(), stderr, input.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "sift: demo corpus: %d example articles stored\n", s.stored)
	return nil
}
