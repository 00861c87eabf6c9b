package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/siftnews/sift/entity"
	"github.com/spf13/cobra"
)

type evalNERFlags struct {
	data, model, pred, mapping string
	perType                    bool
}

func newEvalNERCmd() *cobra.Command {
	var f evalNERFlags
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Score the entity tagger on a CoNLL file: conlleval P/R/F1, per type",
		Long: `Score named-entity tagging on a CoNLL column file (word first, gold tag
last; IOB1, IOB2 or BILOU) with conlleval's rules: an entity counts only when
its span and type both match exactly; precision, recall and F1 are micro-
averaged over all entities, then given per type.

By default the embedded model tags the file; --model scores another model
file, and --pred scores someone else's output (a CoNLL file with the same
tokens whose last column is the predicted tag), so peers are scored by the
same code.

--map renames gold types before scoring, for data sets with other types.
The WNUT-17 mapping used in docs/benchmarks.md is
  --map person=PER,location=LOC,corporation=ORG,group=ORG,product=MISC,creative-work=MISC`,
		Example: `  sift eval ner --data ../shared/data/conll2003/test.txt
  sift eval ner --data ../shared/data/wnut17/emerging.test.annotated --map person=PER,location=LOC,corporation=ORG,group=ORG,product=MISC,creative-work=MISC
  sift eval ner --data test.txt --pred opennlp.conll`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runEvalNER(cmd, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.data, "data", "", "gold CoNLL file (default ../shared/data/conll2003/test.txt)")
	fl.StringVar(&f.model, "model", "", "model file (default: the embedded model)")
	fl.StringVar(&f.pred, "pred", "", "score this CoNLL file of predicted tags instead of running a model")
	fl.StringVar(&f.mapping, "map", "", "gold type renames, e.g. person=PER,location=LOC (unlisted types are dropped when --map is given)")
	return cmd
}

func loadModel(path string) (*entity.Model, error) {
	if path == "" {
		return entity.Default()
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	m, err := entity.Load(bufio.NewReader(fh))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func parseMap(s string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	out := map[string]string{}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || v == "" {
			return nil, usageError{fmt.Errorf("--map: want from=TO pairs, got %q", kv)}
		}
		out[k] = v
	}
	return out, nil
}

func mapTags(tags []string, m map[string]string) []string {
	if m == nil {
		return tags
	}
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = "O"
		if p, ty, ok := strings.Cut(t, "-"); ok {
			if to, ok := m[ty]; ok {
				out[i] = p + "-" + to
			}
		}
	}
	return out
}

func runEvalNER(cmd *cobra.Command, f evalNERFlags) error {
	path, err := dataPath(f.data, "conll2003/test.txt")
	if err != nil {
		return err
	}
	gold, ntok, err := readCoNLL(path)
	if err != nil {
		return err
	}
	mapping, err := parseMap(f.mapping)
	if err != nil {
		return err
	}
	for _, d := range gold {
		for i := range d {
			d[i].Tags = mapTags(d[i].Tags, mapping)
		}
	}
	var sc entity.Score
	var elapsed time.Duration
	source := ""
	if f.pred != "" {
		pred, _, err := readCoNLL(f.pred)
		if err != nil {
			return err
		}
		if err := scorePred(&sc, gold, pred); err != nil {
			return fmt.Errorf("%s: %w", f.pred, err)
		}
		source = f.pred
	} else {
		m, err := loadModel(f.model)
		if err != nil {
			return err
		}
		t0 := time.Now()
		sc = m.Evaluate(gold)
		elapsed = time.Since(t0)
		source = "embedded model"
		if f.model != "" {
			source = f.model
		}
	}
	return printScore(cmd.OutOrStdout(), path, source, ntok, elapsed, &sc)
}

func scorePred(sc *entity.Score, gold, pred []entity.Document) error {
	var g, p []entity.Sentence
	for _, d := range gold {
		g = append(g, d...)
	}
	for _, d := range pred {
		p = append(p, d...)
	}
	if len(g) != len(p) {
		return fmt.Errorf("%d sentences, want %d", len(p), len(g))
	}
	for i := range g {
		if len(g[i].Tags) != len(p[i].Tags) {
			return fmt.Errorf("sentence %d: %d tokens, want %d", i+1, len(p[i].Tags), len(g[i].Tags))
		}
		sc.Add(g[i].Tags, p[i].Tags)
	}
	return nil
}

func printScore(out io.Writer, data, source string, ntok int, elapsed time.Duration, sc *entity.Score) error {
	fmt.Fprintf(out, "data: %s (%d tokens, %d entities)\ntagger: %s\n", data, ntok, sc.All.Gold, source)
	if elapsed > 0 {
		fmt.Fprintf(out, "speed: %.0f tokens/s (one core, including feature extraction)\n", float64(ntok)/elapsed.Seconds())
	}
	fmt.Fprintf(out, "token accuracy: %.4f\n\n", sc.Accuracy())
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "type\tgold\tpredicted\tcorrect\tprecision\trecall\tF1\t\n")
	row := func(name string, c entity.Counts) {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t\n", name, c.Gold, c.Pred, c.Correct, c.Precision(), c.Recall(), c.F1())
	}
	for _, t := range sc.Types() {
		row(t, sc.ByType[t])
	}
	row("all (micro)", sc.All)
	return w.Flush()
}
