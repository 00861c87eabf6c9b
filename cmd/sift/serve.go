package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/siftnews/sift/serve"
	"github.com/siftnews/sift/store"
	"github.com/spf13/cobra"
)

func newServeCmd() *cobra.Command {
	var addr, db, tokenEnv string
	var maxBody int64
	var concurrency int
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP JSON API (analyse, ingest, search, entities, quotes, conflicts)",
		Long: `Serve Sift's HTTP API. POST /v1/analyze analyses one article (text/plain,
text/html or JSON); POST /v1/articles ingests into the corpus; GET
/v1/articles/{id}, /v1/search?q=, /v1/entities/{name}, /v1/quotes and
/v1/conflicts query it. The OpenAPI 3 document is at /openapi.json; errors are
RFC 9457 problem documents. Bodies, times and concurrency are bounded (over
the limit the server answers 503); writes need "Authorization: Bearer TOKEN"
when the environment variable named by --token-env is set. SIGINT/SIGTERM
shut down gracefully.`,
		Example: `  sift serve --addr 127.0.0.1:8080
  curl -s --data-binary @examples/damaged-mosul.txt -H 'Content-Type: text/plain' localhost:8080/v1/analyze | jq .quotes`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			path := db
			if path == "" {
				path = store.DefaultPath()
			}
			st, err := store.OpenSQLite(ctx, path)
			if err != nil {
				return err
			}
			defer st.Close()
			h := serve.Handler(serve.Options{Store: st, Token: os.Getenv(tokenEnv), MaxBody: maxBody, Concurrency: concurrency})
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
	fl.IntVar(&concurrency, "concurrency", 8, "requests handled at once; more are answered 503")
	return cmd
}
