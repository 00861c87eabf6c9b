package main

import (
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/siftnews/sift/internal/conll"
	"github.com/siftnews/sift/internal/segeval"
	"github.com/siftnews/sift/internal/shareddata"
	"github.com/spf13/cobra"
)

func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Evaluate Sift's models and rules on held-out data, with standard metrics",
	}
	cmd.AddCommand(newEvalSentencesCmd(), newEvalNERCmd(), newEvalQuotesCmd(), newEvalReliabilityCmd(), newEvalStanceCmd())
	return cmd
}

func newEvalSentencesCmd() *cobra.Command {
	var data string
	cmd := &cobra.Command{
		Use:   "sentences",
		Short: "Measure sentence-boundary precision, recall and F1 on CoNLL-2003 news",
		Long: `Measure sentence-boundary accuracy on a CoNLL-2003 column file.

Each document's sentences are turned back into running text and segmented;
a boundary counts when Sift cuts exactly where a gold sentence ends. Two
layouts are scored: "news layout" puts unpunctuated headlines, datelines and
table rows on their own line, as in a real article; "flat" joins everything
with single spaces, leaving no cue for unpunctuated lines.`,
		Example: `  sift eval sentences --data ../shared/data/conll2003/test.txt`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				root := shareddata.Root()
				if root == "" {
					return usageError{fmt.Errorf("eval sentences: no --data given and ../shared/data not found")}
				}
				data = filepath.Join(root, "conll2003", "test.txt")
			}
			f, err := os.Open(data)
			if err != nil {
				return err
			}
			defer f.Close()
			docs, err := conll.Read(f)
			if err != nil {
				return fmt.Errorf("%s: %w", data, err)
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintf(w, "layout\tdocs\tsentences\tprecision\trecall\tF1\n")
			for _, l := range []segeval.Layout{segeval.News, segeval.Flat} {
				r := segeval.Evaluate(docs, l)
				fmt.Fprintf(w, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\n", l, r.Docs, r.Sentences, r.Precision(), r.Recall(), r.F1())
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "CoNLL-2003 file (default ../shared/data/conll2003/test.txt)")
	return cmd
}
