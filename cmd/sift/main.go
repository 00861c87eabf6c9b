// Command sift is the command-line interface of Sift, a news verification
// engine: it reads articles and reports who said what, about whom, where
// the text was damaged and how far to trust it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes. They are part of the interface: scripts may rely on them.
const (
	exitOK      = 0 // every input was processed
	exitError   = 1 // an unexpected error stopped the run
	exitUsage   = 2 // the command line was wrong
	exitPartial = 3 // some inputs or records failed; the rest were processed
	exitNoInput = 4 // no input could be read at all
)

// exitError carries an exit code through cobra.
type codeError struct {
	code int
	err  error
}

func (e *codeError) Error() string { return e.err.Error() }
func (e *codeError) Unwrap() error { return e.err }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string) int {
	root := newRootCmd()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	return codeOf(err, os.Stderr)
}

// codeOf prints err (unless already reported) and returns its exit code.
func codeOf(err error, stderr io.Writer) int {
	var ce *codeError
	if errors.As(err, &ce) {
		if ce.err != nil {
			fmt.Fprintln(stderr, "sift:", ce.err)
		}
		return ce.code
	}
	fmt.Fprintln(stderr, "sift:", err)
	if isUsage(err) {
		return exitUsage
	}
	if msg := err.Error(); strings.HasPrefix(msg, "unknown command") || strings.Contains(msg, "accepts ") || strings.HasPrefix(msg, "required flag") {
		return exitUsage
	}
	return exitError
}

// usageError marks errors in the command line itself.
type usageError struct{ error }

func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "sift",
		Short: "Sift: who said what in a news article, about whom, and how far to trust it",
		Long: `Sift reads news articles and reports, with evidence a person can check:
who said what (every quotation with its cue and its speaker: a person, an
organisation, an anonymous or media source, a document), the people, bodies
and places named and the variants that refer to them, a calibrated
reliability score with the signals and words behind it, every repair made to
damaged text and every gap where a hyperlinked name was stripped out (with
the name the article suggests), all with byte offsets into the original text.

  sift analyze article.txt          a report on a terminal, JSON when piped
  sift eval ner|quotes|reliability  how accurate each model is, on held-out data
  sift train ner|quotes|reliability retrain a model from ../shared/data

Exit codes: 0 all inputs processed; 1 unexpected error; 2 bad command line;
3 some inputs or records failed (each reported on stderr), the rest processed;
4 nothing could be read.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())}
	})
	root.AddCommand(newAnalyzeCmd(), newIngestCmd(), newSearchCmd(), newEntityCmd(), newQuotesCmd(), newClaimsCmd(), newConflictsCmd(), newAgreementsCmd(), newServeCmd(), newTrainCmd(), newEvalCmd(), newVersionCmd())
	return root
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print Sift's version and the analysis schema it writes",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "sift %s (schema %s)\n", version(), schemaVersion())
			return nil
		},
	}
}
